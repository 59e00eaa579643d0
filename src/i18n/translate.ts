import { en, type Catalogue, type MessageKey } from './messages/en';
import { fillMessage, type MessageValues } from './format';
import { PSEUDO, widgetLanguage, type WidgetLanguage } from './languages';

export type { MessageKey, Catalogue } from './messages/en';
/** A lookup in one language; `lang` is the tag to format numbers with (formatNumber in ./format). */
export type Translator<K extends string> = ((key: K, values?: MessageValues) => string) & { readonly lang: string };
/** The widgets' catalogue (./messages); the exercises have one of their own (src/exercises/messages). */
export type Translate = Translator<MessageKey>;

/** A lookup over one catalogue; a key it lacks (never, by the tests) falls back to the English reference. */
export function catalogueTranslator<K extends string>(lang: WidgetLanguage, catalogue: Record<K, string>, reference: Record<K, string>): Translator<K> {
  const numbers = lang === PSEUDO ? 'en' : lang;
  const t = (key: K, values?: MessageValues) => fillMessage(numbers, catalogue[key] ?? reference[key], values);
  return Object.assign(t, { lang: numbers });
}

export const translator = (lang: WidgetLanguage, catalogue: Catalogue): Translate => catalogueTranslator(lang, catalogue, en);

/** Every English message marked ⟦…⟧, for the pseudo-locale (see PSEUDO in ./languages). */
export const pseudoCatalogue = <K extends string>(reference: Record<K, string>): Record<K, string> =>
  Object.fromEntries(Object.entries<string>(reference).map(([key, text]) => [key, `⟦${text}⟧`])) as Record<K, string>;

/** English needs no loading; the others are chunks of their own, fetched the first time a page needs one. */
const loaders: Record<Exclude<WidgetLanguage, 'en'>, () => Promise<Catalogue>> = {
  vi: () => import('./messages/vi').then((m) => m.vi),
  de: () => import('./messages/de').then((m) => m.de),
  'zh-CN': () => import('./messages/zh-CN').then((m) => m.zhCN),
  [PSEUDO]: () => import('./messages/pseudo').then((m) => m.pseudo),
};
const loaded = new Map<WidgetLanguage, Catalogue>([['en', en]]);
const loading = new Map<WidgetLanguage, Promise<Catalogue>>();

export function loadCatalogue(lang: WidgetLanguage): Promise<Catalogue> {
  if (lang === 'en') return Promise.resolve(en);
  let promise = loading.get(lang);
  if (!promise) {
    promise = loaders[lang]().then((c) => (loaded.set(lang, c), c), () => en);
    loading.set(lang, promise);
  }
  return promise;
}

/**
 * Runs `start` with the element's translator: at once when its language is loaded (always for English, so an
 * English page starts as before), else when its catalogue arrives; meanwhile the server-rendered fallback stays.
 */
export function withTranslator(el: Element, start: (t: Translate, lang: WidgetLanguage) => void): void {
  const lang = widgetLanguage(el);
  const ready = loaded.get(lang);
  if (ready) start(translator(lang, ready), lang);
  else void loadCatalogue(lang).then((c) => start(translator(lang, c), lang));
}

/** English, for code that runs where no page says otherwise (Node scripts, unit tests, the default). */
export const english: Translate = translator('en', en);
