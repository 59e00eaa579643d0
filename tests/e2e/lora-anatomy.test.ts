import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, expectNoAxeViolations } from './browser';

const LESSON = '/lessons/05-lora/';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

// The lesson has two anatomy widgets: the default one first, then the GPT-3 one.
const widget = (page: Page, n = 0) => page.locator('rankbook-lora-anatomy').nth(n);
const state = (page: Page, n = 0) => widget(page, n).evaluate((el: any) => el.state);
const slider = (page: Page, name: RegExp, n = 0) => widget(page, n).getByRole('slider', { name });
/** The lesson, scrolled to its first anatomy widget: a lesson's widgets build as the reader nears them. */
const openLesson = () => openPage(browser, LESSON, { scrollTo: 'rankbook-lora-anatomy' });

describe('lesson 5 and the LoRA anatomy widget', () => {
  it('loads with B = 0: Delta W is zero, and the counts are d k against r (d + k)', async () => {
    const { page, errors } = await openLesson();
    expect(await page.locator('h1').textContent()).toContain('LoRA');
    const s = await state(page);
    expect(s).toMatchObject({ d: 96, k: 64, r: 8, steps: 0, deltaRank: 0, fullParams: 6144, loraParams: 1280, ratio: 4.8, gpt3: null });
    expect(await widget(page).locator('.rb-fallback').count()).toBe(0); // the script replaced the fallback
    expect(await widget(page).locator('.rb-result').textContent()).toContain('4.8× fewer');
    expect(await widget(page).getByRole('gridcell').count()).toBe(16 * 16);
    await saveScreenshot(page, 'lesson-5-lora');
    expect(errors).toEqual([]);
  });

  it('moves the sliders with the keyboard, and the counts follow in el.state and aria-valuetext', async () => {
    const { page, errors } = await openLesson();
    const r = slider(page, /^r: rank/);
    await r.focus();
    await page.keyboard.press('ArrowRight');
    let s = await state(page);
    expect(s.r).toBe(9);
    expect(s.loraParams).toBe(9 * (96 + 64));
    expect(await r.getAttribute('aria-valuetext')).toBe('rank 9 of 64');
    const d = slider(page, /^d: rows/);
    await d.focus();
    await page.keyboard.press('ArrowLeft'); // one size stop down: 96 -> 64
    s = await state(page);
    expect(s.d).toBe(64);
    expect(s.fullParams).toBe(64 * 64);
    expect(await d.getAttribute('aria-valuetext')).toBe('d = 64 rows');
    await page.keyboard.press('Home');
    s = await state(page);
    expect(s).toMatchObject({ d: 1, r: 1 }); // r cannot exceed min(d, k)
    expect(await r.getAttribute('aria-valuetext')).toBe('rank 1 of 1');
    expect(errors).toEqual([]);
  });

  it('moves the sliders with the mouse', async () => {
    const { page, errors } = await openLesson();
    const r = slider(page, /^r: rank/);
    await r.scrollIntoViewIfNeeded();
    const box = (await r.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    expect((await state(page)).r).toBe(64);
    const k = slider(page, /^k: columns/);
    const kBox = (await k.boundingBox())!;
    await page.mouse.move(kBox.x + kBox.width / 2, kBox.y + kBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(kBox.x + 1, kBox.y + kBox.height / 2, { steps: 5 });
    await page.mouse.up();
    const s = await state(page);
    expect(s.k).toBe(1);
    expect(s.r).toBe(1);
    expect(s.ratio).toBeCloseTo((96 * 1) / (1 * 97), 12);
    expect(errors).toEqual([]);
  });

  it('a gradient step makes Delta W non-zero with 0 < rank <= r, and steps never push it past r', async () => {
    const { page, errors } = await openLesson();
    const step = widget(page).getByRole('button', { name: 'Take a gradient step' });
    await step.click();
    let s = await state(page);
    expect(s.steps).toBe(1);
    expect(s.deltaRank).toBeGreaterThan(0);
    expect(s.deltaRank).toBeLessThanOrEqual(s.r);
    for (let i = 0; i < 4; i++) await step.click();
    s = await state(page);
    expect(s.deltaRank).toBe(s.r); // 5 batches of 4 directions fill all 8
    expect(await widget(page).locator('.rb-anatomy-step-result').textContent()).toContain(`rank(ΔW) = ${s.r}`);
    // The heatmap is a grid a keyboard can read.
    const first = widget(page).getByRole('gridcell', { name: /^ΔW row 1, column 1: / });
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toMatch(/^ΔW row 2, column 2: −?[\d.]+/);
    expect(await widget(page).locator('.rb-anatomy-readout').textContent()).toBe(focused);
    await widget(page).getByRole('button', { name: /^Reset/ }).click();
    expect(await state(page)).toMatchObject({ steps: 0, deltaRank: 0 });
    expect(errors).toEqual([]);
  });

  it('the GPT-3 preset reproduces the paper: 1,536x per matrix, about 9,300x ("10,000 times") over the model', async () => {
    const { page, errors } = await openLesson();
    await widget(page).getByRole('button', { name: /GPT-3 175B/ }).click();
    const s = await state(page);
    expect(s).toMatchObject({ d: 12288, k: 12288, r: 4, preset: 'gpt3', fullParams: 150_994_944, loraParams: 98_304, ratio: 1536 });
    expect(s.gpt3.trainable).toBe(18_874_368);
    expect(Math.round(s.gpt3.ratio)).toBe(9272);
    const text = await widget(page).locator('.rb-anatomy-gpt3').textContent();
    expect(text).toContain('9,272× fewer');
    expect(text).toContain('10,000 times');
    expect(await widget(page).locator('.rb-note').first().textContent()).toContain('drawn 2 units thick');
    // The second widget on the page starts from the same preset.
    expect((await state(page, 1)).preset).toBe('gpt3');
    // A step at this size computes only the 16 x 16 corner, and the rank through an r x r core.
    await widget(page, 1).getByRole('button', { name: 'Take a gradient step' }).click();
    await expect.poll(async () => (await state(page, 1)).steps).toBe(1);
    const after = await state(page, 1);
    expect(after.deltaRank).toBeGreaterThan(0);
    expect(after.deltaRank).toBeLessThanOrEqual(4);
    expect(after.view).toEqual({ rows: 16, cols: 16, whole: false });
    await saveScreenshot(page, 'lesson-5-gpt3');
    expect(errors).toEqual([]);
  });

  it('passes axe in light and dark with Delta W on show', async () => {
    // On the embed page: the lesson around it is checked by the accessibility suite, and axe over it is slow.
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(browser, '/embed/lora-anatomy/', { colorScheme });
      await widget(page).getByRole('button', { name: 'Take a gradient step' }).click();
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the LoRA anatomy embed page', () => {
  it('takes d, k and r from the query', async () => {
    const { page, errors } = await openPage(browser, '/embed/lora-anatomy/?d=32&k=48&r=6');
    expect(await state(page)).toMatchObject({ d: 32, k: 48, r: 6, fullParams: 1536, loraParams: 480 });
    expect(await page.locator('nav, header').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('clamps hostile values and inserts nothing as HTML', async () => {
    const script = encodeURIComponent('<script>window.hacked=1</script>');
    const { page, errors } = await openPage(browser, `/embed/lora-anatomy/?r=-5&d=1e999&k=${script}`);
    expect(await state(page)).toMatchObject({ d: 12288, k: 64, r: 1 });
    // Numbers out of range reach the widget, which says so beside its sliders; the note above has the rest.
    expect(await page.locator('rankbook-lora-anatomy').textContent()).toContain('r = “-5” is below the range');
    expect(await page.locator('[data-embed-note]').textContent()).toMatch(/k .*not a number/);
    expect(await page.evaluate(() => (window as any).hacked)).toBeUndefined();
    expect(await page.locator('script', { hasText: 'hacked' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('validates its own attributes too: a message next to the slider, the value clamped', async () => {
    const { page, errors } = await openPage(browser, '/embed/lora-anatomy/');
    await widget(page).evaluate((el) => { el.setAttribute('r', '-5'); el.setAttribute('d', '<img src=x onerror=window.hacked=1>'); });
    const s = await state(page);
    expect(s).toMatchObject({ d: 96, r: 1 });
    expect(s.message).toContain('r = “-5” is below the range 1–64, so 1 is used.');
    expect(s.message).toContain('is not a number, so 96 is used.');
    const rMessage = await slider(page, /^r: rank/).getAttribute('aria-describedby');
    expect(await page.locator(`#${rMessage}`).textContent()).toContain('below the range');
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await widget(page).evaluate((el) => el.setAttribute('preset', 'gpt3'));
    expect((await state(page)).preset).toBe('gpt3');
    expect(errors).toEqual([]);
  });
});
