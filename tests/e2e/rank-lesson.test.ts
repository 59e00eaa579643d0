import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot } from './browser';

const LESSON = '/lessons/01-rank/';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page) => page.$eval('rankbook-rank-explorer', (el: any) => el.state);
const cell = (page: Page, row: number, col: number) => page.getByRole('textbox', { name: `M row ${row}, column ${col}` });

describe('lesson 1 and the rank explorer', () => {
  it('shows the rank-1 example, and editing a cell changes the rank', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-rank-explorer' });
    expect((await state(page)).rank).toBe(1);
    await expect.poll(() => page.locator('rankbook-rank-explorer .rb-result').textContent()).toContain('Rank 1');
    await cell(page, 3, 3).fill('10');
    const after = await state(page);
    expect(after.rank).toBe(2);
    expect(after.pivotColumns).toEqual([0, 2]);
    expect(after.factorisationExact).toBe(true);
    expect(after.storage).toEqual({ full: 9, factored: 12 });
    await expect.poll(() => page.locator('rankbook-rank-explorer .rb-result').textContent()).toContain('Rank 2');
    await saveScreenshot(page, 'lesson-1-rank');
    expect(errors).toEqual([]);
  });

  it('works with the keyboard only: arrows move between cells, typing changes the rank', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-rank-explorer' });
    await cell(page, 1, 1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('M row 3, column 3');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('5');
    expect((await state(page)).rank).toBe(2);
    // Tab reaches the step slider; arrow keys move it.
    const slider = page.getByRole('slider', { name: 'Step' });
    await slider.focus();
    await page.keyboard.press('Home');
    expect((await state(page)).step).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).step).toBe(1);
    expect(errors).toEqual([]);
  });

  it('steps through the elimination of the rank-1 example', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-rank-explorer' });
    const s = await state(page);
    expect(s.totalSteps).toBe(2);
    // It opens on the matrix as typed: step 0, with nothing to go back to.
    await expect.poll(() => page.locator('.rb-step-caption').textContent()).toContain('Step 0 of 2');
    expect(await page.getByRole('button', { name: '« Start' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next ▶' }).click();
    await expect.poll(() => page.locator('.rb-step-caption').textContent()).toContain('R2 ← R2 − 2·R1');
    await page.getByRole('button', { name: 'Next ▶' }).click();
    await expect.poll(() => page.locator('.rb-step-caption').textContent()).toContain('R3 ← R3 − 3·R1');
    expect(await page.getByRole('button', { name: 'Next ▶' }).isDisabled()).toBe(true);
    const stage = await page.locator('.rb-step-stage td').allTextContents();
    expect(stage).toEqual(['1', '2', '3', '0', '0', '0', '0', '0', '0']);
    expect(errors).toEqual([]);
  });

  it('reports bad input next to the cell and keeps the last good result', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-rank-explorer' });
    for (const bad of ['', 'abc', '1/0', '1e400']) {
      await cell(page, 2, 2).fill(bad);
      const message = page.locator('rankbook-rank-explorer .rb-message[role=alert]:visible').first();
      await expect.poll(() => message.textContent()).toMatch(/Row 2, column 2: .+/);
      expect(await cell(page, 2, 2).getAttribute('aria-invalid')).toBe('true');
      expect((await state(page)).rank).toBe(1);
    }
    await cell(page, 2, 2).fill('4');
    expect((await state(page)).error).toBe('');
    // A 40 x 40 paste is refused with a message; the matrix stays 3 x 3.
    await page.getByText('Paste a matrix').click();
    const big = Array.from({ length: 40 }, () => Array(40).fill('1').join(' ')).join('\n');
    await page.getByRole('textbox', { name: /Rows on lines/ }).fill(big);
    await page.getByRole('button', { name: 'Use this matrix' }).click();
    await expect.poll(() => page.getByText('That matrix is 40 × 40').count()).toBe(1);
    expect((await state(page)).rows).toBe(3);
    expect(errors).toEqual([]);
  });
});
