import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every page of the built site, as URL paths ("/", "/lessons/01-rank/", "/404.html"). */
export function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(path);
      } else if (name.endsWith('.html')) {
        const rel = '/' + relative(dir, path).replace(/\\/g, '/');
        pages.push(rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** The languages served under their own prefix (astro.config.mjs); English is at the root. */
export const LOCALES = ['vi', 'de', 'zh-cn'] as const;

/** A page's path without its language prefix: "/de/lessons/01-rank/" is "/lessons/01-rank/". */
export function withoutLocale(path: string): string {
  const locale = LOCALES.find((l) => path.startsWith(`/${l}/`));
  return locale ? path.slice(locale.length + 1) : path;
}

/**
 * The pages whole-site checks (axe, layout) open: every English page and one page per other language (its
 * first lesson), since a locale's pages share their layout and widgets with the English ones and opening every
 * page in every language again would take the browser suite past its time limit in CI.
 */
export function sampledPages(dir = 'dist'): string[] {
  const all = builtPages(dir);
  const perLocale = LOCALES.map((l) => all.find((p) => p.startsWith(`/${l}/lessons/`))).filter((p): p is string => !!p);
  return [...all.filter((p) => withoutLocale(p) === p), ...perLocale];
}
