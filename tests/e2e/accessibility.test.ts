import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, expectNoAxeViolations } from './browser';
import { builtPages } from './site-pages';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const pages = builtPages();

describe('every page passes axe in light and dark, and loads nothing from another origin', () => {
  it('finds the pages of the built site', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/lessons/01-rank/');
    expect(pages).toContain('/embed/rank-explorer/');
  });

  for (const path of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} (${colorScheme})`, async () => {
        const { page, errors, foreignRequests } = await openPage(browser, path, { colorScheme });
        await expectNoAxeViolations(page);
        expect(foreignRequests).toEqual([]);
        // The 404 page logs its own status as a console error; every other page must load cleanly.
        if (!path.startsWith('/404')) expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
