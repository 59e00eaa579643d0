/**
 * Translation for Astro components, at build time: every catalogue is imported here, and none of it reaches the
 * browser. A component inside lesson content takes the language of the content (Starlight's entryMeta), so an
 * English page served as the fallback of a missing translation shows English throughout.
 */
import { en } from './messages/en';
import { vi } from './messages/vi';
import { de } from './messages/de';
import { zhCN } from './messages/zh-CN';
import { matchLanguage, type Language } from './languages';
import { translator, type Catalogue, type Translate } from './translate';

const catalogues: Record<Language, Catalogue> = { en, vi, de, 'zh-CN': zhCN };

/** What a component reads from Astro.locals (Starlight sets starlightRoute on its pages; embed pages lack it). */
interface PageLocals { starlightRoute?: { entryMeta?: { lang?: string }; lang?: string } }

export function contentLanguage(locals: unknown): Language {
  let route: PageLocals['starlightRoute'];
  try {
    route = (locals as PageLocals | undefined)?.starlightRoute;
  } catch {
    // Starlight's getter throws outside its own pages (the embed pages): those are English until lang= says otherwise.
    route = undefined;
  }
  const lang = matchLanguage(route?.entryMeta?.lang ?? route?.lang);
  return lang && lang !== 'en-XA' ? lang : 'en';
}

export function pageTranslator(locals: unknown): Translate {
  const lang = contentLanguage(locals);
  return translator(lang, catalogues[lang]);
}

/** The page's locale as a path prefix ("vi/", "zh-cn/"), '' for English and outside Starlight's pages. */
export function localePrefix(locals: unknown): string {
  let locale: string | undefined;
  try {
    locale = (locals as { starlightRoute?: { locale?: string } } | undefined)?.starlightRoute?.locale;
  } catch {
    locale = undefined;
  }
  return locale ? locale + '/' : '';
}
