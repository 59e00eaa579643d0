import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, launchBrowser, saveScreenshot } from './browser';

// src/plots on a bare page: bundled here with esbuild, styled with the site's rankbook.css, so the shared
// plots are checked (structure, keyboard, axe, light and dark) apart from any widget that uses them.
let browser: Browser;
let bundle = '';
beforeAll(async () => {
  browser = await launchBrowser();
  const result = await build({
    stdin: {
      contents: "import { heatmap } from './src/plots/heatmap'; import { lineChart } from './src/plots/line-chart'; Object.assign(window, { heatmap, lineChart });",
      resolveDir: process.cwd(), loader: 'ts',
    },
    bundle: true, write: false, format: 'iife', logLevel: 'silent',
  });
  bundle = result.outputFiles[0].text;
});
afterAll(async () => { await browser?.close(); });

async function plotPage(theme: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: theme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setContent(`<!doctype html><html lang="en" data-theme="${theme}"><head><title>Plots</title></head>` +
    `<body style="background: var(--rb-bg); color: var(--rb-text); font-family: sans-serif"><main><h1>Plots</h1>` +
    '<div id="loss" style="width: 560px"></div><div id="map"></div><p id="readout">none</p></main></body></html>');
  await page.addStyleTag({ content: readFileSync('src/styles/rankbook.css', 'utf8') });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const w = window as any;
    const steps = Array.from({ length: 60 }, (_, i) => i * 10);
    const loss = w.lineChart([
      { label: 'full fine-tune', points: steps.map((s: number) => [s, 4 * Math.exp(-s / 80) + 0.02]) },
      { label: 'LoRA r = 8', points: steps.map((s: number) => [s, 4 * Math.exp(-s / 120) + 0.03]) },
    ], { title: 'Training loss', description: 'Loss falls from 4 to about 0.03 for both.', xLabel: 'step', yLabel: 'loss', marker: { x: 300, label: 'step 300' } });
    document.getElementById('loss')!.append(loss.element);
    const values = Array.from({ length: 6 }, (_, i) => Array.from({ length: 8 }, (_, j) => Math.sin(i + 2 * j) * (i + 1)));
    const map = w.heatmap(values, {
      title: 'A 6 × 8 matrix', description: 'Signed values.', focusable: true,
      onCellFocus: (c: any) => { document.getElementById('readout')!.textContent = `${c.row},${c.col}`; },
    });
    document.getElementById('map')!.append(map.element);
    Object.assign(w, { loss, map, values });
  });
  return { page, errors };
}

describe('src/plots on a bare page', () => {
  it('draws a line chart: log y chosen for a loss spanning two decades, a legend, a marker, title and desc', async () => {
    const { page, errors } = await plotPage('light');
    const svg = page.locator('#loss svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await page.getByRole('img', { name: 'Training loss' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as any).loss.yScale)).toBe('log');
    expect(await svg.locator('.rb-plot-lines path').count()).toBe(2);
    const d = await svg.locator('.rb-plot-lines path').first().getAttribute('d');
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await svg.locator('.rb-plot-legend text').allTextContents()).toEqual(['full fine-tune', 'LoRA r = 8']);
    expect(await svg.locator('.rb-plot-marker text').textContent()).toBe('step 300');
    expect(await svg.locator('.rb-plot-axis text').allTextContents()).toContain('0.1');
    expect(errors).toEqual([]);
  });

  it('a forced log axis skips zero and negative points instead of drawing NaN', async () => {
    const { page, errors } = await plotPage('light');
    await page.evaluate(() => (window as any).loss.update(
      [{ label: 'sigma', points: [[1, 10], [2, 1], [3, 0], [4, -1], [5, 0.1]] }],
      { yScale: 'log', marker: null, title: 'Singular values' }));
    const d = await page.locator('#loss svg .rb-plot-lines path').getAttribute('d');
    expect(d).not.toContain('NaN');
    expect(d!.match(/M/g)!.length).toBe(2); // two pieces, broken where y <= 0
    expect(await page.locator('#loss svg title').textContent()).toBe('Singular values');
    expect(await page.locator('#loss svg .rb-plot-marker *').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a focusable heatmap is one Tab stop whose cells the arrow keys read', async () => {
    const { page, errors } = await plotPage('light');
    const grid = page.getByRole('grid', { name: 'A 6 × 8 matrix' });
    expect(await grid.getByRole('row').count()).toBe(6);
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    await grid.getByRole('gridcell', { name: /^row 1, column 1: / }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const expected = await page.evaluate(() => (window as any).values[1][7]);
    expect(label).toMatch(/^row 2, column 8: /);
    expect(Number(label!.split(': ')[1].replace('−', '-'))).toBeCloseTo(expected, 2);
    expect(await page.locator('#readout').textContent()).toBe('1,7');
    // A smaller matrix keeps focus inside it.
    await page.evaluate(() => (window as any).map.update([[1, -1], [0, 2]]));
    expect(await grid.getByRole('gridcell').count()).toBe(4);
    expect(await grid.locator('[tabindex="0"]').getAttribute('aria-label')).toBe('row 2, column 2: 2');
    expect(errors).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe and reads in the ${theme} theme`, async () => {
      const { page, errors } = await plotPage(theme);
      await expectNoAxeViolations(page);
      // Colours are theme variables, so the dark theme paints different pixels from the light one.
      const fill = await page.locator('#loss svg .rb-plot-lines path').first().evaluate((el) => getComputedStyle(el).stroke);
      expect(fill).toBe(theme === 'light' ? 'rgb(91, 63, 196)' : 'rgb(183, 166, 255)');
      await saveScreenshot(page, `plots-${theme}`);
      expect(errors).toEqual([]);
    });
  }
});
