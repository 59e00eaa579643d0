import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, expectNoAxeViolations, saveScreenshot } from './browser';

const LESSON = '/lessons/06-train-lora/';
const EMBED = '/embed/lora-trainer/';
const TAG = 'rankbook-lora-trainer';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page) => page.$eval(TAG, (el: any) => el.state);
/** Waits until the widget's state passes `test` (a function body over `s`), polling every 250 ms. */
const until = (page: Page, test: string, timeout = 240_000) =>
  page.waitForFunction(`(() => { const s = document.querySelector('${TAG}').state; return ${test}; })()`, null, { timeout, polling: 250 });
const button = (page: Page, name: string) => page.locator(TAG).getByRole('button', { name, exact: true });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Scrolls the trainer into view (it loads tfjs then) and waits for the base model's samples. */
async function ready(page: Page) {
  await page.locator(TAG).scrollIntoViewIfNeeded();
  await until(page, "s.status === 'ready' && s.samplesBefore.length === 10 && s.busy === ''");
  return state(page);
}

async function setSteps(page: Page, steps: number) {
  const input = page.locator(TAG).getByLabel('Steps', { exact: true });
  await input.fill(String(steps));
  await input.press('Enter');
  await until(page, `s.steps === ${steps}`);
}

/**
 * In the page: records the step of every "After LoRA" sample list shown while training (polling would miss
 * short ones), and presses Pause the moment step 2 is reported (a slow, shared machine may finish a short run
 * before a click from outside lands).
 */
const watchTraining = (page: Page) => page.$eval(TAG, (el: any) => {
  const w = window as any;
  w.seen = [];
  let paused = false;
  el.addEventListener('change', (e: any) => {
    if (e.target !== el || e.detail.status !== 'training') return; // inputs' own change events bubble through too
    w.seen.push(e.detail.samplesAfterStep);
    if (!paused && e.detail.step >= 2) {
      paused = true;
      [...el.querySelectorAll('button')].find((b: HTMLButtonElement) => b.textContent === 'Pause').click();
    }
  });
});

