import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { barePageOnAnotherSite, launchBrowser, listen, openPage, baseUrl } from './browser';
import { iframeSnippet, embedUrl } from '../../src/widgets/share-links';
import { widgetCatalogue } from '../../src/widgets/catalogue';

let browser: Browser;
let host: Server;
let hostUrl = '';
beforeAll(async () => {
  browser = await launchBrowser();
  // A course page on another origin (another localhost port) that pastes the snippet the site hands out.
  const entry = widgetCatalogue['rank-explorer'];
  const src = embedUrl(baseUrl() + '/', 'rank-explorer', entry, { matrix: '[[1,2],[2,4]]' });
  const html = `<!doctype html><html lang="en"><head><title>Course page</title></head><body><h1>Week 1</h1>${iframeSnippet(src, entry)}</body></html>`;
  host = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
  hostUrl = `${await listen(host)}/`;
});
afterAll(async () => {
  await browser?.close();
  host?.close();
});

describe('the embed kit', () => {
  it('an iframe on another origin receives the widget and sizes itself from its height message', async () => {
    const page = await browser.newPage();
    await page.goto(hostUrl, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('iframe[data-rankbook]');
    await expect.poll(() => frame.locator('rankbook-rank-explorer .rb-result').textContent()).toContain('Rank 1');
    await expect.poll(() => page.$eval('iframe', (f) => f.style.height)).toMatch(/^\d+px$/);
    const height = await page.$eval('iframe', (f) => parseInt(f.style.height, 10));
    const content = await frame.locator('body').evaluate((b) => b.ownerDocument.documentElement.scrollHeight);
    expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('hide= hides the named control and theme= sets the theme', async () => {
    const { page, errors } = await openPage(browser, '/embed/rank-explorer/?hide=steps,paste&theme=dark');
    expect(await page.locator('[data-control=steps]').isVisible()).toBe(false);
    expect(await page.locator('[data-control=paste]').isVisible()).toBe(false);
    expect(await page.locator('[data-control=presets]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 23, 28)');
    expect(errors).toEqual([]);
  });

  it('the Share panel links back to the lesson with the widget as the reader left it', async () => {
    const { page, errors } = await openPage(browser, '/lessons/01-rank/', { scrollTo: 'rankbook-rank-explorer' });
    await page.getByRole('textbox', { name: 'M row 3, column 3' }).fill('7/2');
    const explorer = page.locator('#rank-explorer');
    await explorer.getByText('Share / Embed').click();
    const link = await explorer.getByRole('textbox', { name: /Link to this lesson/ }).inputValue();
    expect(link).toContain('rank-explorer.matrix=');
    const snippet = await explorer.getByRole('textbox', { name: /Embed code/ }).inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/rank-explorer\/\?matrix=/);
    await page.goto(link, { waitUntil: 'networkidle' });
    const state = await page.$eval('rankbook-rank-explorer', (el: any) => el.state);
    expect(state.matrix[2][2]).toBe('7/2');
    expect(state.rank).toBe(2);
    expect(errors).toEqual([]);
  });
});

describe('widgets.js on a bare HTML page of another site', () => {
  it('registers the widgets, with their styles, images and workers loaded across origins', async () => {
    const site = await barePageOnAnotherSite(`<rankbook-rank-explorer matrix="[[1,2],[3,4]]"></rankbook-rank-explorer>
      <rankbook-cell source="A = [[1, 2], [2, 4]]" label="A"></rankbook-cell>
      <rankbook-cell source="rank(A)" label="rank of A"></rankbook-cell>
      <rankbook-svd-compressor image="camera" mode="grey" k="8"></rankbook-svd-compressor>`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url, { waitUntil: 'load' });
    const stateOf = (tag: string, index = 0) => page.evaluate(([t, i]) => (document.querySelectorAll(t as string)[i as number] as any)?.state, [tag, index]);
    await expect.poll(async () => (await stateOf('rankbook-rank-explorer'))?.rank).toBe(2);
    expect(await page.locator('style[data-rankbook]').count()).toBe(1);
    await page.getByRole('button', { name: /Run/ }).last().click();
    await expect.poll(async () => (await stateOf('rankbook-cell', 1))?.result, { timeout: 30_000 }).toBe('1');
    await page.locator('rankbook-svd-compressor').scrollIntoViewIfNeeded(); // it starts as a reader nears it
    await expect.poll(async () => (await stateOf('rankbook-svd-compressor'))?.shownK, { timeout: 60_000 }).toBe(8);
    expect(errors).toEqual([]);
    await page.close();
    site.close();
  });
});
