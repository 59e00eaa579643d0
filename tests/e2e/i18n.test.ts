import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { launchBrowser, openPage, baseUrl } from './browser';
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
    const { page, errors } = await openPage(browser, `/de${LESSON}`);
    const german = contentLang(`/de${LESSON}`) === 'de';
    await expect.poll(() => label(page), { timeout: 15_000 }).toBe(german ? 'Beginnen mit' : 'Start from');
    // The notebook cells too (their editor replaces the build-time result once the page is idle).
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

  it('a German lesson does not scroll sideways at 390 px', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl()}/de${LESSON}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('rankbook-rank-explorer .rb-result');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
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
