import { describe, it, expect } from 'vitest';
import { bypassLayer, bypassFlow, bypassInput, bypassSummary, deltaW, mergedWeight, rowsAsMultiples } from '../../../src/lora/bypass';
import { rank } from '../../../src/linalg/rank';

describe('the bypass layer', () => {
  it('has the paper\'s shapes: W0 d x k, B d x r, A r x k', () => {
    const l = bypassLayer(6, 8, 2, 2);
    expect([l.W0.length, l.W0[0].length]).toEqual([6, 8]);
    expect([l.B.length, l.B[0].length]).toEqual([6, 2]);
    expect([l.A.length, l.A[0].length]).toEqual([2, 8]);
  });

  it('raising r keeps the first layers: B\'s columns and A\'s rows are the same for every larger r', () => {
    const small = bypassLayer(5, 7, 2, 1);
    const large = bypassLayer(5, 7, 4, 1);
    expect(large.A.slice(0, 2)).toEqual(small.A);
    expect(large.B.map((row) => row.slice(0, 2))).toEqual(small.B);
    expect(large.W0).toEqual(small.W0);
  });

  it('gives Delta W of rank r for every r up to min(d, k) (the seeded entries are independent)', () => {
    for (const [d, k] of [[6, 8], [12, 12], [3, 10]]) {
      for (let r = 1; r <= Math.min(d, k); r++) expect(rank(deltaW(bypassLayer(d, k, r, 2)))).toBe(r);
    }
  });
});

describe('the flow through both paths', () => {
  it('h = W0 x + (alpha/r) B A x equals the merged W x', () => {
    const layer = bypassLayer(6, 8, 3, 5);
    const x = bypassInput(8, 4);
    const f = bypassFlow(layer, x);
    expect(f.down).toHaveLength(3); // the bottleneck carries r numbers
    expect(f.h).toHaveLength(6);
    expect(f.mergeDifference).toBeLessThan(1e-12);
    // By hand for the first output.
    const ax = layer.A.map((row) => row.reduce((s, a, j) => s + a * x[j], 0));
    const h0 = layer.W0[0].reduce((s, w, j) => s + w * x[j], 0) + (5 / 3) * layer.B[0].reduce((s, b, t) => s + b * ax[t], 0);
    expect(f.h[0]).toBeCloseTo(h0, 12);
  });

  it('merging adds (alpha/r) B A to W0 entry by entry', () => {
    const layer = bypassLayer(4, 5, 2, 4);
    const W = mergedWeight(layer);
    const BA00 = layer.B[0][0] * layer.A[0][0] + layer.B[0][1] * layer.A[1][0];
    expect(W[0][0]).toBeCloseTo(layer.W0[0][0] + 2 * BA00, 12);
  });
});

describe('summary and full rank', () => {
  it('counts r (d + k) against d k and marks r = min(d, k) as full rank', () => {
    const s = bypassSummary(bypassLayer(6, 8, 6, 2));
    expect(s.counts).toMatchObject({ full: 48, lora: 84 });
    expect(s).toMatchObject({ fullRank: 6, atFullRank: true, deltaRank: 6 });
    expect(bypassSummary(bypassLayer(6, 8, 2, 2)).atFullRank).toBe(false);
  });
});

describe('rows as multiples of one row', () => {
  it('finds the multiples for r = 1: row i of (alpha) b a^T is alpha b_i times a', () => {
    const layer = bypassLayer(6, 8, 1, 3);
    const found = rowsAsMultiples(deltaW(layer));
    expect(found).not.toBeNull();
    const firstNonZero = layer.B.findIndex((row) => row[0] !== 0);
    found!.multiples.forEach((c, i) => expect(c).toBeCloseTo(layer.B[i][0] / layer.B[firstNonZero][0], 12));
  });

  it('says null as soon as the rank is 2', () => {
    expect(rowsAsMultiples(deltaW(bypassLayer(6, 8, 2, 3)))).toBeNull();
    expect(rowsAsMultiples([[1, 2], [2, 4], [0, 0]])?.multiples).toEqual([1, 2, 0]);
  });
});
