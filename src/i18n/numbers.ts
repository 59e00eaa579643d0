import { formatNumber } from './format';

/**
 * Numbers in the reader's language for widgets' and exercises' prose, tables and tick labels: like
 * plots/scales.formatNumber (significant figures, a true minus sign, ×10ⁿ for very small or large magnitudes),
 * with the locale's separators. Numbers inside a formula stay plain digits (String, toFixed) instead.
 */
const MINUS = '\u2212';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function localeValue(lang: string, value: number, digits = 3): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '?' : value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const sign = value < 0 ? MINUS : '';
  const a = Math.abs(value);
  if (a >= 1e-3 && a < 1e15) return sign + formatNumber(lang, a, { maximumSignificantDigits: digits });
  const [mantissa, exponent] = a.toExponential(digits - 1).split('e');
  return `${sign}${formatNumber(lang, Number(mantissa), { maximumSignificantDigits: digits })}×${powerOfTen(Number(exponent))}`;
}

/** 10 to a whole power, written with superscripts: 10⁶, 10⁻⁵. */
export function powerOfTen(exponent: number): string {
  const digits = String(Math.abs(exponent)).split('').map((c) => SUPERSCRIPTS[Number(c)]).join('');
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/** A whole count with the locale's grouping: 12,288 / 12.288. */
export function localeCount(lang: string, n: number): string {
  return formatNumber(lang, n, { maximumFractionDigits: 0 });
}

/** A number with exactly `decimals` decimals: 4.8 / 4,8. */
export function localeFixed(lang: string, x: number, decimals: number): string {
  return formatNumber(lang, x, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A share as a percentage, to three figures: 20.8% / 20,8 %. */
export function localePercent(lang: string, share: number): string {
  return formatNumber(lang, share, { style: 'percent', maximumSignificantDigits: 3 });
}

/**
 * Values written one after another, "1, 0.5" in English; where the locale writes decimals with a comma
 * (de, vi: "0,5") they are separated by semicolons, so that "1; 0,5" cannot be read as three numbers.
 */
export function localeList(lang: string, values: number[], digits = 3): string {
  const separator = writesDecimalComma(lang) ? '; ' : ', ';
  return values.map((v) => localeValue(lang, v, digits)).join(separator);
}

/** Whether the language writes decimals with a comma (de, vi: 0,5), so that a point groups thousands. */
export function writesDecimalComma(lang: string): boolean {
  return formatNumber(lang, 0.5).includes(',');
}

/** Sentences one after another: with a space, except in Chinese, whose full stop needs none. */
export function joinSentences(lang: string, sentences: string[]): string {
  return sentences.filter(Boolean).join(lang.startsWith('zh') ? '' : ' ');
}
