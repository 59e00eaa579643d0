import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser, Frame, Page } from 'playwright-core';
import { barePageOnAnotherSite, baseUrl, launchBrowser, listen, openPage } from './browser';
import { builtPages } from './site-pages';
import { RESIZE_SNIPPET } from '../../src/widgets/embed-host';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('the home page', () => {
  it('links every lesson the build has, in order, each with a picture, and the instructors page', async () => {
    const { page, errors } = await openPage(browser, '/');
    const lessons = builtPages().filter((p) => /^\/lessons\/[^/]+\/$/.test(p));
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    const cards = page.locator('.rb-lesson-card');
    const links = await cards.locator('h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(lessons);
    for (const card of await cards.all()) {
      expect(await card.getAttribute('data-lesson')).toMatch(/^lessons\//);
      expect(await card.locator('svg.rb-lesson-picture[role=img]').getAttribute('aria-label')).toBeTruthy();
      expect(await card.locator('svg.rb-lesson-picture :is(rect, polyline)').count()).toBeGreaterThan(0);
    }
    await page.getByRole('link', { name: 'For instructors' }).last().click();
    await page.waitForURL(/\/instructors\/$/);
    expect(await page.textContent('body')).not.toContain('being written');
    expect(errors).toEqual([]);
  });

  it('"On this page" follows the reader down and back up (our highlighter, watching headings only)', async () => {
    const { page, errors } = await openPage(browser, '/lessons/03-svd-compression/');
    const current = () => page.locator('starlight-toc a[aria-current="true"]').textContent();
    // Up to 5 s each: on a busy 2-core machine the scroll and the observer's report can take over the default 1 s
    // (seen once in a full run, "Check yourself" still current 1 s after scrolling to the top).
    const soon = { timeout: 5000 };
    await expect.poll(current, soon).toMatch(/Overview/);
    const last = page.locator('starlight-toc a').last();
    const name = (await last.textContent())!.trim();
    await last.click();
    await expect.poll(current, soon).toContain(name);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(current, soon).toMatch(/Overview/);
    expect(errors).toEqual([]);
  });

  it('builds the search box only when the reader reaches for it, keeping what they type meanwhile', async () => {
    const { page, errors } = await openPage(browser, '/lessons/01-rank/');
    // Starlight sets search up when the page is first idle, importing our small module then: wait for it to
    // arrive and run (keys pressed before that go nowhere, as with Starlight's own box).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /pagefind-on-demand/.test(r.name)));
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const searchScript = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /ui-core/.test(r.name)));
    expect(await searchScript()).toBe(false);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('singular');
    await expect.poll(() => page.locator('.pagefind-ui__result-link').allTextContents(), { timeout: 30_000 }).toContain('SVD and image compression');
    expect(await page.evaluate(() => document.activeElement?.matches('.pagefind-ui__search-input'))).toBe(true);
    expect(await searchScript()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('embeds on another site', () => {
  let host: Server;
  let hostUrl = '';
  const messages: unknown[] = [];
  beforeAll(async () => {
    // A course page on another origin with one frame; the test points the frame at embed addresses.
    const html = `<!doctype html><html lang="en"><head><title>Course page</title></head><body><h1>Week 1</h1>
      <iframe title="Rank explorer" width="100%" height="900" data-rankbook style="border:0"></iframe>
      <script>window.received=[];addEventListener('message',function(e){window.received.push(e.data)});</script></body></html>`;
    host = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
    hostUrl = `${await listen(host)}/`;
  });
  afterAll(() => { host?.close(); });

  /** Points the host page's frame at an embed address with the snippet the instructors page gives, and waits for it. */
  async function embed(page: Page, query: string): Promise<Frame> {
    const src = `${baseUrl()}/embed/rank-explorer/?${query}`;
    await page.$eval('iframe', (f, url) => { (f as HTMLIFrameElement).src = url; }, src);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // The frame keeps its Frame across navigations: wait for the new address, not the document being replaced.
    await frame.waitForURL(src);
    await frame.waitForLoadState('networkidle');
    await frame.waitForFunction(() => (document.querySelector('rankbook-rank-explorer') as any)?.state?.rank !== undefined);
    return frame;
  }
  const frameHeight = (page: Page) => page.$eval('iframe', (f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
  const contentHeight = (frame: Frame) => frame.$eval('main', (m) => Math.ceil(m.getBoundingClientRect().bottom + parseFloat(getComputedStyle(m).marginBottom)));

  it('the frame follows the content when controls are hidden and shown again, and when a details element closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(hostUrl);
    // The host pastes the site's own snippet script: it is what sizes the frame.
    await page.addScriptTag({ content: RESIZE_SNIPPET.replace(/^<script>|<\/script>$/g, '') });
    // The frame within 2 px of its content, and the same height at two readings in a row: a widget still laying
    // out (its steps, its fonts) must not be read at a passing height.
    const close = async (frame: Frame) => {
      let last = -1;
      await expect.poll(async () => {
        const height = await frameHeight(page);
        const settled = Math.abs(height - (await contentHeight(frame))) <= 2 && height === last;
        last = height;
        return settled;
      }, { interval: 250 }).toBe(true);
      return frameHeight(page);
    };
    const full = await close(await embed(page, 'matrix=[[1,2],[2,4]]'));
    const hidden = await close(await embed(page, 'matrix=[[1,2],[2,4]]&hide=steps,factorisation,paste'));
    expect(hidden).toBeLessThan(full - 100);
    const again = await embed(page, 'matrix=[[1,2],[2,4]]');
    expect(await close(again)).toBeGreaterThan(hidden + 100);
    // Open the paste box, then close it: the frame grows, then shrinks back.
    const summary = again.locator('details.rb-paste > summary');
    await summary.click();
    const open = await close(again);
    expect(open).toBeGreaterThan(full + 20);
    await summary.click();
    expect(Math.abs((await close(again)) - full)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('only the widget\'s own change leaves the frame, always with its state; a grid paste is reported under the grid', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(hostUrl);
    const frame = await embed(page, 'matrix=[[1,2,3],[2,4,6],[3,6,9]]');
    await page.evaluate(() => { (window as any).received = []; });
    // The step slider fires its own native change event, which bubbles through the element.
    const slider = frame.getByRole('slider', { name: 'Step' });
    expect(await slider.inputValue()).toBe('0'); // it opens on the matrix as typed
    await slider.focus();
    await slider.press('End');
    await frame.getByRole('textbox', { name: 'M row 1, column 1' }).fill('5');
    await frame.getByRole('textbox', { name: 'M row 1, column 1' }).press('Tab');
    await expect.poll(() => page.evaluate(() => (window as any).received.filter((m: any) => m?.type === 'rankbook:change').length)).toBeGreaterThan(1);
    const changes = await page.evaluate(() => (window as any).received.filter((m: any) => m?.type === 'rankbook:change'));
    for (const change of changes) expect(change.state).toMatchObject({ rows: 3, cols: 3 });
    expect(changes.at(-1).state.rank).toBe(2);
    // A paste into the grid with the paste box closed: the message shows under the grid, where the reader is.
    const cell = frame.getByRole('textbox', { name: 'M row 2, column 2' });
    await cell.focus();
    await cell.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '1 2\n3 x');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const visible = frame.locator('rankbook-rank-explorer .rb-message[role=alert]:visible');
    await expect.poll(() => visible.count()).toBe(1);
    expect(await visible.textContent()).toMatch(/Row 2, column 2/);
    expect(await frame.locator('details.rb-paste').getAttribute('open')).toBeNull();
    await page.close();
  });
});

describe('small things in the rank explorer', () => {
  it('says numpy\'s tolerance in words and says when a random rank is clamped', async () => {
    const { page, errors } = await openPage(browser, '/embed/rank-explorer/?matrix=[[1,2,3],[2,4,6],[3,6,9]]');
    expect((await page.$eval('rankbook-rank-explorer', (el: any) => el.state)).step).toBe(0);
    const numeric = await page.locator('rankbook-rank-explorer .rb-note').first().textContent();
    expect(numeric).toContain('Rounding leaves tiny non-zero values where exact arithmetic gives 0');
    expect(numeric).not.toContain('above numpy');
    await page.getByLabel('Start from').selectOption('random');
    await page.getByLabel('k', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Load' }).click();
    const message = page.locator('[data-control=presets] + .rb-message');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toBe('k = 7: a 3 × 3 matrix has rank at most 3, so the random matrix has rank 3.');
    expect((await page.$eval('rankbook-rank-explorer', (el: any) => el.state)).rank).toBe(3);
    expect(errors).toEqual([]);
  });
});

describe('the instructors page and widgets.js', () => {
  it('gives snippets with the address the site is served from', async () => {
    const { page, errors } = await openPage(browser, '/instructors/');
    // The page's script puts its own address in as it loads.
    await expect.poll(() => page.locator('[data-site-root]').first().getAttribute('data-site-root')).toBe(`${baseUrl()}/`);
    const snippets = await page.locator('[data-site-root]').allTextContents();
    expect(snippets.length).toBeGreaterThan(7);
    for (const text of snippets) {
      expect(text).toContain(`${baseUrl()}/`);
      expect(text).not.toMatch(/your-rankbook-site|rankbook\.example/);
    }
    expect(await page.textContent('main')).toMatch(/Access-Control-Allow-Origin/);
    expect(errors).toEqual([]);
  });

  it('from a site without CORS, widgets.js is refused and each tag shows its own text', async () => {
    const site = await barePageOnAnotherSite('<rankbook-rank-explorer matrix="[[1,2],[2,4]]">Rank explorer: needs widgets.js</rankbook-rank-explorer>', { cors: false });
    const page = await browser.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (e) => thrown.push(e.message));
    await page.goto(site.url, { waitUntil: 'networkidle' });
    expect(await page.locator('rankbook-rank-explorer').textContent()).toBe('Rank explorer: needs widgets.js');
    expect(await page.locator('rankbook-rank-explorer').isVisible()).toBe(true);
    expect(await page.evaluate(() => customElements.get('rankbook-rank-explorer'))).toBeUndefined();
    expect(thrown).toEqual([]);
    await page.close();
    site.close();
  });
});
