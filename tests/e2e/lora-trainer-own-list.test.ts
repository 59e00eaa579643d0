/** "Your own list" in the LoRA trainer: pasted, refused when it cannot be used, trained on, saved and kept. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, openPage, saveScreenshot } from './browser';

const TAG = 'rankbook-lora-trainer';
const CITIES = readFileSync('scripts/fixtures/german-cities.txt', 'utf8');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page) => page.$eval(TAG, (el: any) => el.state);
const until = (page: Page, test: string, timeout = 120_000) =>
  page.waitForFunction(`(() => { const s = document.querySelector('${TAG}').state; return ${test}; })()`, null, { timeout, polling: 250 });

describe('the trainer on a list of your own', () => {
  it('task=own opens the list; a short list and a bad file are refused, the cities train, save and are kept', { timeout: 240_000 }, async () => {
    const { page, errors, foreignRequests } = await openPage(browser, '/embed/lora-trainer/?task=own&backend=wasm&steps=6');
    const trainer = page.locator(TAG);
    const box = trainer.getByRole('group', { name: 'Your own list' });
    const text = trainer.getByLabel('Paste your words');
    const use = trainer.getByRole('button', { name: 'Use these words' });
    const message = box.locator('.rb-message').first();
    const fileMessage = box.locator('.rb-message').nth(1);
    expect(await state(page)).toMatchObject({ task: 'own', ownList: null });
    expect(await box.isVisible()).toBe(true);
    await trainer.scrollIntoViewIfNeeded();
    await until(page, "s.status === 'ready' && s.samplesBefore.length === 10 && s.busy === ''");

    await text.fill('Anna\nBen\nCarla\nAnna');
    await use.click();
    await expect.poll(() => message.textContent()).toMatch(/^The pasted text gives 3 usable words .*at least 30.*Nothing was changed\.$/);
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect(await state(page)).toMatchObject({ task: 'own', ownList: null, baseValLoss: null });

    await text.fill(CITIES);
    await use.click();
    await until(page, "s.ownList && s.baseValLoss !== null && s.busy === ''");
    const used = await state(page);
    expect(used.ownList).toMatchObject({ words: 447, origin: 'pasted', cleaning: { foldedCount: 72, removedCount: 101, longerThanContext: 25 } });
    expect(await box.locator('.rb-result').textContent()).toBe('In use (pasted): 447 names kept, 72 characters changed, 101 characters dropped.');
    expect(await box.textContent()).toContain('ß → ss (7)');
    expect(await message.isHidden()).toBe(true);

    // A file that is not text: refused next to the control, the cities stay.
    await trainer.getByLabel('or choose a .txt or .csv file').setInputFiles({ name: 'cities.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]) });
    await expect.poll(() => fileMessage.textContent()).toMatch(/not plain text .*Nothing was changed/);
    expect(await trainer.getByLabel('or choose a .txt or .csv file').getAttribute('aria-invalid')).toBe('true');
    expect((await state(page)).ownList.hash).toBe(used.ownList.hash);

    await page.setViewportSize({ width: 1280, height: 900 });
    await box.screenshot({ path: 'test-results/own-list-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await box.screenshot({ path: 'test-results/own-list-390.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await box.screenshot({ path: 'test-results/own-list-390-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expectNoAxeViolations(page); // with both messages on show
    await page.setViewportSize({ width: 1280, height: 900 });

    await trainer.getByRole('button', { name: 'Train', exact: true }).click();
    await until(page, "s.status === 'done' && s.step === 6 && s.samplesAfterStep === 6 && s.busy === ''");
    const trained = await state(page);
    expect(trained.valLoss[0]).toBe(used.baseValLoss);
    expect(trained.valLoss.at(-1)).toBeLessThan(trained.valLoss[0]);
    expect(trained.samplesAfter).not.toEqual(trained.samplesBefore);
    console.log(`own list (447 German cities), wasm: validation ${trained.valLoss[0].toFixed(3)} -> ${trained.valLoss.at(-1).toFixed(3)} in 6 steps; after: ${trained.samplesAfter.join(', ')}`);
    await saveScreenshot(page, 'lora-trainer-own-list-trained');

    // The adapter records the list by hash and size, never the words.
    const [download] = await Promise.all([page.waitForEvent('download'), trainer.getByRole('button', { name: 'Download adapter' }).click()]);
    mkdirSync('test-results', { recursive: true });
    await download.saveAs('test-results/own.rblora');
    const bytes = readFileSync('test-results/own.rblora');
    const manifest = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8'));
    expect(manifest).toMatchObject({ task: 'own', wordList: { hash: used.ownList.hash, words: 447 } });
    expect(bytes.toString('latin1')).not.toMatch(/quedlinburg|garmisch/);

    // Kept only when asked: after a reload the list comes back from localStorage.
    await trainer.getByLabel('Keep it in this browser (localStorage) for my next visit').check();
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(async () => (await state(page)).ownList?.origin).toBe('kept');
    expect((await state(page)).ownList.hash).toBe(used.ownList.hash);
    expect(await page.locator(TAG).getByLabel('Paste your words').inputValue()).toBe(CITIES);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
