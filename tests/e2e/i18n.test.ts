import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { launchBrowser, openPage, baseUrl, axeViolations } from './browser';
import { builtPages, LOCALES, withoutLocale } from './site-pages';

// The site in Vietnamese, German and Chinese (issue 15). A few page loads: the rest is in tests/unit/i18n.
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const LESSON = '/lessons/01-rank/';
const pages = builtPages();
const html = (path: string) => readFileSync(`dist${path}index.html`, 'utf8');
/** The language of a built page's content: Starlight marks an English fallback's <main lang="en">. */
const contentLang = (path: string) => /<main[^>]*\slang="([^"]+)"/.exec(html(path))?.[1];

/** Text a widget shows, and the words in its labels, that did not come from the pseudo-locale's ⟦…⟧ messages. */
const unmarkedText = (page: Page, selector: string) => page.$eval(selector, (root) => {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // translate="no": text that is no message in any language (the names a model made up).
    if (!n.parentElement?.closest('.rb-fallback, style, script, [translate="no"]')) texts.push(n.textContent ?? '');
  }
  for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [placeholder], [title]')) {
    for (const a of ['aria-label', 'aria-valuetext', 'placeholder', 'title']) texts.push(el.getAttribute(a) ?? '');
  }
  // Messages may hold other messages (a sentence with a clause filled in): strip the innermost first. Joined, so a
  // message that markup splits into several text nodes (a subscript, ‖W‖<sub>F</sub>) is stripped as one.
  let all = texts.join('\u0001');
  while (/⟦[^⟦⟧]*⟧/.test(all)) all = all.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  return all.split('\u0001').map((t) => t.trim()).filter((t) => /\p{L}{3,}/u.test(t));
});

