import { describe, it, expect } from 'vitest';
import { subspaceSimilarity, topRightSingularVectors } from '../../../src/linalg/subspace';
import { seededRandom } from '../../../src/linalg/seeded-random';
import { gaussian } from '../../../src/linalg/gaussian';

const gaussianMatrix = (m: number, n: number, normal: () => number) =>
  Array.from({ length: m }, () => Array.from({ length: n }, normal));

const multiply = (A: number[][], B: number[][]) =>
  A.map((row) => B[0].map((_, j) => row.reduce((s, x, t) => s + x * B[t][j], 0)));

/** A random orthogonal matrix: Gram-Schmidt on the columns of a Gaussian one. */
function orthogonal(n: number, normal: () => number): number[][] {
  const columns: number[][] = [];
  while (columns.length < n) {
    const v = Array.from({ length: n }, normal);
    for (const q of columns) {
      const d = q.reduce((s, x, t) => s + x * v[t], 0);
      q.forEach((x, t) => { v[t] -= d * x; });
    }
    const norm = Math.hypot(...v);
    columns.push(v.map((x) => x / norm));
  }
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

describe('subspaceSimilarity (the LoRA paper\'s phi)', () => {
  const normal = gaussian(seededRandom(20210617));
  const r = 4;
  const k = 12;
  const A = gaussianMatrix(r, k, normal);
  const B = gaussianMatrix(r, k, normal);

  it('lies in [0, 1] for every i and j', () => {
    for (let i = 1; i <= r; i++) {
      for (let j = 1; j <= r; j++) {
        const phi = subspaceSimilarity(A, B, i, j);
        expect(phi).toBeGreaterThanOrEqual(0);
        expect(phi).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is 1 for a matrix against itself', () => {
    for (let i = 1; i <= r; i++) expect(subspaceSimilarity(A, A, i, i)).toBeCloseTo(1, 12);
    // The top-1 direction lies inside the top-3 subspace: still 1.
    expect(subspaceSimilarity(A, A, 1, 3)).toBeCloseTo(1, 12);
  });

  it('is unchanged when A is multiplied on the left by an orthogonal matrix', () => {
    const Q = orthogonal(r, normal);
    const QA = multiply(Q, A);
    for (const [i, j] of [[1, 1], [2, 3], [4, 2], [4, 4]]) {
      expect(subspaceSimilarity(QA, B, i, j)).toBeCloseTo(subspaceSimilarity(A, B, i, j), 10);
    }
  });

  it('is unchanged by any invertible left factor when i = j = r (only the row space matters)', () => {
    const M = gaussianMatrix(r, r, normal); // invertible with probability 1
    const MA = multiply(M, A);
    expect(subspaceSimilarity(MA, B, r, r)).toBeCloseTo(subspaceSimilarity(A, B, r, r), 10);
    expect(subspaceSimilarity(MA, A, r, r)).toBeCloseTo(1, 10);
  });

  it('averages about j / k for random Gaussian matrices when i <= j', () => {
    const trials = 300;
    for (const [i, j] of [[1, 2], [2, 4], [3, 3]]) {
      let total = 0;
      for (let t = 0; t < trials; t++) {
        total += subspaceSimilarity(gaussianMatrix(r, k, normal), gaussianMatrix(r, k, normal), i, j);
      }
      // Each trial's phi has standard deviation under 0.2, so the mean of 300 is within ~0.035 at 3 sigma.
      expect(total / trials).toBeCloseTo(j / k, 1);
      expect(Math.abs(total / trials - j / k)).toBeLessThan(0.035);
    }
  });

  it('is 0 for orthogonal row spaces', () => {
    const E1 = [[1, 0, 0, 0], [0, 1, 0, 0]];
    const E2 = [[0, 0, 1, 0], [0, 0, 0, 5]];
    expect(subspaceSimilarity(E1, E2, 2, 2)).toBeCloseTo(0, 14);
  });

  it('orders singular vectors by singular value', () => {
    const D = [[0, 0, 3], [2, 0, 0]]; // sigma = 3 along e3, 2 along e1
    const [v1, v2] = topRightSingularVectors(D, 2);
    expect(Math.abs(v1[2])).toBeCloseTo(1, 12);
    expect(Math.abs(v2[0])).toBeCloseTo(1, 12);
  });

  it('refuses mismatched shapes and out-of-range i, j in words', () => {
    expect(() => subspaceSimilarity(A, [[1, 2]], 1, 1)).toThrow(/same, non-zero number of columns/);
    expect(() => subspaceSimilarity(A, B, 0, 1)).toThrow(/i must be a whole number from 1 to 4/);
    expect(() => subspaceSimilarity(A, B, 1, 5)).toThrow(/j must be a whole number from 1 to 4/);
  });
});
