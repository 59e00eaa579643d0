/**
 * What the rank explorer says in words, apart from the element (no DOM) so it is unit-tested: the numeric rank
 * and numpy's tolerance, and the rank a "random matrix of rank k" can really have.
 */
import { rankTolerance } from '../linalg/rank';
import { english, type Translate } from '../i18n/translate';

const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1).replace(/e([+-])(\d+)/, (_, s, d) => ` × 10${s === '-' ? '⁻' : ''}${[...d].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('')}`));

/** The singular values as numpy computes them, its tolerance said in words, and the numeric rank beside the exact one. */
export function numericRankSentence(sigma: readonly number[], m: number, n: number, exactRank: number, t: Translate = english): string {
  const top = sigma[0] ?? 0;
  const tolerance = rankTolerance(m, n, top);
  const k = sigma.filter((s) => s > tolerance).length;
  const shown = sigma.map((s) => (s <= tolerance ? '0' : s.toPrecision(4))).join(', ');
  const agreement = k === exactRank ? t('rankExplorer.numericAgrees') : t('rankExplorer.numericDiffers', { r: exactRank });
  // The figures stay as numpy would print them: they are read against a formula, not as prose.
  return t('rankExplorer.numericRank', { values: shown, size: String(Math.max(m, n)), epsilon: sci(Number.EPSILON),
    top: top.toPrecision(4), tolerance: sci(tolerance), k, agreement });
}

/** The k a random m x n matrix of rank k is made with: a whole number from 0 to min(m, n), and what was changed, in words. */
export function randomRank(text: string, m: number, n: number, t: Translate = english): { k: number; message: string } {
  const most = Math.min(m, n);
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) return { k: Math.min(2, most), message: t('rankExplorer.kNotNumber', { text: text.slice(0, 12), k: Math.min(2, most) }) };
  const k = Math.max(0, Math.min(most, Math.round(x)));
  if (k === x) return { k, message: '' };
  const values = { text: text.trim(), m, n, most, k };
  const message = x > most ? t('rankExplorer.kTooLarge', values) : x < 0 ? t('rankExplorer.kNegative', values) : t('rankExplorer.kNotWhole', values);
  return { k, message };
}
