import { describe, it, expect } from 'vitest';
import { columnRowFactorisation, storageCounts } from '../../../src/linalg/factorisation';
import { fromNumbers, multiply, fractionMatricesEqual } from '../../../src/linalg/fraction-matrix';
import { integerMatrixOfRank } from '../../../src/linalg/random-matrix';
import { seededRandom } from '../../../src/linalg/seeded-random';

const text = (M: { toFraction(): string }[][]) => M.map((row) => row.map((x) => x.toFraction()));

describe('columnRowFactorisation: M = C R', () => {
  it('writes the rank-1 example as an outer product u v^T', () => {
    const f = columnRowFactorisation(fromNumbers([[1, 2, 3], [2, 4, 6], [3, 6, 9]]));
    expect(text(f.C)).toEqual([['1'], ['2'], ['3']]);
    expect(text(f.R)).toEqual([['1', '2', '3']]);
    expect(f.exact).toBe(true);
  });

  it('C R equals M exactly for random matrices of every rank and shape', () => {
    const random = seededRandom(7);
    for (const [m, n] of [[3, 3], [5, 2], [2, 6], [8, 8]]) {
      for (let k = 0; k <= Math.min(m, n); k++) {
        const M = fromNumbers(integerMatrixOfRank(m, n, k, random));
        const f = columnRowFactorisation(M);
        expect(f.pivotColumns.length).toBe(k);
        expect(f.exact).toBe(true);
        if (k > 0) expect(fractionMatricesEqual(multiply(f.C, f.R), M)).toBe(true);
      }
    }
  });

  it('counts storage as mn against r(m + n)', () => {
    expect(storageCounts(3, 3, 1)).toEqual({ full: 9, factored: 6 });
    expect(storageCounts(1000, 1000, 8)).toEqual({ full: 1_000_000, factored: 16_000 });
  });
});

describe('integerMatrixOfRank', () => {
  it('is reproducible from its seed', () => {
    expect(integerMatrixOfRank(4, 4, 2, seededRandom(1))).toEqual(integerMatrixOfRank(4, 4, 2, seededRandom(1)));
  });
});
