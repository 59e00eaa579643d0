import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openPage, expectNoAxeViolations, baseUrl } from './browser';
import { sampledPages } from './site-pages';

// Accessibility, layout and legibility on every sampled page, with one page load per page: the page is opened
// at 1280 px, its widgets are scrolled to and left to finish (so axe sees them built, lazy ones included), then
// the viewport is narrowed (plots re-lay out through their ResizeObserver) and the theme flipped as Starlight's
// theme switch does.
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const pages = sampledPages();
const LEGIBLE_PX = 12;
// Dark mode changes colours only, so axe checks it on a sample of pages that between them show every kind of
// content (lesson prose and cells, plots and heatmaps, exercises, the reference tables); light on every page.
const DARK_SAMPLE = ['/', '/lessons/01-rank/', '/lessons/03-svd-compression/', '/lessons/07-why-low-rank/', '/instructors/'];
const SCREENSHOTS = 'test-results/screenshots';
/** The smallest rendered SVG text seen over the whole run, for the report. */
const smallest = { size: Infinity, where: '' };

interface SvgText { size: number; text: string; widget: string }

/** Every rendered SVG <text>: its computed font size times the scale its SVG is drawn at on screen. */
const svgTexts = (page: Page): Promise<SvgText[]> => page.evaluate(() =>
  [...document.querySelectorAll('svg text')].flatMap((t) => {
    const box = t.getBoundingClientRect();
    const m = (t as SVGTextElement).getScreenCTM();
    if (!box.width || !box.height || !m || !t.textContent?.trim()) return [];
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const widget = t.closest('[data-widget], [class^="rb-widget"]')?.getAttribute('data-widget') ?? t.closest('svg')?.getAttribute('class') ?? '';
    return [{ size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent.trim().slice(0, 30), widget }];
  }));

/** Pairs of SVG labels in one plot whose boxes overlap by more than a pixel each way. */
const overlappingLabels = (page: Page): Promise<string[]> => page.evaluate(() => {
  const clashes: string[] = [];
  for (const svg of document.querySelectorAll('svg.rb-plot')) {
    const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim())
      .map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a].r, q = boxes[b].r;
        const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (dx > 1 && dy > 1) clashes.push(`"${boxes[a].text}" / "${boxes[b].text}"`);
      }
    }
  }
  return clashes;
});

