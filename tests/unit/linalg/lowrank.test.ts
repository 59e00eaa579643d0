import { afterEach, describe, expect, it } from 'vitest';
import { RankReconstruction, truncatedSvd } from '../../../src/linalg/lowrank';
import { singularValues, svd } from '../../../src/linalg/svd';
import { setSimdEnabled } from '../../../src/linalg/workspace';
import { imageLikeMatrix, randomMatrix, centredRandom } from './random-matrix';

const toRows = (data: Float64Array, m: number, n: number) => Array.from({ length: m }, (_, r) => Array.from(data.subarray(r * n, r * n + n)));

describe('truncatedSvd (Eckart-Young)', () => {
  const M = randomMatrix(30, 22, 5);
  const f = svd(M, { method: 'jacobi' });
  const sigma = Array.from(f.values);

  it('leaves exactly the tail: ||M - A_k||_F^2 = sum_{i>=k} sigma_i^2 and ||M - A_k||_2 = sigma_k', () => {
    for (const k of [0, 1, 3, 10, 21, 22]) {
      const A = truncatedSvd(f, k);
      const R = M.map((row, r) => row.map((x, c) => x - A[r * 22 + c]));
      const frob2 = R.flat().reduce((s, x) => s + x * x, 0);
      const tail2 = sigma.slice(k).reduce((s, x) => s + x * x, 0);
      expect(Math.abs(frob2 - tail2)).toBeLessThan(1e-12 * sigma[0] ** 2);
      const spectral = singularValues(R)[0];
      expect(Math.abs(spectral - (sigma[k] ?? 0))).toBeLessThan(1e-12 * sigma[0]);
    }
  });

  it('has rank k and beats a random rank-k matrix of the same size', () => {
    const A3 = toRows(truncatedSvd(f, 3), 30, 22);
    const s = singularValues(A3);
    expect(s[2]).toBeGreaterThan(1e-3);
    expect(s[3]).toBeLessThan(1e-12 * s[0]);
    // Any other rank-3 matrix (here the rank-3 truncation of a perturbed M) is further from M.
    const other = truncatedSvd(svd(M.map((row) => row.map((x) => x + 0.05)), { method: 'jacobi' }), 3);
    const dist = (A: Float64Array) => M.flat().reduce((acc, x, i) => acc + (x - A[i]) ** 2, 0);
    expect(dist(truncatedSvd(f, 3))).toBeLessThan(dist(other));
  });

  it('clamps k to [0, p]', () => {
    expect(truncatedSvd(f, -4).every((x) => x === 0)).toBe(true);
    expect(truncatedSvd(f, 99)).toEqual(truncatedSvd(f, 22));
  });
});

describe.each([true, false])('RankReconstruction (SIMD %s)', (simd) => {
  afterEach(() => setSimdEnabled(true));

  it('matches truncatedSvd along a random walk of ranks, including checkpoints and odd steps', () => {
    setSimdEnabled(simd);
    const m = 45, n = 33;
    const data = imageLikeMatrix(m, n, 9);
    const f = svd({ rows: m, cols: n, data }, { method: 'gram' });
    const rec = new RankReconstruction(f);
    expect(rec.maxRank).toBe(33);
    const next = centredRandom(4);
    const ranks = [0, 33, 1, 2, 5, 32, 16, 17, 8, 0, ...Array.from({ length: 25 }, () => Math.floor((next() + 0.5) * 34))];
    for (const k of ranks) {
      const got = rec.setRank(k);
      const want = truncatedSvd(f, k);
      let worst = 0;
      for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) worst = Math.max(worst, Math.abs(got[r * rec.stride + c] - want[r * n + c]));
      // float32 throughout: ~1e-7 relative to pixel values up to 255, a few roundings deep.
      expect(worst).toBeLessThan(1e-3);
      expect(rec.rank).toBe(Math.min(33, k));
    }
    const full = rec.setRank(33);
    for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) expect(Math.abs(full[r * rec.stride + c] - data[r * n + c])).toBeLessThan(1e-3);
  });
});
