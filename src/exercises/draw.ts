import type Fraction from 'fraction.js';
import type { FractionMatrix } from '../linalg/fraction-matrix';
import type { Random } from '../linalg/seeded-random';
import type { ChoiceOption, Expected } from './types';
import type { ExerciseTranslate } from './messages/translate';
import { formatLocaleNumber } from '../i18n/number-format';

/** Small helpers for drawing a variant from a seed and writing its numbers for a reader. */
export const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A choice with its options in a seeded order; the first option given is the right one. */
export function choice(random: Random, rightOption: ChoiceOption, wrongOptions: ChoiceOption[]): Expected {
  const options = shuffled(random, [rightOption, ...wrongOptions]);
  return { kind: 'choice', options, correct: options.indexOf(rightOption) };
}

/** 37748736 -> "37,748,736"; 0.12345 -> "0.1235". */
export const num = (x: number): string => formatLocaleNumber('en', x, { maximumFractionDigits: 4 });
/**
 * num for the reader's language: German and Vietnamese write a comma for the decimal point, so their thousands
 * are parted by narrow spaces (37 748 736), which the answer field reads back as well.
 */
export const numIn = (t: ExerciseTranslate) => (x: number): string =>
  (t.lang === 'de' || t.lang === 'vi' ? num(x).replace(/,/g, '\u202f') : num(x));
export const fixed = (x: number, places: number): string => x.toFixed(places);

export const rowsText = (M: number[][] | FractionMatrix): string[][] =>
  M.map((row) => row.map((x) => (typeof x === 'number' ? String(x) : (x as Fraction).toFraction())));

/** A matrix in one line of a worked solution: [1 2; 3 4]. */
export const inline = (M: number[][] | FractionMatrix): string => `[${rowsText(M).map((r) => r.join(' ')).join('; ')}]`;

/**
 * Draws integer matrices of the given rank until one reads as a real exercise: no zero row or column and no two
 * equal rows (which give the rank away at a glance).
 */
export function readableMatrix(draw: () => number[][]): number[][] {
  for (let attempt = 0; ; attempt++) {
    const M = draw();
    const zeroRow = M.some((row) => row.every((x) => x === 0));
    const zeroCol = M[0].some((_, j) => M.every((row) => row[j] === 0));
    const repeated = new Set(M.map((row) => row.join())).size < M.length;
    if ((!zeroRow && !zeroCol && !repeated) || attempt >= 200) return M;
  }
}