/** Elements reaching past the right edge of the viewport, outside any box that scrolls or clips them. */
const overflowing = (page: Page): Promise<string[]> => page.evaluate(() => {
  const clipped = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && !clipped(el))
    .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`);
});

// Two frames, or a second at most: a page that stops drawing (headless Chromium can) then fails on what the test
// checks instead of hanging the test until its timeout.
const frames = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  setTimeout(resolve, 1000);
});

/**
 * Scrolls to every widget so lazy ones start, and waits until none that draws plots from loaded data is still
 * loading or computing. (The trainer's 'loading' is tfjs and the model: its chart is drawn before that.)
 */
async function settleWidgets(page: Page): Promise<void> {
  const widgets = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.tagName.startsWith('RANKBOOK-')).length);
  for (let n = 0; n < widgets; n++) {
    // Each stays on screen until it has finished: one scrolled past before its IntersectionObserver fired never starts.
    const busy = () => page.evaluate((i) => {
      const el = [...document.querySelectorAll('body *')].filter((e) => e.tagName.startsWith('RANKBOOK-'))[i] as HTMLElement & { state?: { status?: string } };
      el.scrollIntoView({ block: 'center' });
      return el.tagName !== 'RANKBOOK-LORA-TRAINER' && ['loading', 'decomposing'].includes(el.state?.status ?? '');
    }, n);
    await expect.poll(busy, { timeout: 60_000, interval: 100 }).toBe(false);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function setViewport(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(frames);
  await page.evaluate(frames); // a redraw from a ResizeObserver callback lands one frame later
}

const setTheme = (page: Page, theme: 'light' | 'dark') => page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
const shotName = (path: string, width: number) => `${SCREENSHOTS}/${path.replace(/^\/lessons\//, 'lesson-').replace(/\/$/, '')}-${width}.jpg`;

function checkText(texts: SvgText[], label: string): string[] {
  for (const t of texts) {
    if (t.size < smallest.size) Object.assign(smallest, { size: t.size, where: `${label}: "${t.text}" in ${t.widget}` });
  }
  return texts.filter((t) => t.size < LEGIBLE_PX - 0.01).map((t) => `${label}: "${t.text}" at ${t.size.toFixed(1)} px (${t.widget})`);
}

/**
 * Notebook cells: each shows a result, an output too wide for the column scrolls with keyboard focus, and the
 * editor shows every line of its source (on a phone long lines wrap).
 */
const cellProblems = (page: Page, width: number): Promise<string[]> => page.evaluate((w) =>
  [...document.querySelectorAll('rankbook-cell')].flatMap((cell, i) => {
    const output = cell.querySelector('.rb-cell-output');
    const wide = !!output && output.scrollWidth > output.clientWidth + 1;
    const editor = cell.querySelector('textarea');
    return [
      ...((cell as HTMLElement & { state?: { result?: string } }).state?.result ? [] : [`cell ${i + 1} has no result`]),
      ...(wide && output.getAttribute('tabindex') !== '0' ? [`cell ${i + 1}'s output scrolls at ${w} px without keyboard focus`] : []),
      ...(editor && editor.scrollHeight > editor.clientHeight + 1 ? [`cell ${i + 1}'s editor hides lines of its source at ${w} px`] : []),
    ];
  }), width);

async function checkPage(page: Page, path: string): Promise<void> {
  await settleWidgets(page);
  // Lay out the lesson blocks still skipped (content-visibility, as a jump within the page does): a full-page
  // screenshot paints them, and a block too wide for a phone widens the page only once laid out.
  await page.evaluate(() => document.documentElement.setAttribute('data-rb-whole-page', ''));
  await expectNoAxeViolations(page);
  const cells = await cellProblems(page, 1280);
  const lesson = path.startsWith('/lessons/');
  const small: string[] = [];
  const clashes: string[] = [];
  // 1024 px is where Starlight's pages lose the table of contents beside the text; an embed page has no such
  // step, and each embedded widget is measured in its lesson's column too, so embeds are measured at 1280 and 390.
  for (const width of path.startsWith('/embed/') ? [1280, 390] : [1280, 1024, 390]) {
    await setViewport(page, width);
    if (lesson && width !== 1024) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: shotName(path, width), fullPage: true, type: 'jpeg', quality: 80 });
    }
    small.push(...checkText(await svgTexts(page), `${width} px light`));
    // Text size does not depend on the theme, so dark is sampled at the phone width only (a theme switch
    // restyles the whole page, which is slow on a long lesson).
    if (width === 390) {
      await setTheme(page, 'dark');
      small.push(...checkText(await svgTexts(page), `${width} px dark`));
      if (DARK_SAMPLE.includes(path)) await expectNoAxeViolations(page);
      await setTheme(page, 'light');
    }
    clashes.push(...(await overlappingLabels(page)).map((c) => `${width} px: ${c}`));
    if (width === 390) cells.push(...await cellProblems(page, width));
  }
  const sideways: string[] = [];
  const hasMenu = await page.locator('starlight-menu-button').count() > 0;
  for (const width of [390, 360]) {
    await setViewport(page, width);
    const scroll = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    if (scroll.scrollWidth > scroll.innerWidth) sideways.push(`${width} px: page is ${scroll.scrollWidth} px wide; ${(await overflowing(page)).join(', ')}`);
    if (hasMenu) {
      const menu = page.locator('starlight-menu-button button');
      expect(await menu.isVisible(), `menu button visible at ${width} px`).toBe(true);
      const box = (await menu.boundingBox())!;
      expect(box.x + box.width, `menu button on screen at ${width} px`).toBeLessThanOrEqual(width);
    }
    // Display math too long for a phone scrolls in its own box, which the keyboard can reach.
    const unreachable = await page.evaluate(() => [...document.querySelectorAll('.katex-display')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.getAttribute('tabindex') !== '0').length);
    expect(unreachable, `scrolling equations without tabindex=0 at ${width} px`).toBe(0);
  }
  expect(small, 'SVG text below 12 px').toEqual([]);
  expect(sideways, 'sideways scrolling on a phone').toEqual([]);
  expect(clashes, 'overlapping plot labels').toEqual([]);
  expect(cells, 'notebook cells').toEqual([]);
}

