import { svd } from './svd';

/**
 * The LoRA paper's phi(A1, A2, i, j) (see subspace.ts) for every i <= rows and j <= cols at once:
 * one SVD per matrix and a table of squared cosines u_a . v_b, summed with 2-D prefix sums, instead of
 * two SVDs per cell. A1 is r1 x k and A2 r2 x k, in the paper's shape of a LoRA factor A.
 */
export function subspaceSimilarityGrid(A1: number[][], A2: number[][], rows?: number, cols?: number): number[][] {
  const k = A1[0]?.length ?? 0;
  if (k === 0 || (A2[0]?.length ?? 0) !== k) {
    throw new RangeError(`A1 and A2 need the same, non-zero number of columns (here ${k} and ${A2[0]?.length ?? 0}).`);
  }
  const p1 = Math.min(A1.length, k);
  const p2 = Math.min(A2.length, k);
  const m = rows ?? p1;
  const n = cols ?? p2;
  if (!Number.isInteger(m) || m < 1 || m > p1) throw new RangeError(`rows must be a whole number from 1 to ${p1}.`);
  if (!Number.isInteger(n) || n < 1 || n > p2) throw new RangeError(`cols must be a whole number from 1 to ${p2}.`);
  const V1 = svd(A1, { method: 'jacobi' }).right; // p1 x k, largest singular value first
  const V2 = svd(A2, { method: 'jacobi' }).right;
  // prefix[a][b] = sum of squared cosines over the first a directions of A1 and the first b of A2.
  const prefix = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  for (let a = 1; a <= m; a++) {
    for (let b = 1; b <= n; b++) {
      let dot = 0;
      const ra = (a - 1) * k, rb = (b - 1) * k;
      for (let t = 0; t < k; t++) dot += V1[ra + t] * V2[rb + t];
      prefix[a][b] = dot * dot + prefix[a - 1][b] + prefix[a][b - 1] - prefix[a - 1][b - 1];
    }
  }
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) =>
    Math.min(1, Math.max(0, prefix[i + 1][j + 1] / Math.min(i + 1, j + 1)))));
}

/**
 * E[phi(i, j)] when either subspace is uniformly random in R^k (as the top singular directions of a
 * Gaussian matrix are): each of the min(i, j) directions of one keeps on average a fraction max(i, j) / k of
 * its length squared inside the other, so E[phi] = max(i, j) / k exactly — j / k for i <= j.
 */
export function expectedRandomSimilarity(i: number, j: number, k: number): number {
  return Math.max(i, j) / k;
}

/** The mean of the top-left n x n corner of a grid (the paper's zoomed-in view). */
export function cornerMean(grid: number[][], n: number): number {
  const size = Math.min(n, grid.length, grid[0]?.length ?? 0);
  let s = 0;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) s += grid[i][j];
  return size ? s / (size * size) : NaN;
}

/** The same mean for random subspaces of R^k: the mean of max(i, j) / k over the corner. */
export function expectedRandomCornerMean(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) s += expectedRandomSimilarity(i, j, k);
  return s / (n * n);
}
