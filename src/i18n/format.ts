/**
 * Fills a message's placeholders: `{name}` takes a value (numbers formatted for the language, as prose), and
 * `{n, plural, one {# row} other {# rows}}` picks a form by the language's plural rules, `#` standing for n.
 */
import { formatLocaleNumber, type NumberOptions } from './number-format';

export type MessageValues = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)(?:, plural,((?:\s*\w+\s*\{[^{}]*\})+))?\}/g;
const PLURAL_FORM = /(\w+)\s*\{([^{}]*)\}/g;

const pluralRules = new Map<string, Intl.PluralRules>();

/** A number as prose in the language (1,000 / 1.000 / 1 000); never for numbers inside a formula. */
export function formatNumber(lang: string, x: number, options?: NumberOptions): string {
  return formatLocaleNumber(lang, x, options);
}

function pluralCategory(lang: string, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

export function fillMessage(lang: string, template: string, values: MessageValues = {}): string {
  const show = (v: string | number | undefined) => (typeof v === 'number' ? formatNumber(lang, v) : v ?? '');
  return template.replace(PLACEHOLDER, (whole, name: string, forms: string | undefined) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (forms === undefined) return show(value);
    const n = Number(value);
    const byCategory = new Map([...forms.matchAll(PLURAL_FORM)].map((m) => [m[1], m[2]]));
    const form = byCategory.get(pluralCategory(lang, n)) ?? byCategory.get('other') ?? '';
    return form.replace(/#/g, show(value));
  });
}

/** The placeholder names a message uses, sorted: every language's version of a message must use the same. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}