describe('every page passes axe (light, and dark on a sample), is legible at 1280, 1024 and 390 px, never scrolls sideways on a phone and loads nothing from another origin', () => {
  it('finds the lessons, the embed pages and the instructors page', () => {
    expect(pages).toContain('/lessons/03-svd-compression/');
    expect(pages).toContain('/embed/subspace-overlap/');
    expect(pages).toContain('/instructors/');
    for (const path of DARK_SAMPLE) expect(pages).toContain(path);
  });

  for (const path of pages) {
    it(path, async () => {
      const { page, errors, foreignRequests } = await openPage(browser, path);
      try {
        await checkPage(page, path);
        expect(foreignRequests).toEqual([]);
        // The 404 page logs its own status as a console error; every other page must load cleanly.
        if (!path.startsWith('/404')) expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('the subspace-overlap heatmap: labelled axes, 240 px tall, and the paper\'s Figure 3 layout beside on a desktop, stacked on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl() + '/embed/subspace-overlap/?view=both', { waitUntil: 'load' });
      await settleWidgets(page);
      await setViewport(page, 1280); // waits the frames a ResizeObserver redraw takes
      const maps = page.getByRole('grid');
      expect(await maps.count()).toBe(2);
      const layout = () => page.evaluate(() => [...document.querySelectorAll('rankbook-subspace-overlap svg.rb-heatmap')].map((svg) => {
        const cells = svg.querySelector(':scope > rect')!.getBoundingClientRect(); // the grid's background, lines included
        const ticks = [...svg.querySelectorAll('.rb-heatmap-axes text')].map((t) => t.textContent);
        return { left: cells.left, right: cells.right, top: cells.top, bottom: cells.bottom, height: cells.height, ticks };
      }));
      const [full, corner] = await layout();
      expect(full.height).toBeGreaterThanOrEqual(240);
      expect(corner.height).toBeGreaterThanOrEqual(240);
      expect(full.ticks).toEqual(expect.arrayContaining(['1', '8', '64', 'i', 'j']));
      expect(corner.ticks).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '1', '2', '3', '4', '5', '6', '7', '8', 'i', 'j']);
      expect(corner.left).toBeGreaterThan(full.right); // beside
      await setViewport(page, 390);
      const [fullPhone, cornerPhone] = await layout();
      expect(cornerPhone.top).toBeGreaterThan(fullPhone.bottom); // stacked
      expect(fullPhone.height).toBeGreaterThanOrEqual(240);
      expect(fullPhone.ticks).toEqual(expect.arrayContaining(['1', '64']));
    } finally {
      await context.close();
    }
  });

  it('a display equation or table far down a lesson is laid out only when reached, and then, if it scrolls sideways, becomes a named Tab stop', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl() + '/lessons/02-low-rank-factorisation/', { waitUntil: 'load' });
      // The lesson's last display equation is too wide for 360 px (lesson 2's storage count).
      const equation = page.locator('.sl-markdown-content > .katex-display').last();
      const skipped = () => equation.evaluate((el) => el.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }) === false);
      expect(await skipped()).toBe(true);
      expect(await equation.getAttribute('tabindex')).toBeNull();
      await equation.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect.poll(skipped).toBe(false);
      await expect.poll(() => equation.getAttribute('tabindex')).toBe('0');
      expect(await equation.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
      expect(await equation.getAttribute('role')).toBe('group');
      expect(await equation.getAttribute('aria-label')).toBe('Equation, scrolls sideways');
    } finally {
      await context.close();
    }
  });

  it('reports the smallest SVG text it measured', () => {
    console.log(`smallest rendered SVG text: ${smallest.size.toFixed(2)} px (${smallest.where})`);
    expect(smallest.size).toBeGreaterThanOrEqual(LEGIBLE_PX - 0.01);
  });
});
