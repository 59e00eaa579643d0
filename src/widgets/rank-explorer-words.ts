/**
 * What the rank explorer says in words, apart from the element (no DOM) so it is unit-tested: the numeric rank
 * and numpy's tolerance, and the rank a "random matrix of rank k" can really have.
 */
import { rankTolerance } from '../linalg/rank';

const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1).replace(/e([+-])(\d+)/, (_, s, d) => ` × 10${s === '-' ? '⁻' : ''}${[...d].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('')}`));
const values = (n: number) => `${n} ${n === 1 ? 'value is' : 'values are'}`;

/** The singular values as numpy computes them, its tolerance said in words, and the numeric rank beside the exact one. */
export function numericRankSentence(sigma: readonly number[], m: number, n: number, exactRank: number): string {
  const top = sigma[0] ?? 0;
  const tolerance = rankTolerance(m, n, top);
  const k = sigma.filter((s) => s > tolerance).length;
  const shown = sigma.map((s) => (s <= tolerance ? '0' : s.toPrecision(4))).join(', ');
  const agree = k === exactRank ? 'the same as the exact rank' : `not the exact rank ${exactRank}: the rounding errors of floating point decide it here`;
  return `In floating point, as numpy computes them, the singular values are ${shown}. Rounding leaves tiny non-zero values ` +
    `where exact arithmetic gives 0, so numpy counts a singular value only if it is larger than max(m, n) × machine epsilon × ` +
    `the largest one = ${Math.max(m, n)} × ${sci(Number.EPSILON)} × ${top.toPrecision(4)} ≈ ${sci(tolerance)}. ` +
    `${values(k)} larger, so the numeric rank is ${k}, ${agree}.`;
}

/** The k a random m x n matrix of rank k is made with: a whole number from 0 to min(m, n), and what was changed, in words. */
export function randomRank(text: string, m: number, n: number): { k: number; message: string } {
  const most = Math.min(m, n);
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) return { k: Math.min(2, most), message: `k “${text.slice(0, 12)}” is not a number, so k = ${Math.min(2, most)} is used.` };
  const k = Math.max(0, Math.min(most, Math.round(x)));
  if (k === x) return { k, message: '' };
  const why = x > most ? `a ${m} × ${n} matrix has rank at most ${most}` : x < 0 ? 'a rank is never negative' : 'a rank is a whole number';
  return { k, message: `k = ${text.trim()}: ${why}, so the random matrix has rank ${k}.` };
}
