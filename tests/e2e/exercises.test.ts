import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Fraction from 'fraction.js';
import { expectNoAxeViolations, baseUrl, launchBrowser, listen, openPage } from './browser';
import { GENERATORS } from '../../src/exercises/registry';
import { exerciseEnglish } from '../../src/exercises/messages/every-language';
import { sweepData } from '../../src/exercises/sweep-data';
import type { Expected } from '../../src/exercises/types';
import { installScorm12Api } from './scorm12-api';
import { readZip } from '../unit/exercises/read-zip';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const data = { sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) };
const exercise = (page: Page, id: string) => page.locator(`rankbook-exercise[exercise="${id}"]`);
const stateOf = (page: Page, id: string) => exercise(page, id).evaluate((el: any) => el.state);
const loaded = (page: Page, id: string) => page.waitForFunction(
  (x) => ['unanswered', 'right', 'wrong'].includes((document.querySelector(`rankbook-exercise[exercise="${x}"]`) as any)?.state?.status), id);
/** The variant on the page, generated again here from the seed the element reports. */
const expectedOn = async (page: Page, id: string): Promise<Expected> => GENERATORS[id].generate((await stateOf(page, id)).seed, data, exerciseEnglish).expected;
const rightText = (e: Expected) => e.kind === 'number' ? String(e.value) : e.kind === 'fraction' ? e.value.toFraction()
  : e.kind === 'matrix' ? e.value.map((row) => row.map((x: Fraction) => x.toFraction()).join(' ')).join('\n') : '';

/** Types an answer by keyboard and checks it: Enter in a field, Ctrl+Enter in a matrix box. */
async function typeAnswer(page: Page, id: string, text: string): Promise<void> {
  const input = exercise(page, id).locator('.rb-exercise-input');
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
  await page.keyboard.press(lines.length > 1 ? 'Control+Enter' : 'Enter');
}

