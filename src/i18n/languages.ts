/** The languages the widgets speak, English the reference. Tags are BCP 47, as in `<html lang>`. */
export const LANGUAGES = ['en', 'vi', 'de', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A pseudo-language for tests: every English string wrapped in ⟦…⟧, so text a widget shows from outside the
 * catalogue stands out. Accepted like a language, never offered to readers.
 */
export const PSEUDO = 'en-XA';
export type WidgetLanguage = Language | typeof PSEUDO;

/**
 * The catalogue language for a BCP 47 tag, or null: case is ignored, a region or script narrows nothing we lack
 * (de-AT is de, vi-VN is vi), and every Chinese tag written in simplified characters is zh-CN.
 */
export function matchLanguage(tag: string | null | undefined): WidgetLanguage | null {
  const t = (tag ?? '').trim().toLowerCase();
  if (!t) return null;
  if (t === PSEUDO.toLowerCase()) return PSEUDO;
  const [primary, ...rest] = t.split(/[-_]/);
  if (primary === 'zh') return rest.some((s) => s === 'tw' || s === 'hk' || s === 'mo' || s === 'hant') ? null : 'zh-CN';
  return LANGUAGES.find((l) => l === primary) ?? null;
}

/** Something with `closest`, as an Element has: kept structural so this module needs no DOM. */
interface Nested { closest(selector: string): { getAttribute(name: string): string | null } | null }

/**
 * A widget's language: its own `lang` attribute, else the nearest `lang` around it (up to `<html lang>`); a
 * language the catalogue lacks, or none at all, is English.
 */
export function widgetLanguage(el: Nested): WidgetLanguage {
  return matchLanguage(el.closest('[lang]')?.getAttribute('lang')) ?? 'en';
}
