/**
 * What <rankbook-subspace-overlap> compares, apart from the element (no DOM) so that its component's
 * build-time fallback reads the same runs, labels and sizes.
 */
export type Compare = 'ranks' | 'seeds' | 'random';

/** d_model of the shipped model: the width k of every A, and of the random matrices set against them. */
export const WIDTH = 128;
/** phi(i, j) is drawn for i = 1..ROWS and j = 1..COLS; the corner is CORNER x CORNER. */
export const ROWS = 8;
export const COLS = 64;
export const CORNER = 8;

/** What each comparison sets against what: labels for the axes and the shipped runs behind them. */
export const COMPARISONS: Record<Compare, { label: string; first: string; second: string; runs?: [string, string] }> = {
  ranks: { label: 'r = 8 against r = 64', first: 'A (r = 8)', second: 'A (r = 64)', runs: ['r8-wq-wv-s1', 'r64-wq-wv-s1'] },
  seeds: { label: 'two seeds at r = 64', first: 'A (r = 64, seed 1)', second: 'A (r = 64, seed 2)', runs: ['r64-wq-wv-s1', 'r64-wq-wv-s2'] },
  random: { label: 'two random Gaussian matrices', first: 'a random 8 × 128 matrix', second: 'a random 64 × 128 matrix' },
};
