import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage, saveScreenshot, hueOf } from './browser';
import { makePng, pngHeaderOnly } from './png';

const LESSON = '/lessons/03-svd-compression/';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const state = (page: Page) => page.$eval('rankbook-svd-compressor', (el: any) => el.state);
/** The widget starts on its photo as a reader nears it, so the test scrolls to it as a reader would. */
const ready = async (page: Page) => {
  await page.locator('rankbook-svd-compressor').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await state(page)).status, { timeout: 60_000 }).toBe('ready');
};
/** A cheap fingerprint of what the canvas shows. */
const canvasHash = (page: Page) => page.$eval('rankbook-svd-compressor canvas.rb-svd-canvas', (c: HTMLCanvasElement) => {
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) >>> 0;
  return h;
});
const upload = (page: Page, name: string, mimeType: string, buffer: Buffer) =>
  page.locator('rankbook-svd-compressor input[type=file]').setInputFiles({ name, mimeType, buffer });
const message = (page: Page) => page.locator('rankbook-svd-compressor .rb-message[role=alert]').first();

describe('lesson 3 and the SVD compressor', () => {
  it('decomposes the astronaut and redraws as the slider moves, by mouse and by keyboard', async () => {
    const { page, errors } = await openPage(browser, LESSON);
    await ready(page);
    const s = await state(page);
    expect(s).toMatchObject({ image: 'astronaut', mode: 'colour', centred: true, k: 20, width: 512, height: 512, rank: 512 });
    expect(s.energyKept).toBeGreaterThan(0.9);
    expect(s.storageRatio).toBeCloseTo((20 * 1024 + 1) / (512 * 512), 10);
    // Each channel's σ line is drawn in the colour its legend names (σ green was orange, σ blue green).
    const legend = await page.$$eval('rankbook-svd-compressor .rb-plot-legend g', (items) => items.map((item) =>
      [item.textContent, getComputedStyle(item.querySelector('line')!).stroke] as const));
    const legendHue = (label: string) => Math.round(hueOf(legend.find(([text]) => text === label)![1]));
    expect(Math.min(legendHue('σ red'), 360 - legendHue('σ red'))).toBeLessThan(15);
    expect(Math.abs(legendHue('σ green') - 130)).toBeLessThan(30);
    expect(Math.abs(legendHue('σ blue') - 215)).toBeLessThan(25);
    const before = await canvasHash(page);
    const slider = page.getByRole('slider', { name: 'Rank k' });
    // The lesson's paragraphs are laid out only near the viewport (content-visibility: auto), so those above
    // the widget grow as a scroll reaches them and can push the slider back out of view: scroll until it stays.
    await expect.poll(async () => {
      await slider.scrollIntoViewIfNeeded();
      const { y, height } = (await slider.boundingBox())!;
      return y >= 0 && y + height <= page.viewportSize()!.height;
    }).toBe(true);
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    const clicked = (await state(page)).k;
    expect(clicked).toBeGreaterThan(200);
    await expect.poll(async () => (await state(page)).shownK).toBe(clicked);
    expect(await canvasHash(page)).not.toBe(before);
    await slider.focus();
    await page.keyboard.press('Home');
    expect((await state(page)).k).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).k).toBe(2);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^rank 2 of 512, \d+(\.\d+)?% energy kept, PSNR \d+\.\d dB$/);
    await page.getByRole('button', { name: 'Set rank to 16' }).click();
    expect((await state(page)).k).toBe(16);
    await page.getByLabel('difference (×4)').check();
    expect((await state(page)).view).toBe('difference');
    // Each figure's value sits on one line at 1280 px ("Stored numbers" once wrapped onto three).
    const lines = await page.$$eval('rankbook-svd-compressor .rb-figures dd', (dds) => dds.map((dd) =>
      Math.round(dd.getBoundingClientRect().height / (parseFloat(getComputedStyle(dd).lineHeight) || 1.2 * parseFloat(getComputedStyle(dd).fontSize)))));
    expect(lines).toEqual(lines.map(() => 1));
    await saveScreenshot(page, 'lesson-3-svd');
    expect(errors).toEqual([]);
  });

  it('takes an upload, and refuses bad files with a message while keeping the image', async () => {
    const { page, errors } = await openPage(browser, LESSON);
    await ready(page);
    const gradient = makePng(64, 48, (x, y) => [x * 4, y * 5, 128, 255]);
    await upload(page, 'gradient.png', 'image/png', gradient);
    await expect.poll(async () => (await state(page)).width, { timeout: 30_000 }).toBe(64);
    await ready(page);
    expect((await state(page))).toMatchObject({ image: 'upload', height: 48 });

    const bad: [string, string, Buffer, RegExp][] = [
      ['notes.txt', 'text/plain', Buffer.from('not an image'), /not an image this page can read/],
      ['drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), /SVG drawing/],
      ['huge.png', 'image/png', pngHeaderOnly(20000, 20000), /20000 × 20000/],
      // The size where only a full walk of the header finds it: a 30-byte WebP, a JPEG after 130 KB of comments.
      ['tiny.webp', 'image/webp', Buffer.from('524946461600000057454250565038580a000000100000000f27000f2700', 'hex'), /10000 × 10000 pixels, larger than 8192 on a side/],
      ['comment.jpg', 'image/jpeg', Buffer.concat([Buffer.from('ffd8', 'hex'), ...[0, 1].map(() => Buffer.concat([Buffer.from('fffeffff', 'hex'), Buffer.alloc(65533, 0x41)])),
        Buffer.from('ffc0001108271027100301220002110103110100', 'hex')]), /10000 × 10000 pixels, larger than 8192 on a side/],
      ['broken.png', 'image/png', Buffer.concat([gradient.subarray(0, 60), Buffer.alloc(40)]), /could not be decoded/],
      ['dot.png', 'image/png', makePng(1, 1, () => [0, 0, 0, 255]), /only 1 × 1 pixels/],
    ];
    for (const [name, type, buffer, pattern] of bad) {
      await upload(page, name, type, buffer);
      await expect.poll(() => message(page).textContent()).toMatch(pattern);
      expect(await message(page).textContent()).toContain('previous image is kept');
      expect((await state(page))).toMatchObject({ width: 64, height: 48, status: 'ready' });
    }
    // A transparent PNG is used, on white, and the reader is told so.
    await upload(page, 'glass.png', 'image/png', makePng(32, 32, (x) => [255, 0, 0, x * 8]));
    await expect.poll(async () => (await state(page)).width, { timeout: 30_000 }).toBe(32);
    expect(await page.locator('rankbook-svd-compressor .rb-note').first().textContent()).toMatch(/transparent parts are shown on white/);
    expect(errors).toEqual([]);
  });

  it('opens from an embed URL with image, mode and k', async () => {
    const { page, errors } = await openPage(browser, '/embed/svd-compressor/?image=camera&mode=grey&k=5');
    await ready(page);
    expect(await state(page)).toMatchObject({ image: 'camera', mode: 'grey', k: 5, width: 512, height: 512 });
    expect(errors).toEqual([]);
  });

  it('measures uniform noise raw from the embed URL, and centred once the box is ticked (one worker per channel)', async () => {
    // Four cores or more: each colour channel is decomposed and drawn by a worker of its own.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 8 }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl()}/embed/svd-compressor/?image=noise&centred=false&k=1`);
    await ready(page);
    const raw = await state(page);
    expect(raw).toMatchObject({ image: 'noise', centred: false, k: 1, width: 256, height: 256 });
    expect(raw.energyKept).toBeCloseTo(0.75, 2); // the mean grey, not structure
    const box = page.getByLabel('centred (mean taken out first)');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(async () => (await state(page)).centred).toBe(true);
    await ready(page);
    const centred = await state(page);
    expect(centred.energyKept).toBeLessThan(0.02);
    expect(centred.kForEnergy['0.9']).toBeGreaterThan(100);
    expect(centred.psnr).toBeGreaterThanOrEqual(raw.psnr);
    // The three workers' grey pictures make one colour picture: at full rank, the original itself.
    await page.getByRole('slider', { name: 'Rank k' }).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await state(page)).shownK).toBe(256);
    const original = await canvasHash(page);
    await page.getByLabel('original').check();
    await expect.poll(() => canvasHash(page)).toBe(original);
    expect(errors).toEqual([]);
    await context.close();
  });
});