// One page trained once; each behaviour below is its own test on it, in order.
describe('lesson 6: a LoRA fine-tune in the browser (one trained page)', () => {
  let page: Page;
  let errors: string[];
  let foreignRequests: string[];
  let start: any;
  let trained: any;

  beforeAll(async () => {
    ({ page, errors, foreignRequests } = await openPage(browser, LESSON));
    // Before it is scrolled to, the server-rendered table teaches and tfjs is not loaded.
    expect(await page.locator(`${TAG} .rb-fallback, ${TAG} .rb-lora-trainer`).count()).toBeGreaterThan(0);
    start = await ready(page);
  }, 120_000);
  afterAll(async () => {
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page?.context().close();
  });

  it('auto chooses WebAssembly under software WebGL, says why, and is ready quickly', async () => {
    expect(start.backendChoice).toBe('auto');
    expect(start.backend).toBe('wasm');
    expect(start.backendNotice).toMatch(/drawn in software|performance caveat/);
    expect(await page.locator(`${TAG} .rb-trainer-notice`).isVisible()).toBe(true);
    expect(await page.locator(`${TAG} .rb-trainer-backend`).textContent()).toMatch(/^WebAssembly \(processor\) · ready in \d+\.\d s$/);
    console.log(`auto (wasm): ready in ${start.readySeconds.toFixed(2)} s`);
    // The target is 3 s on an idle 2-core machine; RANKBOOK_READY_LIMIT relaxes it on a machine that is busy.
    expect(start.readySeconds).toBeLessThan(Number(process.env.RANKBOOK_READY_LIMIT ?? 4));
  });

  it('starts from the shipped recipe, with the shipped runs drawn as reference curves', async () => {
    expect(start).toMatchObject({ r: 8, alpha: 8, targets: ['Wq', 'Wv'], steps: 300, lr: 0.01, step: 0, trainableParams: 8192, totalParams: 406_044, optimizerStateBytes: 65_536 });
    expect(start.valLoss).toHaveLength(1); // the base model's, at step 0
    expect(start.valLoss[0]).toBeCloseTo(2.697, 2);
    expect(start.references.map((r: any) => r.label)).toEqual(['shipped r = 8', 'shipped full']);
    expect(start.references[0].points.at(-1)[0]).toBe(300);
    expect(await page.locator(`${TAG} .rb-plot-legend text`).allTextContents()).toEqual(['LoRA train', 'LoRA val.', 'shipped r = 8 val.', 'shipped full val.']);
  });

  it('trains with falling loss, refreshing the samples as it goes, and pauses mid-run', async () => {
    await setSteps(page, 10);
    await watchTraining(page);
    await button(page, 'Train').click();
    await until(page, "s.status === 'paused' && s.pausedBy === 'button'");
    // The step under way when Pause was pressed finishes; after that nothing moves.
    await page.waitForTimeout(1500);
    const pausedAt = (await state(page)).step;
    await page.waitForTimeout(1500);
    expect((await state(page)).step).toBe(pausedAt);
    expect(await page.locator(`${TAG} .rb-result`).textContent()).toContain(`paused at step ${pausedAt}`);
    await button(page, 'Resume').click();
    await until(page, "s.status === 'done' && s.samplesAfterStep === 10 && s.busy === ''");
    trained = await state(page);
    expect(trained.step).toBe(10);
    expect(trained.trainLoss).toHaveLength(10);
    expect(trained.valSteps).toEqual([0, 5, 10]);
    const [before, , after] = trained.valLoss;
    expect(after).toBeLessThan(before - 0.1);
    expect(mean(trained.trainLoss.slice(-3))).toBeLessThan(mean(trained.trainLoss.slice(0, 3)));
    expect(trained.samplesAfter).not.toEqual(trained.samplesBefore);
    // "After LoRA" is redrawn while training goes on as often as 8% of the training time allows (unit-tested);
    // a 10-step run may be too short for one.
    const seen: number[] = await page.evaluate(() => (window as any).seen);
    if (seen.some((step) => step > 0 && step < 10)) expect(trained.sampleRefreshShare).toBeLessThan(0.1);
    expect(trained.backendRates.wasm).toBe(trained.stepsPerSecond);
    expect(await page.locator(`${TAG} progress`).evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([10, 10]);
    console.log(`wasm: ${trained.stepsPerSecond.toFixed(2)} steps/s training, ${trained.wallStepsPerSecond.toFixed(2)} wall; samples redrawn at ${[...new Set(seen)].join(', ')}, ` +
      `${((trained.sampleRefreshShare ?? 0) * 100).toFixed(1)}% of the time; validation ${before.toFixed(3)} -> ${after.toFixed(3)} in 10 steps`);
    // Not a speed target (npm run bench:trainer measures speed): wasm trained 2.1-4.3 steps a second in five full
    // runs on a 2-core machine, 2.1 with the host busy, so under 1 is a fault, not noise. RANKBOOK_MIN_STEPS overrides it.
    expect(trained.stepsPerSecond).toBeGreaterThan(Number(process.env.RANKBOOK_MIN_STEPS ?? 1));
  }, 240_000);

  it('merges exactly, and times base, unmerged and merged', { timeout: 240_000 }, async () => {
    await button(page, 'Merge into W₀').click();
    await until(page, 's.merge !== null && s.busy === ""');
    const merged = await state(page);
    expect(merged.merged).toBe(true);
    expect(merged.merge.maxAbsDiff).toBeLessThan(1e-4);
    expect(merged.merge.matrices).toBe(4);
    for (const ms of Object.values(merged.merge.latencyMs) as number[]) expect(ms).toBeGreaterThan(0);
    expect(await page.locator(`${TAG} .rb-trainer-latency tbody tr`).count()).toBe(3);
    expect(await button(page, 'Train').isDisabled()).toBe(true);
    await saveScreenshot(page, 'lesson-6-trained-merged');
    await expectNoAxeViolations(page, TAG); // the lesson around it goes through axe in every-page.test.ts
    await button(page, 'Unmerge').click();
    await until(page, 's.merged === false && s.merge === null');
  });

  it('saves the adapter, resets to the base model exactly, and loads the file back', { timeout: 240_000 }, async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download adapter').click()]);
    mkdirSync('test-results', { recursive: true });
    const saved = 'test-results/trained.rblora';
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(download.suggestedFilename()).toBe('rankbook-lora-dinosaurs-r8-wq-wv-step10.rblora');
    expect(bytes.byteLength).toBeGreaterThan(8192 * 4);
    expect(bytes.byteLength).toBeLessThan(8192 * 4 + 4096);

    await button(page, 'Reset').click();
    await until(page, "s.step === 0 && s.resetDifference !== null && s.status === 'ready' && s.busy === ''");
    const reset = await state(page);
    expect(reset).toMatchObject({ step: 0, trainLoss: [], valSteps: [0], merged: false, resetDifference: 0 });
    expect(reset.samplesAfter).toEqual(reset.samplesBefore);
    expect(reset.tensors).toBe(start.tensors);

    const file = page.locator(TAG).getByLabel('Load an adapter file');
    await file.setInputFiles(saved);
    await until(page, "s.step === 10 && s.samplesAfter.join() !== s.samplesBefore.join() && s.busy === ''");
    const loaded = await state(page);
    expect(loaded.samplesAfter).toEqual(trained.samplesAfter);
    expect(loaded.valLoss).toEqual(trained.valLoss);
    expect(loaded).toMatchObject({ r: 8, alpha: 8, targets: ['Wq', 'Wv'] });
  });

  it('refuses a bad adapter file with a message next to the control, keeping the loaded one', async () => {
    const bad = 'test-results/not-an-adapter.rblora';
    writeFileSync(bad, '{"hello": "world"}');
    const file = page.locator(TAG).getByLabel('Load an adapter file');
    await file.setInputFiles(bad);
    const message = page.locator(TAG).locator('.rb-trainer-file .rb-message');
    await expect.poll(() => message.textContent()).toMatch(/JSON file.*Nothing was changed/);
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    const kept = await state(page);
    expect(kept.step).toBe(10);
    expect(kept.samplesAfter).toEqual(trained.samplesAfter);
  });

  it('refuses whole a file that fails a later check: settings, curves and tensor count stay as they were', async () => {
    const bytes = readFileSync('test-results/trained.rblora');
    const file = page.locator(TAG).getByLabel('Load an adapter file');
    const message = page.locator(TAG).locator('.rb-trainer-file .rb-message');
    const kept = await state(page);
    // Files that pass the first checks but not all: a name listed twice with another shape, alpha out of range.
    // Each is refused whole: settings, curves and tensor count exactly as they were.
    const length = bytes.readUInt32LE(8);
    const manifest = JSON.parse(bytes.subarray(12, 12 + length).toString('utf8'));
    const weights = bytes.subarray((12 + length + 3) & ~3);
    const hostile = [
      { ...manifest, tensors: [...manifest.tensors, { ...manifest.tensors[0], shape: [4, 32] }] },
      { ...manifest, lora: { ...manifest.lora, alpha: 1e9 }, steps: -3 },
    ];
    for (const [t, edited] of hostile.entries()) {
      const json = Buffer.from(JSON.stringify(edited));
      const head = Buffer.alloc((12 + json.length + 3) & ~3);
      head.write('RBLORA01');
      head.writeUInt32LE(json.length, 8);
      json.copy(head, 12);
      writeFileSync(`test-results/hostile-${t}.rblora`, Buffer.concat([head, weights]));
      await file.setInputFiles(`test-results/hostile-${t}.rblora`);
      await expect.poll(() => message.textContent()).toMatch(t === 0 ? /twice.*Nothing was changed/ : /alpha 1,000,000,000.*Nothing was changed/);
      expect({ ...(await state(page)), message: '', messages: {} }).toEqual({ ...kept, message: '', messages: {} });
    }
  });

  it('pauses while scrolled out of view and says so, then goes on', { timeout: 240_000 }, async () => {
    await button(page, 'Reset').click();
    await until(page, "s.step === 0 && s.status === 'ready' && s.busy === ''");
    await setSteps(page, 60);
    await button(page, 'Train').click();
    await until(page, "s.status === 'training' && s.step >= 1");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await until(page, "s.status === 'paused' && s.pausedBy === 'scroll'");
    const at = (await state(page)).step;
    expect(await page.locator(`${TAG} .rb-result`).textContent()).toMatch(/out of view/);
    await page.waitForTimeout(1500);
    expect((await state(page)).step).toBeLessThanOrEqual(at + 1); // a step in flight may finish
    await page.locator(TAG).scrollIntoViewIfNeeded();
    await until(page, `s.status === 'training' && s.step > ${at + 1}`);
    await button(page, 'Reset').click();
    await until(page, "s.step === 0 && s.status === 'ready'");
  });
});

