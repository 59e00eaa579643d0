import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot, expectNoAxeViolations, hueOf } from './browser';

// The pictures of issue 11, each on its embed page: keyboard, el.state, the embed query, axe after use.
// (Every built page, these included, also goes through axe in light and dark in every-page.test.ts.)
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page, tag: string) => page.locator(tag).first().evaluate((el: any) => el.state);

/** The smallest text any picture of the page draws, in CSS pixels as rendered. */
const smallestPictureText = (page: Page) => page.evaluate(() => Math.min(...[...document.querySelectorAll('svg.rb-picture text')]
  .filter((t) => (t as SVGGraphicsElement).getBBox().width > 0)
  .map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 1))));

/**
 * Labels in the rank-geometry picture that overlap: an axis name on a column's "Me₃", or on a column's arrow; and
 * any label under the zoomed inset.
 */
const geometryLabelClashes = (page: Page) => page.evaluate(() => {
  const boxes = [...document.querySelectorAll('rankbook-rank-geometry svg.rb-picture text')]
    .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
  const labels = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1
    && Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1).map((b) => `${a.text} / ${b.text}`));
  // An axis name on a column's arrow (in the main view; the inset's are clipped to it): points every 2 px along
  // each arrow, in screen pixels, inside the name's box.
  const arrows = [...document.querySelectorAll<SVGLineElement>('rankbook-rank-geometry svg.rb-picture > g > line.rb-geometry-column')];
  const names = [...document.querySelectorAll('rankbook-rank-geometry svg.rb-picture text.rb-picture-muted')];
  const onArrows = names.flatMap((name) => arrows.flatMap((arrow, j) => {
    const m = arrow.getScreenCTM()!;
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(arrow.getAttribute(a)));
    const r = name.getBoundingClientRect();
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 2);
    const hit = Array.from({ length: steps + 1 }, (_, s) => new DOMPoint(x1 + ((x2 - x1) * s) / steps, y1 + ((y2 - y1) * s) / steps).matrixTransform(m))
      .some((p) => p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1);
    return hit ? [`${name.textContent} / arrow ${j + 1}`] : [];
  }));
  // A label of the main picture under the magnified inset.
  const inset = document.querySelector('rankbook-rank-geometry svg.rb-picture .rb-geometry-inset-ground')?.getBoundingClientRect();
  const underInset = inset ? boxes.filter((b) => b.r.right > inset.left && b.r.left < inset.right && b.r.bottom > inset.top && b.r.top < inset.bottom)
    .map((b) => `${b.text} / inset`) : [];
  return [...labels, ...onArrows, ...underInset];
});

/** The on-screen size (px) of the unit box's dashed edges: in the zoomed inset where there is one, else in the picture. */
const unitBoxSpan = (page: Page, within: string) => page.evaluate((sel) => {
  const edges = [...document.querySelectorAll(`rankbook-rank-geometry svg.rb-picture ${sel}`)].map((l) => l.getBoundingClientRect());
  return Math.max(Math.max(...edges.map((r) => r.right)) - Math.min(...edges.map((r) => r.left)),
    Math.max(...edges.map((r) => r.bottom)) - Math.min(...edges.map((r) => r.top)));
}, within);

/** The hue (0-360) of the stroke of the first element matching `selector` in the rank-geometry picture. */
const geometryStrokeHue = async (page: Page, selector: string) => hueOf(await page.locator(`rankbook-rank-geometry svg.rb-picture ${selector}`)
  .first().evaluate((el) => getComputedStyle(el).stroke));

