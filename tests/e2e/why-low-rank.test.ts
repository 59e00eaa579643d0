import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { barePageOnAnotherSite, baseUrl, launchBrowser, openPage, saveScreenshot } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

type Tag = 'rankbook-subspace-overlap' | 'rankbook-delta-w' | 'rankbook-rank-sweep';
const state = (page: Page, tag: Tag) => page.$eval(tag, (el: any) => el.state);
/** Scrolls to the widget first: the heavy ones start computing only when the reader comes near them. */
const ready = async (page: Page, tag: Tag) => {
  await page.locator(tag).first().scrollIntoViewIfNeeded();
  return page.waitForFunction((t) => (document.querySelector(t) as any)?.state?.status === 'ready', tag, { timeout: 30_000 });
};
const retrainDone = (page: Page, tag: Tag) => page.waitForFunction(
  (t) => ['done', 'error', 'cancelled'].includes((document.querySelector(t) as any)?.state?.retrain?.status), tag, { timeout: 110_000 });

/** JavaScript bodies the page has received so far, to check that tfjs arrives only when training starts. */
function scriptBodies(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (/\.m?js(\?|$)/.test(response.url())) bodies.push(response.text().catch(() => ''));
  });
  return bodies;
}

describe('lesson 7: the subspace overlap widget', () => {
  it('draws phi from the shipped adapters, with the server-rendered table before any script', async () => {
    const html = await (await fetch(`${baseUrl()}/lessons/07-why-low-rank/`)).text();
    expect(html).toContain('φ(i, j), rows i = 1…8, columns j = 1…8');
    expect(html).toMatch(/ΔWv, layer 2, r = 8 against r = 64: φ\(1, 1\) = 0\.002/);
    const { page, errors } = await openPage(browser, '/lessons/07-why-low-rank/');
    await ready(page, 'rankbook-subspace-overlap');
    const s = await state(page, 'rankbook-subspace-overlap');
    expect(s).toMatchObject({ layer: 2, matrix: 'wv', compare: 'ranks', source: 'shipped', rows: 8, cols: 64, k: 128 });
    expect(s.phi11).toBeCloseTo(0.0025, 4); // 0.00247: r8 against r64, layer 2 Wv
    expect(s.cornerMean).toBeCloseTo(0.513, 3);
    expect(s.randomCornerMean).toBeCloseTo(0.0454, 4);
    // The main map only: the zoomed corner beside it (view="both", hidden here) is a second grid.
    expect(await page.locator('rankbook-subspace-overlap .rb-overlap-map [role=gridcell]').count()).toBe(8 * 64);
    expect(await page.locator('rankbook-subspace-overlap .rb-overlap-table tbody tr').count()).toBe(8);
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'lesson-07');
    await page.context().close();
  });

  it('reads a cell\'s value on keyboard focus and on hover', async () => {
    const { page } = await openPage(browser, '/lessons/07-why-low-rank/');
    await ready(page, 'rankbook-subspace-overlap');
    const s = await state(page, 'rankbook-subspace-overlap');
    await page.focus('rankbook-subspace-overlap [role=gridcell][tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(label).toBe(`i = 2, j = 3, φ: ${s.phi[1][2].toFixed(3)}`);
    const readout = page.locator('rankbook-subspace-overlap .rb-overlap-readout');
    expect(await readout.textContent()).toContain(`i = 2, j = 3: φ = ${s.phi[1][2].toFixed(3)}`);
    expect((await state(page, 'rankbook-subspace-overlap')).focus).toMatchObject({ i: 2, j: 3 });
    await page.hover('rankbook-subspace-overlap [role=gridcell][data-row="4"][data-col="10"]');
    expect(await readout.textContent()).toContain(`i = 5, j = 11: φ = ${s.phi[4][10].toFixed(3)}`);
    await page.context().close();
  });

  it('switches to random matrices and to the corner view from its controls', async () => {
    const { page } = await openPage(browser, '/embed/subspace-overlap/');
    await ready(page, 'rankbook-subspace-overlap');
    await page.selectOption('rankbook-subspace-overlap select >> nth=2', 'random');
    await page.check('rankbook-subspace-overlap input[value=corner]');
    await expect.poll(async () => (await state(page, 'rankbook-subspace-overlap')).source).toBe('random');
    const s = await state(page, 'rankbook-subspace-overlap');
    expect(s).toMatchObject({ compare: 'random', view: 'corner', rows: 8, cols: 8 });
    expect(Math.abs(s.cornerMean - s.randomCornerMean)).toBeLessThan(0.02);
    expect(await page.locator('rankbook-subspace-overlap .rb-overlap-map [role=gridcell]').count()).toBe(64);
    await page.context().close();
  });

  it('retrains on the backend auto picks (WebAssembly under software WebGL), loading tfjs only then, and redraws from the fresh adapters', async () => {
    const { page, errors } = await openPage(browser, '/embed/subspace-overlap/?steps=3&layer=2');
    const bodies = scriptBodies(page);
    await ready(page, 'rankbook-subspace-overlap');
    const before = await state(page, 'rankbook-subspace-overlap');
    const loadedBefore = await Promise.all(bodies.slice());
    expect(loadedBefore.some((b) => b.includes('IS_BROWSER'))).toBe(false);
    const t0 = Date.now();
    await page.click('text=Retrain r = 8 and r = 64 in my browser');
    await retrainDone(page, 'rankbook-subspace-overlap');
    const ms = Date.now() - t0;
    const after = await state(page, 'rankbook-subspace-overlap');
    // Retrains start tfjs with 'auto', which picks wasm under headless Chromium's software WebGL (as in lora-trainer.test.ts).
    expect(after.retrain).toMatchObject({ status: 'done', backend: 'wasm', steps: 3 });
    expect(after.source).toBe('retrained');
    expect(after.phi).not.toEqual(before.phi);
    // Three steps leave A close to its random start: overlap near chance, far below the shipped adapters'.
    expect(after.cornerMean).toBeLessThan(0.25);
    expect((await Promise.all(bodies)).some((b) => b.includes('IS_BROWSER'))).toBe(true);
    expect(await page.locator('rankbook-subspace-overlap').textContent()).toContain('trained in this browser, 3 steps each');
    console.log(`retrain 2 x 3 steps on ${after.retrain.backend}, with loading: ${ms} ms`);
    await page.click('text=Back to the shipped adapters');
    await expect.poll(async () => (await state(page, 'rankbook-subspace-overlap')).source).toBe('shipped');
    expect(errors.filter((e) => !/GL Driver Message/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('cancels a run, keeping the plot it had', async () => {
    const { page } = await openPage(browser, '/embed/subspace-overlap/?steps=300');
    await ready(page, 'rankbook-subspace-overlap');
    await page.click('text=Retrain r = 8 and r = 64 in my browser');
    await page.waitForFunction(() => (document.querySelector('rankbook-subspace-overlap') as any).state.retrain.step >= 1, null, { timeout: 90_000 });
    await page.click('rankbook-subspace-overlap button:text("Cancel")');
    await retrainDone(page, 'rankbook-subspace-overlap');
    const s = await state(page, 'rankbook-subspace-overlap');
    expect(s.retrain.status).toBe('cancelled');
    expect(s.source).toBe('shipped');
    expect(await page.locator('rankbook-subspace-overlap .rb-retrain').textContent()).toContain('Cancelled');
    await page.context().close();
  });
});

describe('lesson 7: ΔW against W and the rank sweep', () => {
  it('computes the Table 7 analogue beside the paper\'s row', async () => {
    const { page, errors } = await openPage(browser, '/lessons/07-why-low-rank/');
    await ready(page, 'rankbook-delta-w');
    const s = await state(page, 'rankbook-delta-w');
    expect(s.rows.map((r: { r: number }) => r.r)).toEqual([4, 64]);
    expect(s.rows[0].amplification).toBeCloseTo(29.2, 1);
    expect(s.rows[1].amplification).toBeCloseTo(2.11, 2);
    expect(s.paper.r4).toBe(21.5);
    expect(s.amplification.map((a: { r: number }) => a.r)).toEqual([1, 2, 4, 8, 64]);
    const table = await page.locator('rankbook-delta-w table').textContent();
    expect(table).toContain('21.67');
    expect(table).toContain('61.95');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows every cell of the sweep, selects one by keyboard and re-runs it on the backend auto picks', async () => {
    const { page, errors } = await openPage(browser, '/embed/rank-sweep/?steps=2');
    await ready(page, 'rankbook-rank-sweep');
    const s = await state(page, 'rankbook-rank-sweep');
    expect(s.cells).toHaveLength(15);
    expect(s.cells.find((c: any) => c.targets === 'wq-wv' && c.r === 8).validationLoss).toBeCloseTo(1.684, 3);
    expect(s.fullFineTuneLoss).toBeCloseTo(1.646, 3);
    const cell = page.locator('rankbook-rank-sweep button[aria-label^="r = 1 on {Wq}:"]');
    await cell.focus();
    await page.keyboard.press('Enter');
    expect(await state(page, 'rankbook-rank-sweep')).toMatchObject({ targets: 'wq', r: 1 });
    await page.click('text=Re-run r = 1 on {Wq} in my browser');
    await retrainDone(page, 'rankbook-rank-sweep');
    const after = await state(page, 'rankbook-rank-sweep');
    expect(after.retrain).toMatchObject({ status: 'done', backend: 'wasm' }); // auto under software WebGL
    const yours = after.cells.find((c: any) => c.targets === 'wq' && c.r === 1).yours;
    expect(yours.steps).toBe(2);
    expect(yours.loss).toBeGreaterThan(2); // two steps barely move the base model's 2.70
    expect(await page.locator('rankbook-rank-sweep .rb-yours').textContent()).toContain(yours.loss.toFixed(3));
    expect(errors.filter((e) => !/GL Driver Message/.test(e))).toEqual([]);
    await page.context().close();
  });
});

describe('lesson 7 embed pages take their state from the query', () => {
  it('subspace overlap', async () => {
    const { page } = await openPage(browser, '/embed/subspace-overlap/?layer=2&matrix=wv&compare=seeds&view=corner&steps=25');
    await ready(page, 'rankbook-subspace-overlap');
    const s = await state(page, 'rankbook-subspace-overlap');
    expect(s).toMatchObject({ layer: 2, matrix: 'wv', compare: 'seeds', view: 'corner', steps: 25, rows: 8, cols: 8 });
    expect(s.phi11).toBeCloseTo(0.1725, 3); // r64-wq-wv-s1 against -s2, layer 2 Wv: 0.17253 (scripts/why-low-rank.ts --json)
    await page.context().close();
  });

  it('ΔW against W, clamping a layer out of range', async () => {
    const { page } = await openPage(browser, '/embed/delta-w/?layer=7&matrix=wv');
    await ready(page, 'rankbook-delta-w');
    expect(await state(page, 'rankbook-delta-w')).toMatchObject({ layer: 1, matrix: 'wv' });
    expect(await page.locator('rankbook-delta-w').textContent()).toContain('layer="7" is not 1 to 2, so layer 1 is shown.');
    await page.context().close();
  });

  it('rank sweep, ignoring a rank that is not in the sweep', async () => {
    const { page } = await openPage(browser, '/embed/rank-sweep/?targets=wq-wk-wv-wo&r=3&steps=50&hide=chart');
    await ready(page, 'rankbook-rank-sweep');
    expect(await state(page, 'rankbook-rank-sweep')).toMatchObject({ targets: 'wq-wk-wv-wo', r: 4, steps: 50 });
    expect(await page.locator('rankbook-rank-sweep [data-control=chart]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('lesson 7 widgets from widgets.js on a bare page of another site', () => {
  it('load the shipped adapters from widgets.js\'s own site', async () => {
    const site = await barePageOnAnotherSite(`<rankbook-subspace-overlap layer="2" matrix="wq" view="corner"></rankbook-subspace-overlap>
      <rankbook-delta-w layer="2"></rankbook-delta-w>
      <rankbook-rank-sweep targets="wq" r="64"></rankbook-rank-sweep>`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      for (const tag of ['rankbook-subspace-overlap', 'rankbook-delta-w', 'rankbook-rank-sweep'] as const) await ready(page, tag);
      expect((await state(page, 'rankbook-subspace-overlap')).phi11).toBeCloseTo(0.1177, 3); // r = 8 against r = 64, layer 2 Wq: 0.11769
      expect((await state(page, 'rankbook-delta-w')).rows[0].amplification).toBeCloseTo(28.3, 1);
      expect(await state(page, 'rankbook-rank-sweep')).toMatchObject({ targets: 'wq', r: 64 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      site.close();
    }
  });
});

describe('lesson 7 as a long page', () => {
  it('lays out paragraphs far below only as the reader nears them, and a jump from "On this page" lands on its heading though widgets above it change size', async () => {
    const { page, errors } = await openPage(browser, '/lessons/07-why-low-rank/');
    const farBelowSkipped = () => page.evaluate(() => {
      const last = [...document.querySelectorAll('.sl-markdown-content > p')].filter((p) => p.firstElementChild).at(-1)!;
      return !last.firstElementChild!.checkVisibility({ contentVisibilityAuto: true });
    });
    expect(await farBelowSkipped()).toBe(true);
    const id = await page.evaluate(() => [...document.querySelectorAll('.sl-markdown-content h2')].at(-2)!.id);
    await page.click(`starlight-toc a[href="#${id}"]`);
    // The widgets above the heading start on the click and replace their fallbacks a few frames later: the
    // heading must be in place once they have (on the old page it ended 1,815 px above the window).
    const offset = () => page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top
      - parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop), id);
    await page.waitForTimeout(2000);
    expect(Math.abs(await offset())).toBeLessThanOrEqual(2);
    expect(await farBelowSkipped()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
