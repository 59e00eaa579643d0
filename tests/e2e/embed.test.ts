import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page) => page.$eval('rankbook-rank-explorer', (el: any) => el.state);

describe('the rank explorer embed page', () => {
  it('takes its matrix from the query string', async () => {
    const matrix = encodeURIComponent('[[1,0,2],[0,1,3]]');
    const { page, errors } = await openPage(browser, `/embed/rank-explorer/?matrix=${matrix}`);
    const s = await state(page);
    expect(s.matrix).toEqual([['1', '0', '2'], ['0', '1', '3']]);
    expect(s.rank).toBe(2);
    expect(await page.locator('nav, header').count()).toBe(0); // only the widget
    expect(errors).toEqual([]);
  });

  it('explains a bad matrix and an unknown setting, inserting nothing as HTML', async () => {
    const hostile = encodeURIComponent('<img src=x onerror="window.hacked=1">');
    const { page, errors } = await openPage(browser, `/embed/rank-explorer/?matrix=${hostile}&colour=red`);
    expect((await state(page)).rank).toBe(1); // the default example is kept
    await expect.poll(() => page.locator('.rb-message[role=alert]:visible').first().textContent()).toMatch(/could not be used/);
    expect(await page.locator('[data-embed-note]').textContent()).toContain('colour');
    expect(await page.evaluate(() => (window as any).hacked)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
