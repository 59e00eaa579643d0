import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, expectNoAxeViolations } from './browser';
import { sampledPages } from './site-pages';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const pages = sampledPages();

// Dark mode changes colours only, so it is checked on a sample of pages that between them show every kind of
// content (lesson prose and cells, plots and heatmaps, exercises, the reference tables); light on every page.
const DARK_SAMPLE = ['/', '/lessons/01-rank/', '/lessons/03-svd-compression/', '/lessons/07-why-low-rank/', '/instructors/'];

// Two pages at a time: axe is single-threaded work in each page's renderer, and the machine has two cores.
describe.concurrent('every page passes axe in light (and a sample in dark), and loads nothing from another origin', () => {
  it('finds the pages of the built site', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/lessons/01-rank/');
    expect(pages).toContain('/embed/rank-explorer/');
    for (const path of DARK_SAMPLE) expect(pages).toContain(path);
  });

  for (const path of pages) {
    for (const colorScheme of DARK_SAMPLE.includes(path) ? ['light', 'dark'] as const : ['light'] as const) {
      it(`${path} (${colorScheme})`, async () => {
        const { page, errors, foreignRequests } = await openPage(browser, path, { colorScheme, waitUntil: 'networkidle' });
        await expectNoAxeViolations(page);
        expect(foreignRequests).toEqual([]);
        // The 404 page logs its own status as a console error; every other page must load cleanly.
        if (!path.startsWith('/404')) expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
