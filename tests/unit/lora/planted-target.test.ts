import { describe, it, expect } from 'vitest';
import { initialPair, deltaBlock, deltaSingularValues, deltaRank, type LoraPair } from '../../../src/lora/anatomy';
import {
  plantedTarget, targetBlock, targetBatch, fitStep, relativeError, bestPossibleError, largestEigenvalue, TARGET_VALUES,
} from '../../../src/lora/planted-target';
import { createRng } from '../../../src/lora/random';
import { singularValues } from '../../../src/linalg/svd';

const frobenius = (M: number[][]) => Math.sqrt(M.flat().reduce((s, x) => s + x * x, 0));
const train = (p: LoraPair, target: ReturnType<typeof plantedTarget>, n: number, seed = 3) => {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) p = fitStep(p, target, rng);
  return p;
};

describe('the planted target', () => {
  it('has exactly the singular values asked for', () => {
    const target = plantedTarget(20, 15, createRng(1));
    const sigma = singularValues(targetBlock(target, 20, 15));
    TARGET_VALUES.forEach((v, i) => expect(sigma[i]).toBeCloseTo(v, 12));
    expect(sigma[4]).toBeLessThan(1e-12);
  });

  it('has at most min(d, k) values for a thin layer', () => {
    expect(plantedTarget(2, 30, createRng(2)).values).toEqual([1, 0.5]);
  });
});

describe('the fit', () => {
  it('computes the relative error from small Gram matrices, as the full matrices would', () => {
    const target = plantedTarget(12, 10, createRng(4));
    const p = train(initialPair(12, 10, 3, createRng(5)), target, 20);
    const diff = deltaBlock(p, 12, 10).map((row, i) => row.map((x, j) => x - targetBlock(target, 12, 10)[i][j]));
    expect(relativeError(p, target)).toBeCloseTo(frobenius(diff) / frobenius(targetBlock(target, 12, 10)), 12);
    expect(relativeError(initialPair(12, 10, 3, createRng(6)), target)).toBe(1); // B = 0: nothing fitted yet
  });

  it('errors are B A x - T x up to the noise', () => {
    const target = plantedTarget(6, 5, createRng(7));
    const p = train(initialPair(6, 5, 2, createRng(8)), target, 5);
    const batch = targetBatch(p, target, createRng(9), 3, 0);
    const delta = deltaBlock(p, 6, 5);
    const T = targetBlock(target, 6, 5);
    for (let i = 0; i < 3; i++) {
      const x = Array.from({ length: 5 }, (_, j) => batch.X[j * 3 + i]);
      for (let l = 0; l < 6; l++) {
        const want = delta[l].reduce((s, w, j) => s + (w - T[l][j]) * x[j], 0);
        expect(batch.errors[l * 3 + i]).toBeCloseTo(want, 12);
      }
    }
  });

  it('learns: 300 steps at r = 8 bring the error of a 48 x 32 layer below a third', () => {
    const target = plantedTarget(48, 32, createRng(10));
    const p = train(initialPair(48, 32, 8, createRng(11)), target, 300);
    expect(relativeError(p, target)).toBeLessThan(0.33);
  });

  it('at r below the target\'s rank it cannot beat Eckart-Young, and Delta W has exactly r non-zero singular values', () => {
    const target = plantedTarget(16, 16, createRng(12));
    const p = train(initialPair(16, 16, 2, createRng(13)), target, 400);
    const floor = bestPossibleError(target, 2);
    expect(floor).toBeCloseTo(Math.sqrt((0.25 ** 2 + 0.125 ** 2) / (1 + 0.25 + 0.0625 + 0.015625)), 12);
    expect(relativeError(p, target)).toBeGreaterThanOrEqual(floor - 1e-12);
    expect(relativeError(p, target)).toBeLessThan(floor + 0.15);
    expect(deltaRank(p)).toBe(2);
    expect(deltaSingularValues(p).slice(2).every((s) => s < 1e-12)).toBe(true);
  });

  it('stays stable on a 1 x 1 layer and at full rank on a small square one', () => {
    for (const [d, k, r] of [[1, 1, 1], [8, 8, 8], [2, 2, 2]]) {
      const target = plantedTarget(d, k, createRng(d));
      const p = train(initialPair(d, k, r, createRng(14)), target, 300);
      expect(relativeError(p, target)).toBeLessThan(0.3);
    }
  });
});

describe('largestEigenvalue', () => {
  it('finds the top eigenvalue of a symmetric matrix', () => {
    expect(largestEigenvalue([[2, 1], [1, 2]])).toBeCloseTo(3, 10);
    expect(largestEigenvalue([[0, 0], [0, 0]])).toBe(0);
  });
});
