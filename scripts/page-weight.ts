/**
 * Page weight of the built site: for each page, the gzipped bytes of its HTML and of the JavaScript and
 * CSS it loads at start (scripts, module preloads, stylesheets, and the static imports of each chunk,
 * followed transitively). Dynamic imports (tfjs, workers) load later and are counted apart.
 * Run: npm run build && npm run weight
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';

export interface PageWeight {
  page: string;
  html: number;
  js: number;
  css: number;
  /** JavaScript reachable only through dynamic import(), loaded when a widget asks for it. */
  lazyJs: number;
  /** The chunk files counted, for tests that look inside them. */
  files: string[];
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

function staticImports(file: string): { eager: string[]; lazy: string[] } {
  const code = readFileSync(file, 'utf8');
  const at = (spec: string) => resolve(dirname(file), spec);
  const eager = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => at(m[1]));
  const lazy = [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => at(m[1]));
  return { eager, lazy };
}

export function pageWeight(dist: string, page: string): PageWeight {
  const htmlPath = join(dist, page.endsWith('/') ? `${page}index.html` : page);
  const html = readFileSync(htmlPath, 'utf8');
  const local = (href: string) => join(dist, href.split(/[?#]/)[0]);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="(\/[^"]+)"/g)]
    .map((m) => local(m[1]));
  // Inline module scripts import chunks too.
  for (const m of html.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\/_astro\/[^"']+\.js)["']/g)) scripts.push(local(m[1]));
  for (const m of html.matchAll(/import\(\s*["'](\/_astro\/[^"']+\.js)["']\s*\)/g)) scripts.push(local(m[1]));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)].map((m) => local(m[1]));

  const eager = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (into.has(file) || !existsSync(file)) return;
    into.add(file);
    const { eager: next, lazy: later } = staticImports(file);
    next.forEach((f) => visit(f, into));
    later.forEach((f) => visit(f, lazy));
  };
  scripts.forEach((f) => visit(f, eager));
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gz(f), 0);
  return {
    page,
    html: gzipSync(html).length,
    js: sum(eager),
    css: sum(new Set(styles)),
    lazyJs: sum([...lazy].filter((f) => !eager.has(f))),
    files: [...new Set([...eager, ...lazy])],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { builtPages } = await import('../tests/e2e/site-pages');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('page'.padEnd(44), 'HTML', '      JS', '      CSS', '     lazy JS (gzipped)');
  for (const page of builtPages('dist')) {
    const w = pageWeight('dist', page);
    console.log(page.padEnd(44), kb(w.html).padStart(8), kb(w.js).padStart(9), kb(w.css).padStart(9), kb(w.lazyJs).padStart(10));
  }
}
