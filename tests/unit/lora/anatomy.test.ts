import { describe, it, expect } from 'vitest';
import {
  parameterCounts, gpt3Counts, initialPair, gradientStep, deltaBlock, deltaRank, deltaSingularValues, largestRank, type LoraPair, type Batch,
} from '../../../src/lora/anatomy';
import type { Rng } from '../../../src/lora/random';
import { createRng } from '../../../src/lora/random';
import { rank } from '../../../src/linalg/rank';
import { singularValues } from '../../../src/linalg/svd';

const matrix = (data: Float64Array, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
const multiply = (X: number[][], Y: number[][]) => X.map((row) => Y[0].map((_, j) => row.reduce((s, x, t) => s + x * Y[t][j], 0)));
const transpose = (X: number[][]) => X[0].map((_, j) => X.map((row) => row[j]));
/** A made-up batch: Gaussian inputs and Gaussian output errors, as when nothing in particular is being fitted. */
const randomBatch = (d: number, k: number, rng: Rng, size = 4): Batch => ({
  size, errors: Float64Array.from({ length: d * size }, () => rng.normal()), X: Float64Array.from({ length: k * size }, () => rng.normal()),
});
const step = (p: LoraPair, rng: Rng) => gradientStep(p, randomBatch(p.d, p.k, rng), 0.1);
const steps = (pair: LoraPair, n: number, seed = 7) => {
  const rng = createRng(seed);
  let p = pair;
  for (let i = 0; i < n; i++) p = step(p, rng);
  return p;
};

describe('parameter counts', () => {
  it('counts d k for full fine-tuning and r (d + k) for B and A', () => {
    expect(parameterCounts(96, 64, 8)).toEqual({ full: 6144, lora: 1280, ratio: 4.8, breakEven: 38.4 });
  });
  it('gives 1,536x fewer numbers for one 12,288 x 12,288 GPT-3 matrix at r = 4', () => {
    const c = parameterCounts(12288, 12288, 4);
    expect(c.full).toBe(150_994_944);
    expect(c.lora).toBe(98_304);
    expect(c.ratio).toBe(1536);
    expect(c.breakEven).toBe(6144);
  });
  it('saves nothing at the break-even rank', () => {
    const c = parameterCounts(128, 128, 64);
    expect(c.lora).toBe(c.full);
  });
});

// Figures from Hu et al., LoRA, 2021 (arXiv:2106.09685): 18M budget = r 4 on Wq and Wv in 96 layers
// (section 7.1); 4.7M and 37.7M trainable parameters for GPT-3 (Table 4); "10,000 times" (abstract).
describe('GPT-3 175B as the paper adapts it', () => {
  it('trains 18.9M numbers at r = 4 on Wq and Wv: about 9,300x fewer than 175B, the paper\'s "roughly 10,000x"', () => {
    const c = gpt3Counts(4);
    expect(c.adaptedMatrices).toBe(192);
    expect(c.trainable).toBe(18_874_368);
    expect(Math.round(c.ratio)).toBe(9272);
    expect(c.checkpointBytes / 1e6).toBeCloseTo(37.7, 1); // "roughly 35MB if stored in FP16"
  });
  it('reproduces Table 4\'s 4.7M (r = 1) and 37.7M (r = 8) trainable parameters', () => {
    expect(gpt3Counts(1).trainable / 1e6).toBeCloseTo(4.7, 1);
    expect(gpt3Counts(8).trainable / 1e6).toBeCloseTo(37.7, 1);
  });
});

describe('initialisation', () => {
  it('starts with B = 0, so Delta W = B A = 0 and has rank 0', () => {
    const p = initialPair(10, 7, 3, createRng(1));
    expect(p.B.every((x) => x === 0)).toBe(true);
    expect(deltaBlock(p, 10, 7).flat().every((x) => x === 0)).toBe(true);
    expect(deltaRank(p)).toBe(0);
    expect(p.steps).toBe(0);
  });
  it('draws A Gaussian with variance about 1/k', () => {
    const p = initialPair(4, 400, 50, createRng(2));
    const variance = p.A.reduce((s, x) => s + x * x, 0) / p.A.length;
    expect(variance * 400).toBeGreaterThan(0.9);
    expect(variance * 400).toBeLessThan(1.1);
  });
});

describe('a gradient step', () => {
  it('moves B by -lr G A^T and A by -lr B^T G, with G the batch gradient (1/b) Delta X^T', () => {
    const [d, k, r, b, lr] = [5, 4, 2, 3, 0.1];
    const p1 = steps(initialPair(d, k, r, createRng(3)), 1, 11);
    const batch = randomBatch(d, k, createRng(99), b);
    const p2 = gradientStep(p1, batch, lr);
    const delta = matrix(batch.errors, d, b);
    const X = matrix(batch.X, k, b);
    const G = multiply(delta, transpose(X)).map((row) => row.map((x) => x / b));
    const B = matrix(p1.B, d, r);
    const A = matrix(p1.A, r, k);
    const gB = multiply(G, transpose(A));
    const gA = multiply(transpose(B), G);
    const B2 = matrix(p2.B, d, r);
    const A2 = matrix(p2.A, r, k);
    B.forEach((row, i) => row.forEach((x, s) => expect(B2[i][s]).toBeCloseTo(x - lr * gB[i][s], 12)));
    A.forEach((row, s) => row.forEach((x, j) => expect(A2[s][j]).toBeCloseTo(x - lr * gA[s][j], 12)));
    expect(p2.steps).toBe(2);
  });
  it('leaves A alone on the first step, because dLoss/dA = B^T G is zero while B is', () => {
    const p0 = initialPair(8, 6, 3, createRng(4));
    const p1 = step(p0, createRng(5));
    expect(Array.from(p1.A)).toEqual(Array.from(p0.A));
    expect(p1.B.some((x) => x !== 0)).toBe(true);
    expect(p0.B.every((x) => x === 0)).toBe(true); // the pair given is unchanged
  });
  it('keeps rank(B A) <= r however many steps: a batch of 4 gives rank 4, then it stops at r', () => {
    const p = initialPair(30, 20, 6, createRng(6));
    expect(deltaRank(steps(p, 1))).toBe(4);
    expect(deltaRank(steps(p, 2))).toBe(6);
    expect(deltaRank(steps(p, 10))).toBe(6);
    expect(rank(deltaBlock(steps(p, 10), 30, 20))).toBe(6);
  });
});

describe('deltaBlock and deltaRank on large layers', () => {
  it('deltaBlock is the top-left block of the full product B A', () => {
    const p = steps(initialPair(9, 7, 3, createRng(8)), 3);
    const full = multiply(matrix(p.B, 9, 3), matrix(p.A, 3, 7));
    const block = deltaBlock(p, 4, 5);
    expect(block.length).toBe(4);
    block.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(full[i][j], 12)));
    expect(deltaBlock(p, 100, 100).length).toBe(9); // clipped to the matrix
  });
  it('the r x r route agrees with rank() on the full product, including rank-deficient B', () => {
    for (const [d, k, r, n] of [[200, 150, 6, 1], [200, 150, 6, 2], [300, 90, 12, 2], [130, 140, 5, 3]]) {
      const p = steps(initialPair(d, k, r, createRng(d + n)), n, r);
      expect(deltaRank(p)).toBe(rank(deltaBlock(p, d, k)));
    }
  });
  it('handles a GPT-3-sized layer (12,288 x 12,288, r = 8) without forming Delta W', () => {
    const p = initialPair(12288, 12288, 8, createRng(9));
    const start = performance.now();
    const one = step(p, createRng(10));
    expect(deltaRank(one)).toBe(4);
    expect(deltaRank(step(one, createRng(11)))).toBe(8);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('singular values of Delta W and the largest rank offered', () => {
  it('gives all min(d, k) values for a small Delta W, those past r at rounding level', () => {
    const p = steps(initialPair(12, 9, 3, createRng(12)), 4);
    const sigma = deltaSingularValues(p);
    expect(sigma).toHaveLength(9);
    expect(sigma[2]).toBeGreaterThan(1e-6);
    expect(sigma[3]).toBeLessThan(1e-12 * sigma[0]);
  });
  it('gives r values through the r x r core for a large one, matching the direct route', () => {
    const p = steps(initialPair(200, 150, 5, createRng(13)), 3);
    const core = deltaSingularValues(p);
    expect(core).toHaveLength(5);
    const direct = singularValues(deltaBlock(p, 200, 150)).slice(0, 5); // 200 x 150 formed in full
    core.forEach((s, i) => expect(s).toBeCloseTo(direct[i], 9));
  });
  it('offers full rank up to 256 wide, and a cost-bounded rank beyond', () => {
    expect(largestRank(96, 64)).toBe(64);
    expect(largestRank(256, 256)).toBe(256);
    expect(largestRank(12288, 12288)).toBe(104);
    expect(largestRank(1, 12288)).toBe(1);
  });
});
