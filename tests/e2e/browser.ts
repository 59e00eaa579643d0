import { chromium, type Browser, type Page } from 'playwright-core';
import { inject, expect } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. No browser is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader'],
  });
}

/**
 * A page whose console errors, uncaught exceptions and requests to other origins are collected. It returns at
 * the load event (the widgets' modules have run by then); 'networkidle' waits a further half second of quiet,
 * for checks of a page as its data fetches leave it. `scrollTo` names an element to scroll to once loaded, as a
 * reader would: a lesson's widgets build only as the reader nears them.
 */
export async function openPage(browser: Browser, path: string,
  options: { colorScheme?: 'light' | 'dark'; waitUntil?: 'load' | 'networkidle'; scrollTo?: string } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  await page.goto(baseUrl() + path, { waitUntil: options.waitUntil ?? 'load' });
  if (options.scrollTo) await page.locator(options.scrollTo).first().scrollIntoViewIfNeeded();
  return { page, errors, foreignRequests };
}

/** axe-core's own browser build, injected into the page under test (no CDN). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core with every rule, run in the page itself and reporting violations only (passing nodes are not listed,
 * so their selectors are not computed). Left out: iframes (every embed page goes through axe on its own, and
 * injecting axe into each of the instructors' page's eleven frames took longer than the checks) and KaTeX's
 * visual HTML, which is aria-hidden and styled like the prose around it; the MathML that screen readers get
 * is checked.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const context = include ? { include: [include], exclude: ['.katex-html'] } : { exclude: ['.katex-html'] };
    const results = await axe.run(context, { resultTypes: ['violations'], iframes: false });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
  }, within ?? null);
}

/** axe-core over the whole page (or the part `within` selects): any violation fails, with its rule and the first offending node. */
export async function expectNoAxeViolations(page: Page, within?: string): Promise<void> {
  expect(await axeViolations(page, within)).toEqual([]);
}

/** The hue (0-360) of a computed CSS colour such as 'rgb(194, 65, 12)': what a legend's colour name must match. */
export function hueOf(colour: string): number {
  const [r, g, b] = colour.match(/[\d.]+/g)!.map(Number);
  const max = Math.max(r, g, b), d = max - Math.min(r, g, b);
  const hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (hue * 60 + 360) % 360;
}

/** Saves a screenshot under test-results/ (a CI artifact a person can open). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/** Starts `server` on a free localhost port; resolves to its origin, "http://127.0.0.1:PORT". */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const contentTypes: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json', '.wasm': 'application/wasm', '.bin': 'application/octet-stream' };

/**
 * widgets.js used from another site. Site B: a plain static server (not Astro) for dist/, sending CORS
 * headers as static hosts do (unless `cors` is false, as some university servers). Site A, on another origin: a bare page holding `markup` and B's widgets.js.
 */
export async function barePageOnAnotherSite(markup: string, { cors = true } = {}): Promise<{ url: string; close: () => void }> {
  const siteB = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    try {
      const body = await readFile(join('dist', path));
      const headers: Record<string, string> = { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' };
      if (cors) headers['access-control-allow-origin'] = '*';
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const b = await listen(siteB);
  const bare = `<!doctype html><html lang="en"><head><title>Bare page</title></head><body><main>
      ${markup}
      <script type="module" src="${b}/widgets.js"></script></main></body></html>`;
  const siteA = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(bare));
  const a = await listen(siteA);
  return { url: `${a}/`, close: () => { siteA.close(); siteB.close(); } };
}
