import { english, type Translate } from '../i18n/translate';

/**
 * Reads a whole number from an attribute (or any text a page hands a widget): what to use, and a message
 * in words when the text was not a usable number or was out of range. Pure, so it is unit-tested in Node.
 */
export interface WholeNumberRule {
  /** The name the message uses: "d", "rank r". */
  name: string;
  min: number;
  max: number;
  /** Used when the text is missing or not a number at all. */
  fallback: number;
}

export interface WholeNumberReading {
  value: number;
  /** '' when the text was a whole number in range. */
  message: string;
}

// Plain decimal or exponent notation only: Number() would also take "0x1f", "" and " ", which no one means.
export const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const quote = (text: string) => `“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”`;

export function readWholeNumber(text: string | null | undefined, rule: WholeNumberRule, t: Translate = english): WholeNumberReading {
  const { name, min, max, fallback } = rule;
  if (text === null || text === undefined) return { value: fallback, message: '' };
  const trimmed = text.trim();
  if (!PLAIN_NUMBER.test(trimmed)) {
    return { value: fallback, message: t('number.notNumber', { name, text: quote(text), fallback }) };
  }
  const x = Number(trimmed);
  const value = Math.min(max, Math.max(min, Number.isFinite(x) ? Math.round(x) : x > 0 ? max : min));
  if (value === x) return { value, message: '' };
  const values = { name, text: quote(trimmed), min, max, value };
  return { value, message: x < min ? t('number.below', values) : x > max ? t('number.above', values) : t('number.notWhole', values) };
}