describe('full fine-tuning as a baseline', () => {
  it('trains every weight on the same batches and draws its curves beside LoRA', async () => {
    const { page, errors } = await openPage(browser, `${EMBED}?steps=5`);
    await ready(page);
    await button(page, 'Train').click();
    await until(page, "s.status === 'done' && s.step === 5 && s.busy === ''");
    await button(page, 'Full fine-tune (baseline)').click();
    await until(page, "s.run === 'full' && s.status === 'done' && s.samplesFull.length === 10 && s.busy === ''");
    const s = await state(page);
    expect(s.fullTrainLoss).toHaveLength(5);
    expect(s.fullValSteps).toEqual([0, 5]);
    expect(s.fullValLoss[1]).toBeLessThan(s.fullValLoss[0]);
    expect(s.fullOptimizerStateBytes).toBe(8 * 406_044);
    expect(s.step).toBe(5); // the LoRA run is untouched
    expect(await page.locator(`${TAG} .rb-plot-legend text`).allTextContents()).toEqual(['LoRA train', 'LoRA val.', 'full train', 'full val.', 'shipped r = 8 val.', 'shipped full val.']);
    expect(await page.locator(TAG).getByText('After full fine-tuning').isVisible()).toBe(true);
    await button(page, 'Reset').click();
    await until(page, "s.step === 0 && s.fullStep === 0 && s.samplesFull.length === 0 && s.status === 'ready'");
    // Full rank: r = 128 on every matrix, the LoRA that can express any ΔW.
    await button(page, 'Set r = 128 on every matrix').click();
    expect(await state(page)).toMatchObject({ r: 128, targets: ['Wq', 'Wk', 'Wv', 'Wo', 'MLP'], trainableParams: 589_824 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('the backend chooser', () => {
  it('backend=webgl still trains (with a warning under software WebGL), and switching to wasm shows both measured speeds', async () => {
    const { page, errors, foreignRequests } = await openPage(browser, `${EMBED}?backend=webgl&steps=2`);
    const s = await ready(page);
    expect(s).toMatchObject({ backendChoice: 'webgl', backend: 'webgl' });
    expect(s.backendNotice).toMatch(/as asked, though/);
    await button(page, 'Train').click();
    await until(page, "s.status === 'done' && s.busy === ''");
    const webgl = await state(page);
    expect(webgl.valLoss.at(-1)).toBeLessThan(webgl.valLoss[0]);
    const chooser = page.locator(TAG).getByLabel('Run on');
    await chooser.selectOption('wasm');
    await until(page, "s.backend === 'wasm' && s.status === 'ready' && s.busy === ''");
    expect((await state(page)).step).toBe(0); // a new backend starts a new run
    await button(page, 'Train').click();
    await until(page, "s.status === 'done' && s.busy === ''");
    const both = await state(page);
    expect(Object.keys(both.backendRates).sort()).toEqual(['wasm', 'webgl']);
    expect(await chooser.locator('option[value="webgl"]').textContent()).toMatch(/^WebGL \(measured \d+(\.\d)? steps\/s\)$/);
    console.log(`webgl: ${both.backendRates.webgl.toFixed(2)} steps/s (ready ${s.readySeconds.toFixed(1)} s); wasm: ${both.backendRates.wasm.toFixed(2)} steps/s`);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 480_000);
});

describe('links that set the trainer', () => {
  it("the lesson's run tables reopen the page with the trainer set to that run", async () => {
    const { page, errors } = await openPage(browser, LESSON);
    const link = page.getByRole('link', { name: 'set the trainer to r = 2 on Wq, Wv' });
    await link.click();
    await page.waitForURL(/trainer\.r=2/);
    await expect.poll(async () => (await state(page)).r).toBe(2);
    expect(await state(page)).toMatchObject({ r: 2, alpha: 8, targets: ['Wq', 'Wv'], trainableParams: 2048 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the LoRA trainer embed page', () => {
  it('takes its settings from the query string', async () => {
    const { page, errors } = await openPage(browser, `${EMBED}?r=4&alpha=16&targets=Wq,Wk,Wv,Wo&lr=0.02&steps=50&task=pokemon&backend=cpu`);
    const s = await state(page);
    expect(s).toMatchObject({ r: 4, alpha: 16, targets: ['Wq', 'Wk', 'Wv', 'Wo'], lr: 0.02, steps: 50, task: 'pokemon', backendChoice: 'cpu', message: '' });
    expect(s.trainableParams).toBe(2 * 4 * 4 * 256);
    expect(await page.locator('nav, header').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('clamps hostile values, says what it changed, and inserts nothing as HTML', async () => {
    const hostile = encodeURIComponent('<img src=x onerror="window.hacked=1">');
    const { page, errors } = await openPage(browser,
      `${EMBED}?r=9999&alpha=-5&lr=abc&steps=1e9&targets=${hostile}&task=evil&colour=red&hide=file`);
    const s = await state(page);
    expect(s).toMatchObject({ r: 128, alpha: 1, lr: 0.01, steps: 2000, targets: ['Wq', 'Wv'], task: 'dinosaurs' });
    const note = await page.locator('[data-embed-note]').textContent();
    for (const word of ['lr', 'task', 'colour']) expect(note).toContain(word);
    // Numbers out of range reach the widget, which says so beside each control.
    const said = await page.locator(TAG).textContent();
    for (const words of ['“9999” is above the range', 'alpha “-5” is below', 'steps “1e9” is above']) expect(said).toContain(words);
    await expect.poll(() => page.locator(TAG).locator('.rb-trainer-targets .rb-message').textContent()).toMatch(/name none of Wq, Wk, Wv, Wo, MLP/);
    expect(await page.locator(`${TAG} [data-control="file"]`).isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as any).hacked)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is operable by keyboard, with values in words', { timeout: 240_000 }, async () => {
    const { page, errors } = await openPage(browser, `${EMBED}?theme=dark`);
    const rank = page.getByRole('slider', { name: 'Rank r' });
    await rank.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).r).toBe(10);
    expect(await rank.getAttribute('aria-valuetext')).toBe('rank 10: 10,240 trainable numbers, 2.52% of the model');
    const mlp = page.getByRole('checkbox', { name: 'MLP (both)' });
    await mlp.focus();
    await page.keyboard.press('Space');
    expect((await state(page)).targets).toEqual(['Wq', 'Wv', 'MLP']);
    // Unticking every box keeps the last one, with a message.
    for (const name of ['Wq', 'Wv', 'MLP (both)']) await page.getByRole('checkbox', { name }).uncheck({ force: true }).catch(() => undefined);
    expect((await state(page)).targets.length).toBeGreaterThan(0);
    expect(await page.locator(`${TAG} progress`).count()).toBe(1);
    expect(await page.locator(`${TAG} [aria-live]`).count()).toBeGreaterThan(0);
    await ready(page);
    await saveScreenshot(page, 'lora-trainer-embed-dark');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
