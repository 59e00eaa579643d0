/**
 * What <rankbook-subspace-overlap> compares, apart from the element (no DOM) so that its component's
 * build-time fallback reads the same runs, labels and sizes.
 */
import type { Translate } from '../i18n/translate';

export type Compare = 'ranks' | 'seeds' | 'random';

/** d_model of the shipped model: the width k of every A, and of the random matrices set against them. */
export const WIDTH = 128;
/** phi(i, j) is drawn for i = 1..ROWS and j = 1..COLS; the corner is CORNER x CORNER. */
export const ROWS = 8;
export const COLS = 64;
export const CORNER = 8;

/** What each comparison sets against what: the shipped runs behind it, and its words for the axes. */
export const COMPARISONS: Record<Compare, { runs?: [string, string]; words: (t: Translate) => { label: string; first: string; second: string } }> = {
  ranks: { runs: ['r8-wq-wv-s1', 'r64-wq-wv-s1'], words: (t) => ({ label: t('subspace.compareRanks'), first: 'A (r = 8)', second: 'A (r = 64)' }) },
  seeds: {
    runs: ['r64-wq-wv-s1', 'r64-wq-wv-s2'],
    words: (t) => ({ label: t('subspace.compareSeeds'), first: t('subspace.seedRun', { seed: '1' }), second: t('subspace.seedRun', { seed: '2' }) }),
  },
  random: {
    words: (t) => ({
      label: t('subspace.compareRandom'),
      first: t('subspace.randomMatrix', { rows: ROWS, cols: WIDTH }), second: t('subspace.randomMatrix', { rows: COLS, cols: WIDTH }),
    }),
  },
};
