import { describe, it, expect } from 'vitest';
import {
  amplificationFactor, expectedRandomProjectionNorm, frobeniusNorm, projectionNorm, projectionRow, randomProjectionRms,
  topSingularDirections,
} from '../../../src/linalg/projection';
import { gaussianMatrix } from '../../../src/linalg/gaussian';

const multiply = (A: number[][], B: number[][]) =>
  A.map((row) => B[0].map((_, j) => row.reduce((s, x, t) => s + x * B[t][j], 0)));
const transpose = (A: number[][]) => A[0].map((_, j) => A.map((row) => row[j]));
const add = (A: number[][], B: number[][]) => A.map((row, i) => row.map((x, j) => x + B[i][j]));
const scale = (A: number[][], s: number) => A.map((row) => row.map((x) => x * s));

/** n orthonormal columns (n x cols): Gram-Schmidt on a seeded Gaussian matrix. */
function orthonormalColumns(n: number, cols: number, seed: number): number[][] {
  const G = transpose(gaussianMatrix(cols, n, seed));
  const Q: number[][] = [];
  for (let c = 0; c < cols; c++) {
    const v = G.map((row) => row[c]);
    for (const q of Q) {
      const d = q.reduce((s, x, t) => s + x * v[t], 0);
      q.forEach((x, t) => { v[t] -= d * x; });
    }
    const norm = Math.hypot(...v);
    Q.push(v.map((x) => x / norm));
  }
  return transpose(Q); // n x cols
}

describe('projection norm ||U^T W V||_F', () => {
  it('is ||W||_F when U and V span everything, and the top singular values when they are W\'s own', () => {
    const W = gaussianMatrix(6, 5, 1);
    const all = topSingularDirections(W, 5);
    expect(projectionNorm(W, all.left, all.right)).toBeCloseTo(frobeniusNorm(W), 12);
    const top2 = topSingularDirections(W, 2);
    expect(projectionNorm(W, top2.left, top2.right)).toBeCloseTo(Math.hypot(top2.values[0], top2.values[1]), 12);
  });

  it('finds a planted update: W amplified along directions it barely has', () => {
    // W = strong top-3 part + a weak part along planted directions p, q; ΔW points along p, q only.
    const d = 40, k = 30;
    const U = orthonormalColumns(d, 5, 2); // columns 0-2: W's own, 3-4: planted
    const V = orthonormalColumns(k, 5, 3);
    const outer = (c: number, s: number) => U.map((row) => V.map((vrow) => s * row[c] * vrow[c]));
    const W = [outer(0, 30), outer(1, 20), outer(2, 10), outer(3, 0.5), outer(4, 0.25)].reduce(add);
    const deltaW = add(outer(3, 8), outer(4, 6));
    const row = projectionRow(W, deltaW, 2, gaussianMatrix(d, k, 4));
    // U^T W V on ΔW's directions is diag(0.5, 0.25): norm sqrt(0.3125).
    expect(row.ofDelta).toBeCloseTo(Math.sqrt(0.5 ** 2 + 0.25 ** 2), 10);
    expect(row.ofWeight).toBeCloseTo(Math.hypot(30, 20), 10);
    expect(row.deltaNorm).toBeCloseTo(10, 10);
    expect(row.amplification).toBeCloseTo(10 / Math.sqrt(0.3125), 8);
    expect(amplificationFactor(deltaW, W, 2)).toBeCloseTo(row.amplification, 10);
    // The same update given as factors B (d x 2) A (2 x k), as LoRA stores it, gives the same row.
    const B = U.map((u) => [8 * u[3], 6 * u[4]]);
    const A = [V.map((v) => v[3]), V.map((v) => v[4])];
    const fromFactors = projectionRow(W, { B, A, scale: 1 }, 2, gaussianMatrix(d, k, 4));
    for (const key of ['ofDelta', 'ofWeight', 'ofRandom', 'deltaNorm', 'amplification'] as const) {
      expect(fromFactors[key]).toBeCloseTo(row[key], 9);
    }
    // A random pair of directions lands near r ||W|| / sqrt(dk), far below W's own.
    expect(row.ofRandom).toBeLessThan(row.ofWeight / 4);
  });

  it('gives r ||W||_F / sqrt(dk) for random directions on average (the paper\'s Random column)', () => {
    const d = 24, k = 20, r = 3;
    const W = gaussianMatrix(d, k, 5);
    let sumSquares = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const U = transpose(orthonormalColumns(d, r, 100 + t));
      const V = transpose(orthonormalColumns(k, r, 1000 + t));
      sumSquares += projectionNorm(W, U, V) ** 2;
    }
    const rms = Math.sqrt(sumSquares / trials);
    expect(Math.abs(rms / expectedRandomProjectionNorm(W, r) - 1)).toBeLessThan(0.1);
  });

  it('reproduces the paper\'s random column from its ||W_q||_F alone', () => {
    // GPT-3 175B, layer 48: ||W_q||_F = 61.95, d = k = 12,288. Only ||W||_F and the shape enter.
    expect(randomProjectionRms(4, 61.95, 12288, 12288)).toBeCloseTo(0.02, 3);
    expect(randomProjectionRms(64, 61.95, 12288, 12288)).toBeCloseTo(0.323, 3);
    // And on a small matrix the two forms agree.
    const W = gaussianMatrix(12, 9, 10);
    expect(expectedRandomProjectionNorm(W, 3)).toBeCloseTo(randomProjectionRms(3, frobeniusNorm(W), 12, 9), 12);
  });

  it('scales with ΔW: the amplification factor is linear in the update', () => {
    const W = gaussianMatrix(10, 8, 6);
    const deltaW = multiply(gaussianMatrix(10, 2, 7), gaussianMatrix(2, 8, 8));
    expect(amplificationFactor(scale(deltaW, 3), W, 2)).toBeCloseTo(3 * amplificationFactor(deltaW, W, 2), 8);
  });

  it('refuses mismatched shapes and a rank out of range, in words', () => {
    const W = gaussianMatrix(4, 3, 9);
    expect(() => projectionNorm(W, [[1, 0, 0]], [[1, 0, 0]])).toThrow(/lengths 4 \(left\) and 3 \(right\)/);
    expect(() => topSingularDirections(W, 4)).toThrow(/r must be a whole number from 1 to 3/);
  });
});
