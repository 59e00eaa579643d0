import { describe, it, expect } from 'vitest';
import { cornerMean, expectedRandomCornerMean, expectedRandomSimilarity, subspaceSimilarityGrid } from '../../../src/linalg/subspace-grid';
import { subspaceSimilarity } from '../../../src/linalg/subspace';
import { gaussianMatrix } from '../../../src/linalg/gaussian';

describe('subspaceSimilarityGrid', () => {
  const A8 = gaussianMatrix(8, 40, 11);
  const A64 = gaussianMatrix(20, 40, 12);

  it('matches subspaceSimilarity cell by cell', () => {
    const grid = subspaceSimilarityGrid(A8, A64);
    expect(grid.length).toBe(8);
    expect(grid[0].length).toBe(20);
    for (const [i, j] of [[1, 1], [1, 20], [3, 5], [8, 8], [8, 20], [5, 2]]) {
      expect(grid[i - 1][j - 1]).toBeCloseTo(subspaceSimilarity(A8, A64, i, j), 10);
    }
  });

  it('is 1 where one subspace contains the other, for a matrix against itself', () => {
    const grid = subspaceSimilarityGrid(A8, A8);
    // The top i directions lie inside the top j (or the other way round): phi = 1 everywhere.
    for (const row of grid) for (const x of row) expect(x).toBeCloseTo(1, 10);
  });

  it('finds a planted shared direction: phi(1, 1) = cos^2 of the angle between the top directions', () => {
    const k = 30;
    const e = (t: number) => Array.from({ length: k }, (_, s) => (s === t ? 1 : 0));
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const A1 = [e(0).map((x) => 10 * x), e(1)];
    const A2 = [e(0).map((x, t) => 9 * (c * x + s * e(2)[t])), e(3), e(4)];
    const grid = subspaceSimilarityGrid(A1, A2);
    expect(grid[0][0]).toBeCloseTo(c * c, 12);
    expect(grid[1][2]).toBeCloseTo((c * c) / 2, 12); // e(1) is orthogonal to all of A2's rows
  });

  it('takes a smaller window, and refuses one too large', () => {
    expect(subspaceSimilarityGrid(A8, A64, 2, 3)).toEqual(subspaceSimilarityGrid(A8, A64).slice(0, 2).map((r) => r.slice(0, 3)));
    expect(() => subspaceSimilarityGrid(A8, A64, 9, 3)).toThrow(/rows must be a whole number from 1 to 8/);
    expect(() => subspaceSimilarityGrid(A8, [[1, 2]])).toThrow(/same, non-zero number of columns/);
  });

  it('averages max(i, j) / k over random Gaussian pairs', () => {
    const k = 16, trials = 200;
    const sum = Array.from({ length: 4 }, () => new Array(8).fill(0));
    for (let t = 0; t < trials; t++) {
      const g = subspaceSimilarityGrid(gaussianMatrix(4, k, 100 + t), gaussianMatrix(8, k, 5000 + t));
      g.forEach((row, i) => row.forEach((x, j) => { sum[i][j] += x; }));
    }
    for (const [i, j] of [[1, 1], [1, 8], [4, 2], [4, 8]]) {
      expect(Math.abs(sum[i - 1][j - 1] / trials - expectedRandomSimilarity(i, j, k))).toBeLessThan(0.04);
    }
  });

  it('corner means: 0.0454 for random subspaces of R^128 over the 8 x 8 corner', () => {
    expect(expectedRandomCornerMean(8, 128)).toBeCloseTo(372 / 64 / 128, 12);
    expect(cornerMean([[1, 0.5, 9], [0.5, 0, 9], [9, 9, 9]], 2)).toBe(0.5);
  });
});
