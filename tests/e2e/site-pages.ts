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