describe('the site in other languages', () => {
  it('builds every English page in every language, an untranslated one as English with Starlight’s notice', () => {
    const english = pages.filter((p) => withoutLocale(p) === p && !p.startsWith('/embed/') && p.endsWith('/'));
    for (const locale of LOCALES) {
      for (const path of english) expect(pages, locale).toContain(`/${locale}${path}`);
    }
    // Once every page is translated there are none; until then each says so in the reader's language.
    const notice = (lang: string) => JSON.parse(readFileSync(`node_modules/@astrojs/starlight/translations/${lang}.json`, 'utf8'))['i18n.untranslatedContent'];
    for (const locale of LOCALES) {
      const lang = locale === 'zh-cn' ? 'zh-CN' : locale;
      const fallbacks = pages.filter((p) => p.startsWith(`/${locale}/lessons/`) && contentLang(p) === 'en');
      for (const path of fallbacks) expect(html(path), path).toContain(notice(lang));
    }
  });

  it('a lesson in Vietnamese has its lang, and the picker moves to the same lesson in German', async () => {
    const { page, errors } = await openPage(browser, `/vi${LESSON}`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'Deutsch' });
    await page.waitForURL(`**/de${LESSON}`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(errors).toEqual([]);
  });

  it('the rank explorer speaks the lesson’s language under /de/, and German on its embed page with lang=de', async () => {
    const label = (page: Page) => page.locator('rankbook-rank-explorer [data-control="presets"] label').first().textContent();
    const { page, errors } = await openPage(browser, `/de${LESSON}`, { scrollTo: 'rankbook-rank-explorer' });
    const german = contentLang(`/de${LESSON}`) === 'de';
    await expect.poll(() => label(page), { timeout: 15_000 }).toBe(german ? 'Beginnen mit' : 'Start from');
    // The notebook cells too (their editor replaces the build-time result as the reader nears them).
    await page.locator('rankbook-cell').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('rankbook-cell [data-control="run"]').first().textContent(), { timeout: 15_000 })
      .toBe(german ? 'Ausführen' : 'Run');
    const embed = await openPage(browser, '/embed/rank-explorer/?lang=de');
    await expect.poll(() => label(embed.page), { timeout: 15_000 }).toBe('Beginnen mit');
    expect(await embed.page.locator('rankbook-rank-explorer .rb-result').textContent()).toMatch(/^Rang 1\./);
    expect(await embed.page.locator('.rb-frame-title').textContent()).toBe('Rang-Explorer');
    expect(await embed.page.title()).toBe('Rang-Explorer · Rankbook');
    expect(await embed.page.locator('[data-embed-note]').isHidden()).toBe(true);
    expect([...errors, ...embed.errors]).toEqual([]);
  });

  it('plots write their numbers the way the page’s language does (10.000 in German, not 10,000)', async () => {
    const { page, errors } = await openPage(browser, '/embed/svd-compressor/?lang=de');
    await page.waitForFunction(() => (document.querySelector('rankbook-svd-compressor') as HTMLElement & { state: { status: string } })
      .state.status === 'ready', null, { timeout: 60_000 });
    const ticks = () => page.locator('rankbook-svd-compressor .rb-plot-axis text').allTextContents();
    // The log axis spans 10⁻² to 10⁵: written as powers, none in full beside them.
    expect(await ticks()).toContain('10⁵');
    expect((await ticks()).filter((t) => /^\d{1,3}([.,]\d{3})+$/.test(t))).toEqual([]);
    // On a linear axis the singular values run to tens of thousands, written with German thousands dots.
    await page.locator('rankbook-svd-compressor input[type=checkbox][id^="rb-log-"]').uncheck();
    expect((await ticks()).filter((t) => /^\d{1,3}(\.\d{3})+$/.test(t)).length).toBeGreaterThan(0);
    expect((await ticks()).filter((t) => /^\d{1,3}(,\d{3})+$/.test(t))).toEqual([]);
    expect(errors).toEqual([]);
  });

  // Every widget's strings come from the catalogue: in the pseudo-locale, any text a widget shows outside ⟦…⟧
  // is English written into the code.
  const widgets = [
    'rank-explorer', 'rank-geometry', 'factor-shapes', 'svd-compressor',
    'lora-anatomy', 'lora-bypass',
    'lora-trainer',
    'subspace-overlap', 'delta-w', 'rank-sweep',
  ];
  for (const widget of widgets) {
    it(`${widget} shows no text from outside the message catalogue`, async () => {
      const { page, errors } = await openPage(browser, `/embed/${widget}/?lang=en-XA`);
      const selector = `[data-embed-widget] rankbook-${widget}`;
      // Started in the pseudo-locale, and done with any first computation (the SVD compressor's decomposition).
      await page.waitForFunction((s) => {
        const el = document.querySelector(s) as (HTMLElement & { state?: { status?: string } }) | null;
        return el?.textContent?.includes('⟦') && (el.state?.status === undefined || el.state.status === 'ready');
      }, selector, { timeout: 60_000 });
      // Terms that are the same in every language (a unit, an acronym, a formula, a product) are not messages.
      expect((await unmarkedText(page, selector)).filter((t) => !/^(PSNR|dB|‖ΔW‖ \/ ‖UᵀWV‖|WebGL|WebAssembly)$/.test(t))).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  const chineseSvd = '/zh-cn/lessons/03-svd-compression/';
  it.skipIf(!existsSync(`dist${chineseSvd}index.html`) || contentLang(chineseSvd) !== 'zh-CN')(
    'Chinese search finds the SVD lesson by 奇异值分解', async () => {
      const { page } = await openPage(browser, '/zh-cn/');
      await page.locator('site-search button[data-open-modal]').first().click();
      await page.locator('dialog[open] input').fill('奇异值分解');
      const links = page.locator('dialog[open] .pagefind-ui__result-link');
      await expect.poll(() => links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), { timeout: 30_000 })
        .toContain(chineseSvd);
    });
});

// Lessons 2 to 8 in another language as a phone opens them, each lesson once, the languages taking turns (every
// language's lesson 1 goes through the whole every-page check): a lighter visit, since a visit of every lesson in
// every language would take the browser tests past CI's time limit. German words are long; a translation can
// break a layout.
describe.concurrent('translated lessons at 390 px', () => {
  const translated = ['/vi/lessons/02-', '/de/lessons/03-', '/zh-cn/lessons/04-', '/vi/lessons/05-', '/de/lessons/06-',
    '/zh-cn/lessons/07-', '/vi/lessons/08-'].map((prefix) => pages.find((p) => p.startsWith(prefix)) ?? prefix);
  it('finds a translated lesson for each', () => {
    for (const path of translated) expect(pages).toContain(path);
  });
  for (const path of translated) {
    it(`${path} loads cleanly, passes axe and never scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl() + path, { waitUntil: 'load' });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
