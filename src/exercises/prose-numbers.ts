import { formatNumber } from '../i18n/format';
import type { ExerciseTranslate } from './messages/translate';

/**
 * A decimal with a set number of places, written as prose in the reader's language (1.734, 1,734): for losses
 * and shares in sentences. Numbers inside a formula stay plain digits (String, toFixed) instead.
 */
export const fixedIn = (t: ExerciseTranslate, x: number, places: number): string =>
  formatNumber(t.lang, x, { minimumFractionDigits: places, maximumFractionDigits: places });