describe('<rankbook-lora-bypass>', () => {
  it('widens the bottleneck with r, counts r(d + k), and at r = min(d, k) says it is full rank', async () => {
    const { page, errors } = await openPage(browser, '/embed/lora-bypass/?d=6&k=8&r=1');
    let s = await state(page, 'rankbook-lora-bypass');
    expect(s).toMatchObject({ d: 6, k: 8, r: 1, loraParams: 14, fullParams: 48, deltaRank: 1, outerProduct: true, atFullRank: false });
    expect(s.bottleneck).toHaveLength(1);
    expect(s.mergeDifference).toBeLessThan(1e-9);
    const r = page.getByRole('slider', { name: /^r: the bottleneck/ });
    await r.focus();
    await page.keyboard.press('End');
    s = await state(page, 'rankbook-lora-bypass');
    expect(s).toMatchObject({ r: 6, loraParams: 84, deltaRank: 6, atFullRank: true, outerProduct: false });
    expect(await r.getAttribute('aria-valuetext')).toBe('rank 6 of 6, full rank');
    expect(await page.locator('.rb-picture-note').textContent()).toContain('is full fine-tuning');
    await page.getByRole('button', { name: 'Send a new x through' }).click();
    s = await state(page, 'rankbook-lora-bypass');
    expect(s.inputs).toBe(2);
    await expect.poll(async () => (await state(page, 'rankbook-lora-bypass')).animating, { timeout: 5000 }).toBe(false);
    expect(await smallestPictureText(page)).toBeGreaterThanOrEqual(12);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('shows the whole trip at once when the reader asks for less motion', async () => {
    const { page, errors } = await openPage(browser, '/embed/lora-bypass/');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Send a new x through' }).click();
    expect((await state(page, 'rankbook-lora-bypass')).animating).toBe(false);
    expect(await page.locator('.rb-bypass-dot').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('<rankbook-rank-geometry>', () => {
  it('lands the lesson\'s rank-1 example on a line, turns with the keyboard, and keeps the last good matrix', async () => {
    const { page, errors } = await openPage(browser, '/lessons/01-rank/');
    const tag = 'rankbook-rank-geometry';
    let s = await state(page, tag);
    expect(s).toMatchObject({ size: 3, rank: 1, kind: 'line', whole: false });
    // The legend names the colours: a purple image of the cube, orange columns, a green column space (in a
    // lesson, where Starlight's own accent colour, a blue, is on the page too).
    expect(await page.locator(`${tag} .rb-note`).last().textContent()).toMatch(/Purple: .*Orange arrows: .*Green: /);
    expect(await geometryStrokeHue(page, '.rb-geometry-image')).toBeGreaterThan(250);
    expect(await geometryStrokeHue(page, '.rb-geometry-image')).toBeLessThan(290);
    expect(await geometryStrokeHue(page, '.rb-geometry-column')).toBeLessThan(40);
    expect(Math.abs(await geometryStrokeHue(page, '.rb-geometry-line') - 140)).toBeLessThan(20);
    // Lesson 1's M stretches the cube 13-fold, so its dashed outline is a few pixels across; an inset shows it
    // magnified (a whole number of times, named in the inset's label).
    expect(await unitBoxSpan(page, '> g > line.rb-geometry-box')).toBeLessThan(20);
    expect(await unitBoxSpan(page, '.rb-geometry-inset line.rb-geometry-box')).toBeGreaterThanOrEqual(30);
    expect(await page.locator(`${tag} svg.rb-picture text`).allTextContents()).toContain('unit cube ×6');
    const view = page.locator(`${tag} svg.rb-picture`);
    await view.focus();
    await page.keyboard.press('ArrowRight');
    expect((await state(page, tag)).turn).toBe(s.turn - 10);
    // A quarter turn, 10 degrees at a time: the axis names stay off the columns' labels in the lesson's column.
    const clashes: string[] = [];
    for (let step = 0; step < 9; step++) {
      clashes.push(...await geometryLabelClashes(page));
      await page.keyboard.press('ArrowRight');
    }
    expect(clashes).toEqual([]);
    await page.locator(tag).getByRole('textbox', { name: 'Row 3, column 3 of M' }).fill('10');
    s = await state(page, tag);
    expect(s).toMatchObject({ rank: 2, kind: 'plane' });
    await page.locator(tag).getByRole('textbox', { name: 'Row 3, column 3 of M' }).fill('ten');
    s = await state(page, tag);
    expect(s.rank).toBe(2);
    expect(s.message).toMatch(/^Row 3, column 3: .*last matrix that worked/);
    await page.locator(tag).getByRole('button', { name: '2 × 2, rank 1' }).click();
    expect(await state(page, tag)).toMatchObject({ size: 2, rank: 1, kind: 'line', message: '' });
    expect(errors).toEqual([]);
  });

  it('keeps every label readable on every example over a whole turn, at 1280 and 390 px', async () => {
    const { page, errors } = await openPage(browser, '/embed/rank-geometry/');
    const tag = 'rankbook-rank-geometry';
    const clashes: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const examples = page.locator(`${tag} [data-control="presets"] button`);
      for (let e = 0; e < await examples.count(); e++) {
        const example = await examples.nth(e).textContent();
        await examples.nth(e).click();
        await page.locator(`${tag} svg.rb-picture`).focus();
        for (let step = 0; step < 36; step++) {
          clashes.push(...(await geometryLabelClashes(page)).map((c) => `${width} px, ${example}, ${step * 10}°: ${c}`));
          await page.keyboard.press('ArrowRight');
        }
      }
    }
    expect(clashes).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('takes its matrix from the embed query and draws the whole space at full rank', async () => {
    const { page, errors } = await openPage(browser, `/embed/rank-geometry/?matrix=${encodeURIComponent('[[2,0,0],[0,1,0],[0,0,1]]')}`);
    expect(await state(page, 'rankbook-rank-geometry')).toMatchObject({ size: 3, rank: 3, kind: 'space', whole: true });
    const box = (await page.locator('rankbook-rank-geometry svg.rb-picture').boundingBox())!;
    const before = (await state(page, 'rankbook-rank-geometry')).turn;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    expect((await state(page, 'rankbook-rank-geometry')).turn).toBe(before - 20); // half a degree a pixel
    expect(await page.locator('.rb-geometry-inset').count()).toBe(0); // the unit cube is big enough to see
    expect(await smallestPictureText(page)).toBeGreaterThanOrEqual(12);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});

describe('<rankbook-factor-shapes>', () => {
  it('draws L_k and R_k to the scale of M and counts k(m + n) as k moves', async () => {
    const { page, errors } = await openPage(browser, '/embed/factor-shapes/?m=12&n=8&k=2');
    const tag = 'rankbook-factor-shapes';
    expect(await state(page, tag)).toMatchObject({ m: 12, n: 8, k: 2, full: 96, factored: 40 });
    const k = page.getByRole('slider', { name: /^k: the rank/ });
    await k.focus();
    await page.keyboard.press('ArrowRight');
    const s = await state(page, tag);
    expect(s).toMatchObject({ k: 3, factored: 60 });
    const widths = await page.locator(`${tag} rect.rb-shape-trainable`).evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths[0]).toBeCloseTo(3 * s.scale, 6); // L_k: k entries wide
    expect(widths[1]).toBeCloseTo(8 * s.scale, 6); // R_k: n entries wide
    expect(await k.getAttribute('aria-valuetext')).toBe('k = 3 of 8, 60 numbers stored');
    await saveScreenshot(page, 'factor-shapes');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});

describe('<rankbook-lora-anatomy> fits a planted change', () => {
  it('trains towards T: the error falls and at most r singular values are non-zero', async () => {
    const { page, errors } = await openPage(browser, '/embed/lora-anatomy/?r=2');
    const tag = 'rankbook-lora-anatomy';
    expect(await state(page, tag)).toMatchObject({ r: 2, relativeError: 1, targetValues: [1, 0.5, 0.25, 0.125] });
    await page.getByRole('button', { name: 'Train 100 steps' }).click();
    await expect.poll(async () => (await state(page, tag)).training, { timeout: 20_000 }).toBe(false);
    const s = await state(page, tag);
    expect(s.steps).toBe(100);
    expect(s.relativeError).toBeLessThan(1);
    expect(s.relativeError).toBeGreaterThanOrEqual(s.bestError);
    expect(s.deltaRank).toBe(2);
    expect(s.singularValues.slice(2).every((v: number) => v < 1e-12 * s.singularValues[0])).toBe(true);
    const r = page.getByRole('slider', { name: /^r: rank/ });
    await r.focus();
    await page.keyboard.press('End');
    expect(await state(page, tag)).toMatchObject({ r: 64, atFullRank: true, rankLimit: 64 });
    expect(await page.locator(`${tag} .rb-picture-note`).textContent()).toContain('is full fine-tuning');
    expect(errors).toEqual([]);
  });
});
