import { afterEach, describe, expect, it } from 'vitest';
import { applyTridiagonalQ } from '../../../src/linalg/householder-back-transform';
import { tridiagonalize } from '../../../src/linalg/householder-tridiagonal';
import { solveRankOneUpdate } from '../../../src/linalg/secular-equation';
import { symmetricEigen } from '../../../src/linalg/symmetric-eigen';
import { tridiagonalEigen } from '../../../src/linalg/tridiagonal-eigen';
import { tridiagonalQl } from '../../../src/linalg/tridiagonal-ql';
import { setSimdEnabled } from '../../../src/linalg/workspace';
import { centredRandom } from './random-matrix';

function randomSymmetric(n: number, seed: number): Float64Array {
  const next = centredRandom(seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = next();
  return A;
}

/** max over j of |A v_j - lambda_j v_j| / ||A||_max, and max |V V^T - I|, for rows v_j. */
function eigenDefects(A: (i: number, j: number) => number, n: number, values: Float64Array, V: Float64Array) {
  let norm = 0, residual = 0, orth = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) norm = Math.max(norm, Math.abs(A(i, j)));
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A(i, k) * V[j * n + k];
      residual = Math.max(residual, Math.abs(s - values[j] * V[j * n + i]));
    }
    for (let i = 0; i <= j; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += V[i * n + k] * V[j * n + k];
      orth = Math.max(orth, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return { residual: residual / (norm || 1), orth };
}

const tridiagonal = (d: ArrayLike<number>, e: ArrayLike<number>) => (i: number, j: number) =>
  i === j ? d[i] : Math.abs(i - j) === 1 ? e[Math.min(i, j)] : 0;

const ascending = (x: Float64Array) => x.every((v, i) => i === 0 || v >= x[i - 1]);

describe('tridiagonalEigen (divide and conquer)', () => {
  const cases: [string, Float64Array, Float64Array][] = [];
  const rnd = centredRandom(1);
  for (const n of [1, 2, 31, 33, 100, 257]) cases.push([`random ${n}`, Float64Array.from({ length: n }, rnd), Float64Array.from({ length: n - 1 }, rnd)]);
  // Wilkinson W+ (pairs of nearly equal eigenvalues), the constant [1 2 1] Toeplitz (no deflation at all),
  // a diagonal matrix (everything deflates), and a graded one spanning 12 orders of magnitude.
  cases.push(['wilkinson 101', Float64Array.from({ length: 101 }, (_, i) => Math.abs(i - 50)), new Float64Array(100).fill(1)]);
  cases.push(['toeplitz 150', new Float64Array(150).fill(2), new Float64Array(149).fill(1)]);
  cases.push(['diagonal 90', Float64Array.from({ length: 90 }, (_, i) => (i * 37) % 11), new Float64Array(89)]);
  cases.push(['graded 120', Float64Array.from({ length: 120 }, (_, i) => 10 ** (-i / 10)), Float64Array.from({ length: 119 }, (_, i) => 1e-3 * 10 ** (-i / 10))]);
  cases.push(['repeated 80', new Float64Array(80).fill(3), Float64Array.from({ length: 79 }, (_, i) => (i % 10 === 9 ? 0 : 1e-9))]);

  it.each(cases)('%s: small residuals, orthonormal vectors, ascending values equal to QL\'s', (_, d, e) => {
    const n = d.length;
    const { values, vectors } = tridiagonalEigen(d, e);
    const { residual, orth } = eigenDefects(tridiagonal(d, e), n, values, vectors);
    expect(residual).toBeLessThan(1e-13);
    expect(orth).toBeLessThan(1e-13);
    expect(ascending(values)).toBe(true);
    const ql = tridiagonalQl(d, e);
    const scale = Math.max(...Array.from(ql, Math.abs), 1e-300);
    values.forEach((v, i) => expect(Math.abs(v - ql[i])).toBeLessThan(1e-13 * scale));
  });

  it('gives the exact spectrum of the Toeplitz matrix: 2 + 2 cos(k pi / (n + 1))', () => {
    const n = 150;
    const { values } = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(1));
    const exact = Array.from({ length: n }, (_, k) => 2 + 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((a, b) => a - b);
    values.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThan(1e-13));
  });
});

describe('solveRankOneUpdate (secular equation)', () => {
  it('finds interlacing eigenvalues of D + rho z z^T with orthonormal vectors, even with roots hugging poles', () => {
    const d = Float64Array.from([-3, -1, 0, 1e-9, 2, 2 + 1e-7, 5]);
    const z = Float64Array.from([0.5, 0.3, 1e-6, 0.4, 0.5, 0.2, 0.45]);
    const norm = Math.hypot(...z);
    z.forEach((x, i) => (z[i] = x / norm));
    const rho = 1.7;
    const { values, vectors } = solveRankOneUpdate(d, z, rho);
    const K = d.length;
    for (let j = 0; j < K; j++) {
      expect(values[j]).toBeGreaterThan(d[j]);
      expect(values[j]).toBeLessThan(j + 1 < K ? d[j + 1] : d[K - 1] + rho);
    }
    const A = (i: number, j: number) => (i === j ? d[i] : 0) + rho * z[i] * z[j];
    const { residual, orth } = eigenDefects(A, K, values, vectors);
    expect(residual).toBeLessThan(1e-14);
    expect(orth).toBeLessThan(1e-14);
  });
});

describe.each([true, false])('symmetricEigen (SIMD %s)', (simd) => {
  afterEach(() => setSimdEnabled(true));

  it.each([5, 64, 97, 130])('n = %i: A v = lambda v with orthonormal v', (n) => {
    setSimdEnabled(simd);
    const A = randomSymmetric(n, n);
    const A0 = A.slice();
    const { values, vectors } = symmetricEigen(A, n);
    const { residual, orth } = eigenDefects((i, j) => A0[i * n + j], n, values, vectors);
    expect(residual).toBeLessThan(1e-13);
    expect(orth).toBeLessThan(1e-13);
    expect(ascending(values)).toBe(true);
    // Trace and Frobenius norm are invariants.
    let trace = 0, frob = 0;
    for (let i = 0; i < n; i++) trace += A0[i * n + i];
    for (const x of A0) frob += x * x;
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 11);
    expect(values.reduce((s, x) => s + x * x, 0)).toBeCloseTo(frob, 11);
  });

  it('tridiagonalize and applyTridiagonalQ reproduce A = Q T Q^T', () => {
    setSimdEnabled(simd);
    const n = 75;
    const A = randomSymmetric(n, 3);
    const A0 = A.slice();
    const tri = tridiagonalize(A, n, undefined, 8); // small panels: several of them, the last one partial
    const Qt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Qt[i * n + i] = 1;
    applyTridiagonalQ(tri, Qt, n, 6); // rows of Qt become rows of Q^T
    const T = tridiagonal(tri.diagonal, tri.offDiagonal);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) for (const l of [k - 1, k, k + 1]) if (l >= 0 && l < n) s += Qt[k * n + i] * T(k, l) * Qt[l * n + j];
        worst = Math.max(worst, Math.abs(s - A0[i * n + j]));
      }
    }
    expect(worst).toBeLessThan(1e-14 * n);
  });
});
