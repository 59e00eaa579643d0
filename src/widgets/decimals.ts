import { formatNumber } from '../i18n/format';

/** x to exactly `digits` decimals in the reader's language (0.513, 0,513): the figures of tables and sentences. */
export const fixed = (lang: string, x: number, digits: number): string =>
  formatNumber(lang, x, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A tick label in the reader's language, to three significant figures (1.7, 1,7). */
export const tick = (lang: string, x: number): string => formatNumber(lang, x, { maximumSignificantDigits: 3 });