/** Picks option `index` with the arrow keys, then Tab to Check and press it. */
async function chooseOption(page: Page, id: string, index: number): Promise<void> {
  await exercise(page, id).locator('input[type=radio]').first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

const feedback = (page: Page, id: string) => exercise(page, id).locator('.rb-exercise-feedback');

describe('exercises', () => {
  it('checks each kind right and wrong by keyboard, with feedback, a worked solution after a try, and progress that survives a reload', async () => {
    const { page, errors } = await openPage(browser, '/lessons/01-rank/');
    await page.locator('#check-yourself').scrollIntoViewIfNeeded();
    for (const id of ['max-rank', 'rank-of-matrix', 'rref', 'missing-entry']) await loaded(page, id);

    // Answers are numbers and fractions, not words: no spelling squiggles under "2/3".
    expect(await exercise(page, 'rank-of-matrix').locator('.rb-exercise-input').evaluate((e) => (e as HTMLInputElement).spellcheck)).toBe(false);
    expect(await exercise(page, 'rref').locator('.rb-exercise-input').evaluate((e) => (e as HTMLTextAreaElement).spellcheck)).toBe(false);

    // number
    const rank = await expectedOn(page, 'rank-of-matrix');
    await expect(exercise(page, 'rank-of-matrix').getByRole('button', { name: 'Show me' }).isDisabled()).resolves.toBe(true);
    await typeAnswer(page, 'rank-of-matrix', 'three');
    await expect(exercise(page, 'rank-of-matrix').locator('.rb-message').textContent()).resolves.toMatch(/number/);
    expect((await stateOf(page, 'rank-of-matrix')).attempts).toBe(0); // unreadable input is not an attempt
    await typeAnswer(page, 'rank-of-matrix', String(rank.kind === 'number' ? rank.value + 1 : 0));
    await expect(feedback(page, 'rank-of-matrix').textContent()).resolves.toMatch(/Not yet\. (Too many|M has only)/);
    await exercise(page, 'rank-of-matrix').getByRole('button', { name: 'Show me' }).press('Enter');
    expect(await exercise(page, 'rank-of-matrix').locator('.rb-exercise-solution').isVisible()).toBe(true);
    await typeAnswer(page, 'rank-of-matrix', rightText(rank));
    await expect(feedback(page, 'rank-of-matrix').textContent()).resolves.toMatch(/^Right/);

    // matrix: a wrong last row is pointed at, then the elimination's RREF is accepted
    const rref = await expectedOn(page, 'rref');
    if (rref.kind !== 'matrix') throw new Error('rref is a matrix exercise');
    const wrong = rref.value.map((row, i) => row.map((x, j) => (i === rref.value.length - 1 && j === 0 ? x.add(1) : x)));
    await typeAnswer(page, 'rref', rightText({ kind: 'matrix', value: wrong }));
    await expect(feedback(page, 'rref').textContent()).resolves.toMatch(new RegExp(`Not yet\\. Row ${rref.value.length}`));
    await typeAnswer(page, 'rref', rightText(rref));
    await expect(feedback(page, 'rref').textContent()).resolves.toMatch(/^Right/);

    // exact fraction, typed as a decimal
    const missing = await expectedOn(page, 'missing-entry');
    if (missing.kind !== 'fraction') throw new Error('fraction');
    await typeAnswer(page, 'missing-entry', missing.value.add(1).toFraction());
    await expect(feedback(page, 'missing-entry').textContent()).resolves.toMatch(/Not yet\. With x = .* rank 2/);
    await typeAnswer(page, 'missing-entry', missing.value.valueOf().toFixed(4));
    await expect(feedback(page, 'missing-entry').textContent()).resolves.toMatch(/^Right/);

    // choice, with the chosen option's explanation
    const choice = await expectedOn(page, 'max-rank');
    if (choice.kind !== 'choice') throw new Error('choice');
    await chooseOption(page, 'max-rank', (choice.correct + 1) % choice.options.length);
    await expect(feedback(page, 'max-rank').textContent()).resolves.toMatch(/^Not yet\./);
    await expect(exercise(page, 'max-rank').locator('.rb-exercise-why:visible').textContent()).resolves.toMatch(/^No:/);
    await chooseOption(page, 'max-rank', choice.correct);
    await expect(feedback(page, 'max-rank').textContent()).resolves.toMatch(/^Right/);

    await expectNoAxeViolations(page, '.rb-exercises');
    mkdirSync('test-results', { recursive: true });
    await page.locator('.rb-exercises').screenshot({ path: 'test-results/exercises-lesson-1.png' });

    const before = await stateOf(page, 'rref');
    await page.reload({ waitUntil: 'networkidle' });
    await loaded(page, 'rref');
    expect(await stateOf(page, 'rref')).toMatchObject({ seed: before.seed, attempts: 2, score: 1, status: 'right' });
    await expect(page.locator('nav a[href$="/lessons/01-rank/"] .rb-progress-badge').first().textContent()).resolves.toMatch(/^4\/4/);
    expect(errors).toEqual([]);

    // The progress page: export, reset, a bad file changes nothing, the export imports back.
    await page.goto(`${baseUrl()}/progress/`, { waitUntil: 'networkidle' });
    const row = page.locator('tr[data-progress-lesson="01-rank"]');
    await expect(row.locator('td').first().textContent()).resolves.toBe('4 of 4');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.lessons['01-rank'].rref).toMatchObject({ seed: before.seed, score: 1 });
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Yes, reset everything' }).click();
    await expect(row.locator('td').first().textContent()).resolves.toBe('0 of 4');
    const file = page.getByLabel('Import a progress file:');
    await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rankbook-progress","version":1,"lessons":{"01-rank":{"rref":{"seed":1,"attempts":1,"score":7,"max":1,"updated":"2026-01-01"}}}}') });
    // Reading a file is asynchronous: wait for the page's answer.
    await expect.poll(() => page.locator('rankbook-progress .rb-message').textContent()).toMatch(/^Nothing imported: Exercise rref/);
    await expect(row.locator('td').first().textContent()).resolves.toBe('0 of 4');
    await file.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => row.locator('td').first().textContent()).toBe('4 of 4');
    await page.context().close();
  }, 240_000);

  it('checks a widget task from the rank sweep’s state', async () => {
    const { page, errors } = await openPage(browser, '/lessons/07-why-low-rank/');
    await page.locator('rankbook-rank-sweep').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('rankbook-rank-sweep') as any)?.state?.status === 'ready', null, { timeout: 30_000 });
    await loaded(page, 'sweep-cell');
    const { seed } = await stateOf(page, 'sweep-cell');
    const variant = GENERATORS['sweep-cell'].generate(seed, data, exerciseEnglish);
    const right = data.sweep.cells.find((c) => variant.checkState!({ status: 'ready', targets: c.targets.join('-'), r: c.r }, new Map()).status === 'right')!;
    const wrong = data.sweep.cells.find((c) => c !== right)!;
    const pickCell = async (c: typeof right) => {
      await page.locator('rankbook-rank-sweep').evaluate((el: any, cell) => el.setAttribute('targets', cell.targets.join('-')), c);
      await page.locator('rankbook-rank-sweep').evaluate((el: any, cell) => el.setAttribute('r', String(cell.r)), c);
    };
    await pickCell(wrong);
    await exercise(page, 'sweep-cell').getByRole('button', { name: 'Check' }).press('Enter');
    await expect(feedback(page, 'sweep-cell').textContent()).resolves.toMatch(/^Not yet/);
    await pickCell(right);
    await exercise(page, 'sweep-cell').getByRole('button', { name: 'Check' }).press('Enter');
    await expect(feedback(page, 'sweep-cell').textContent()).resolves.toMatch(/^Right/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the embed page posts rankbook:score to its host', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const host = `<!doctype html><html lang="en"><head><title>Host</title></head><body><script>window.scores = [];
      addEventListener('message', (e) => { if (e.data && e.data.type === 'rankbook:score') scores.push(e.data); });</script>
      <iframe title="Exercise" src="${baseUrl()}/embed/exercise/?id=phi-random&seed=5" width="800" height="700"></iframe></body></html>`;
    // The host on its own origin (another port), as a course page would be.
    const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(host));
    await page.goto(`${await listen(server)}/`, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('iframe');
    const expected = GENERATORS['phi-random'].generate(5, data, exerciseEnglish).expected;
    await frame.locator('.rb-exercise-input').fill(rightText(expected));
    await frame.locator('.rb-exercise-input').press('Enter');
    await page.waitForFunction(() => (window as any).scores.some((s: any) => s.attempts === 1));
    const scores = await page.evaluate(() => (window as any).scores);
    expect(scores.at(-1)).toEqual({ type: 'rankbook:score', id: 'phi-random', seed: 5, score: 1, max: 1, attempts: 1 });
    expect(scores.every((s: any) => s.id === 'phi-random')).toBe(true);
    await context.close();
    server.close();
  });

  it('the SCORM package reports its score to a SCORM 1.2 API, and opens as plain files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rankbook-scorm-'));
    for (const [name, bytes] of readZip(readFileSync('dist/scorm/01-rank.zip'))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    // The LMS: a page holding the API object, with the package's launch page in a frame, as Moodle does.
    writeFileSync(join(dir, 'lms.html'), `<!doctype html><html lang="en"><head><title>LMS</title><script>(${installScorm12Api.toString()})(window);</script></head>
      <body><iframe title="SCO" src="index.html" width="900" height="800"></iframe></body></html>`);
    const server = createServer((request, response) => {
      try {
        const path = join(dir, new URL(request.url!, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
        const body = readFileSync(path);
        response.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html' }).end(body);
      } catch { response.writeHead(404).end(); }
    });
    const origin = await listen(server);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/lms.html`, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-scorm-note]').textContent()).resolves.toMatch(/sent to your course/);
    const sco = page.frames()[1];
    await sco.waitForFunction(() => (document.querySelector('rankbook-exercise[exercise="max-rank"]') as any)?.state?.status === 'unanswered');
    const seed = await sco.evaluate(() => (document.querySelector('rankbook-exercise[exercise="max-rank"]') as any).state.seed);
    const choice = GENERATORS['max-rank'].generate(seed, data, exerciseEnglish).expected;
    if (choice.kind !== 'choice') throw new Error('choice');
    await frame.locator('rankbook-exercise[exercise="max-rank"] input[type=radio]').nth(choice.correct).check();
    await frame.locator('rankbook-exercise[exercise="max-rank"]').getByRole('button', { name: 'Check' }).click();
    await page.waitForFunction(() => (window as any).scormCommits.length > 0);
    const last = await page.evaluate(() => (window as any).scormCommits.at(-1));
    expect(last).toMatchObject({ 'cmi.core.score.raw': '25', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.lesson_status': 'incomplete' });
    expect(JSON.parse(last['cmi.suspend_data']).lessons['01-rank']['max-rank']).toMatchObject({ score: 1, attempts: 1 });
    const log: string[] = await page.evaluate(() => (window as any).scormLog);
    expect(log[0]).toBe('LMSInitialize("")');
    expect(errors).toEqual([]);
    await page.close();
    server.close();

    const plain = await browser.newPage();
    await plain.goto(`file://${join(dir, 'index.html')}`);
    await plain.waitForFunction(() => document.querySelectorAll('.rb-exercise').length === 4);
    await expect(plain.locator('[data-scorm-note]').textContent()).resolves.toMatch(/No course system found/);
    await plain.close();
  });
});
