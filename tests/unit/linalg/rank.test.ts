import { describe, it, expect } from 'vitest';
import { rank, rankTolerance } from '../../../src/linalg/rank';

const hilbert = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1)));
const scale = (M: number[][], s: number) => M.map((row) => row.map((x) => x * s));
const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

// Expected values are numpy 2.4.6's np.linalg.matrix_rank on the same matrices, run on this machine.
describe('rank (numpy default tolerance)', () => {
  it('agrees with numpy on identity, zero, tall and wide matrices', () => {
    expect(rank(identity(5))).toBe(5);
    expect(rank([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])).toBe(0);
    expect(rank([[1, 2], [3, 4], [5, 6], [7, 8]])).toBe(2);
    expect(rank([[1, 2, 3, 4], [2, 4, 6, 8], [0, 1, 0, 1]])).toBe(2);
    expect(rank([])).toBe(0);
  });

  it('finds rank deficiency', () => {
    expect(rank([[1, 2, 3], [2, 4, 6], [3, 6, 9]])).toBe(1);
    expect(rank([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toBe(2);
  });

  it('matches numpy on Hilbert matrices, where the smallest singular values fall below the tolerance', () => {
    expect(rank(hilbert(10))).toBe(10);
    expect(rank(hilbert(12))).toBe(11); // sigma_12 ~ 1e-16 is below 12 * eps * sigma_1 ~ 4.7e-15
  });

  it('is scale-invariant, even at 1e150 and 1e-150', () => {
    for (const s of [1e150, 1e-150]) {
      expect(rank(scale([[1, 2], [3, 4]], s))).toBe(2);
      expect(rank(scale([[1, 2, 3], [2, 4, 6]], s))).toBe(1);
      expect(rank(scale(hilbert(12), s))).toBe(11);
    }
  });
});

describe('rankTolerance', () => {
  it('is numpy\'s max(m, n) * eps * sigma_max', () => {
    expect(rankTolerance(3, 5, 2)).toBe(5 * 2 * Number.EPSILON);
    expect(rankTolerance(7, 2, 1)).toBe(7 * Number.EPSILON);
  });
});
