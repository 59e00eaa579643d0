import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot } from './browser';

const LESSON = '/lessons/01-rank/';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const cell = (page: Page, n: number) => page.locator('rankbook-cell').nth(n);
const state = (page: Page, n: number) => cell(page, n).evaluate((el: any) => el.state);
const box = (page: Page, label: string) => page.getByRole('textbox', { name: label });
const RANK_2 = 'M = [[1, 2, 3], [2, 4, 6], [3, 6, 10]]';

describe('notebook cells on lesson 1', () => {
  it('shows build-time results before any run, typeset with MathML for screen readers', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    expect(await page.locator('rankbook-cell').count()).toBeGreaterThanOrEqual(2);
    expect(await state(page, 0)).toMatchObject({
      source: 'M = [[1, 2, 3], [2, 4, 6], [3, 6, 9]]', result: 'M = [[1, 2, 3], [2, 4, 6], [3, 6, 9]]',
      error: '', defines: ['M'], uses: [],
    });
    expect(await state(page, 1)).toMatchObject({ source: 'rank(M)', result: '1', uses: ['M'] });
    const output = cell(page, 0).locator('.rb-cell-output');
    expect(await output.locator('.katex-mathml math').count()).toBe(1);
    expect(await output.locator('.katex-html').getAttribute('aria-hidden')).toBe('true');
    // mathjs and KaTeX live in the worker, which loads only when a reader runs a cell.
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect((await loaded()).filter((url) => url.includes('cell-worker'))).toEqual([]);
    await box(page, 'Its rank').press('Control+Enter');
    await expect.poll(async () => (await loaded()).some((url) => url.includes('cell-worker')), { timeout: 20_000 }).toBe(true);
    expect(errors).toEqual([]);
  });

  it('editing the first cell re-runs the cells that use M', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    await page.evaluate(() => {
      (window as any).changes = [];
      document.querySelectorAll('rankbook-cell').forEach((el, n) =>
        el.addEventListener('change', (e: any) => (window as any).changes.push([n, e.detail.result])));
    });
    await box(page, 'Define M').fill(RANK_2);
    await cell(page, 0).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => state(page, 1).then((s) => s.result), { timeout: 20_000 }).toBe('2');
    expect((await state(page, 0)).source).toBe(RANK_2);
    expect((await state(page, 2)).result).toBe('[[1, 2, 0], [0, 0, 1], [0, 0, 0]]');
    // The outer-product cell subtracts M, so it re-ran too: u v - M is no longer zero.
    expect((await state(page, 3)).result).toMatch(/\[\[0, 0, 0\], \[0, 0, 0\], \[0, 0, -1\]\]$/);
    const changes: [number, string][] = await page.evaluate(() => (window as any).changes);
    expect(changes).toContainEqual([1, '2']);
    // Results are announced as text.
    await expect.poll(() => cell(page, 1).locator('[aria-live]').textContent()).toBe('Result: 2');
    await saveScreenshot(page, 'lesson-1-cells');
    expect(errors).toEqual([]);
  });

  it('runs with Ctrl+Enter and is usable from the keyboard alone', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    await box(page, 'Its rank').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('rank(M) + 1/2');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => state(page, 1).then((s) => s.result), { timeout: 20_000 }).toBe('3/2');
    expect(await box(page, 'Its rank').inputValue()).toBe('rank(M) + 1/2'); // no newline typed
    // Tab moves on to Run, then Reset; Enter on Reset brings back the lesson's text and runs it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset');
    await page.keyboard.press('Enter');
    await expect.poll(() => state(page, 1).then((s) => s.result)).toBe('1');
    expect(await box(page, 'Its rank').inputValue()).toBe('rank(M)');
    expect(errors).toEqual([]);
  });

  it('shows an error inline in words and keeps the last output, greyed', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    await box(page, 'Define M').fill('M = [[1, 2, 3], [2, 4, 6]');
    await box(page, 'Define M').press('Control+Enter');
    const message = cell(page, 0).locator('.rb-message[role=alert]');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/^This could not be read: .+/);
    expect(await message.isVisible()).toBe(true);
    expect(await state(page, 0)).toMatchObject({ stale: true, result: 'M = [[1, 2, 3], [2, 4, 6], [3, 6, 9]]' });
    expect(await box(page, 'Define M').getAttribute('aria-invalid')).toBe('true');
    const output = cell(page, 0).locator('.rb-cell-output');
    expect(await output.getAttribute('class')).toContain('rb-cell-stale');
    expect(Number(await output.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
    expect(await cell(page, 0).getByText('Showing the last result that worked.').isVisible()).toBe(true);
    expect((await state(page, 1)).result).toBe('1'); // later cells keep the last good M
    // Fixing it clears the message.
    await box(page, 'Define M').fill(RANK_2);
    await box(page, 'Define M').press('Control+Enter');
    await expect.poll(() => state(page, 1).then((s) => s.result), { timeout: 20_000 }).toBe('2');
    expect(await message.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('stops a runaway cell with a message while the page stays responsive', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    // Exponential recursion passes every size guard: only the worker's time limit can stop it.
    await box(page, 'Its rank').fill('f(n) = n < 1 ? 1 : f(n - 1) + f(n - 1); f(60)');
    await box(page, 'Its rank').press('Control+Enter');
    await expect.poll(() => cell(page, 1).getByText('Running…').count(), { timeout: 20_000 }).toBe(1);
    // While it runs, the main thread answers at once and typing works.
    const pings: number[] = [];
    for (let t = 0; t < 5; t++) {
      const start = Date.now();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      pings.push(Date.now() - start);
    }
    expect(Math.max(...pings)).toBeLessThan(500);
    await box(page, 'Its reduced row echelon form').fill('rank(M) * 10');
    expect(await box(page, 'Its reduced row echelon form').inputValue()).toBe('rank(M) * 10');
    const message = cell(page, 1).locator('.rb-message[role=alert]');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/^Stopped after 3 seconds/);
    expect(await state(page, 1)).toMatchObject({ result: '1', stale: true });
    // A fresh worker takes over: other cells still run.
    await box(page, 'Its reduced row echelon form').press('Control+Enter');
    await expect.poll(() => state(page, 2).then((s) => s.result), { timeout: 20_000 }).toBe('10');
    expect(errors).toEqual([]);
  });

  it('answers cells that would exhaust memory with a message, and the next cell still runs', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    // One of each class: a string method, a broadcast, a resize through an index, a long exact number.
    const hostile = [
      ['"ab".repeat(2^28)', /not methods/],
      ['ones(1000, 1) + ones(1, 1000)', /1,000,000 entries/],
      ['A = [1]; A[100000, 100000] = 1', /10,000,000,000 entries/],
      ['x = 3^4000; y = x * x; y * y', /digits/],
    ] as const;
    for (const [source, message] of hostile) {
      await box(page, 'Its rank').fill(source);
      await box(page, 'Its rank').press('Control+Enter');
      await expect.poll(() => state(page, 1).then((s) => s.error), { timeout: 20_000 }).toMatch(message);
    }
    await box(page, 'Its reduced row echelon form').fill('rank(M) * 10');
    await box(page, 'Its reduced row echelon form').press('Control+Enter');
    await expect.poll(() => state(page, 2).then((s) => s.result), { timeout: 20_000 }).toBe('10');
    expect(errors).toEqual([]);
  });

  it('refuses to reach the page from a cell', async () => {
    const { page, errors } = await openPage(browser, LESSON, { scrollTo: 'rankbook-cell' });
    for (const source of ['cos.constructor("window.pwned = 1")', 'evaluate("1 + 1")', 'import({}, {})']) {
      await box(page, 'Its rank').fill(source);
      await box(page, 'Its rank').press('Control+Enter');
      await expect.poll(() => state(page, 1).then((s) => s.source), { timeout: 20_000 }).toBe(source);
      await expect.poll(() => state(page, 1).then((s) => s.error)).not.toBe('');
    }
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

describe('notebook cells in the other lessons', () => {
  it('lesson 2: editing the worked example re-runs its approximations', async () => {
    const { page, errors } = await openPage(browser, '/lessons/02-low-rank-factorisation/', { scrollTo: 'rankbook-cell[label="The matrix"]' });
    // By the label attribute: cells further down keep their build-time form until the reader nears them.
    const byLabel = (label: string) => page.locator(`rankbook-cell[label="${label}"]`);
    const result = (label: string) => byLabel(label).evaluate((el: any) => el.state.result as string);
    expect(await result('Rank 1: the error and the relative error')).toMatch(/error1 = 3; 0\.514496$/);
    // A third row makes M rank 3 in a 3 x 3 shape: rank 2 is no longer exact.
    await box(page, 'The matrix').fill('M = [[3, 2, 2], [2, 3, -2], [1, 0, 4]]');
    await box(page, 'The matrix').press('Control+Enter');
    await expect.poll(() => result('Rank 2: exact'), { timeout: 20_000 }).toMatch(/; 0\.\d+$/);
    expect(await result('Rank 1: the error and the relative error')).not.toMatch(/error1 = 3;/);
    expect(errors).toEqual([]);
  });
});
