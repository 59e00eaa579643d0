import { describe, expect, it } from 'vitest';
import { singularValues, svd, type SvdFactors } from '../../../src/linalg/svd';
import { randomMatrix } from './random-matrix';

const hilbert = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1)));
const frobenius = (M: number[][]) => Math.sqrt(M.flat().reduce((s, x) => s + x * x, 0));

function reconstructionError(M: number[][], f: SvdFactors): number {
  const p = f.values.length;
  let err = 0;
  for (let r = 0; r < f.rows; r++) {
    for (let c = 0; c < f.cols; c++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += f.values[i] * f.left[i * f.rows + r] * f.right[i * f.cols + c];
      err += (s - M[r][c]) ** 2;
    }
  }
  return Math.sqrt(err);
}

/** max |X X^T - I| over the p rows of X (each of length len). */
function orthogonalityDefect(X: Float64Array, p: number, len: number): number {
  let worst = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < len; k++) s += X[i * len + k] * X[j * len + k];
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

// Reference values: numpy 2.4.6, np.linalg.svd(A, compute_uv=False) (LAPACK dgesdd), on this machine.
const SMALL = [[1, 2, 3], [4, 5, 6], [7, 8, 10], [2, -1, 0]];
const SMALL_SIGMA = [17.416621279395486, 2.3111929504997364, 0.5654116692010752];
const WIDE = [[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]];
const WIDE_SIGMA = [13.886606566257582, 3.7632642843642814];
const HILBERT8_SIGMA = [
  1.6959389969219496, 2.981252113169307e-1, 2.6212843578119035e-2, 1.4676881177418473e-3,
  5.4369433697510949e-5, 1.2943320918745527e-6, 1.7988737457436082e-8, 1.1115389793345086e-10,
];

describe('singularValues', () => {
  it('matches LAPACK on fixed matrices, largest first', () => {
    const cases: [number[][], number[]][] = [[SMALL, SMALL_SIGMA], [WIDE, WIDE_SIGMA], [hilbert(8), HILBERT8_SIGMA]];
    for (const [M, expected] of cases) {
      const got = singularValues(M);
      expect(got).toHaveLength(expected.length);
      // dgesdd is accurate to ~eps * sigma_1 in absolute terms, which bounds the agreement of tiny values.
      got.forEach((s, i) => expect(Math.abs(s - expected[i])).toBeLessThanOrEqual(1e-14 * expected[0] + 1e-13 * expected[i]));
    }
  });

  it('handles empty, zero and single-entry matrices', () => {
    expect(singularValues([])).toEqual([]);
    expect(singularValues([[0, 0], [0, 0]])).toEqual([0, 0]);
    expect(singularValues([[-3]])).toEqual([3]);
  });
});

describe.each(['jacobi', 'gram'] as const)('svd, %s route', (method) => {
  it('reconstructs M with orthonormal U and V for tall, wide and square matrices', () => {
    for (const [m, n, seed] of [[40, 25, 1], [25, 40, 2], [33, 33, 3], [70, 1, 4], [1, 9, 5]]) {
      const M = randomMatrix(m, n, seed);
      const f = svd(M, { method });
      const p = Math.min(m, n);
      expect(f.method).toBe(method);
      expect(f.values).toHaveLength(p);
      expect(reconstructionError(M, f)).toBeLessThanOrEqual(1e-10 * frobenius(M));
      expect(orthogonalityDefect(f.left, p, m)).toBeLessThan(1e-10);
      expect(orthogonalityDefect(f.right, p, n)).toBeLessThan(1e-10);
      for (let i = 1; i < p; i++) expect(f.values[i]).toBeLessThanOrEqual(f.values[i - 1]);
    }
  });

  it('matches LAPACK on the fixed matrices', () => {
    for (const [M, expected] of [[SMALL, SMALL_SIGMA], [WIDE, WIDE_SIGMA]] as const) {
      const f = svd(M as number[][], { method });
      Array.from(f.values).forEach((s, i) => expect(Math.abs(s - expected[i]) / expected[i]).toBeLessThan(1e-13));
    }
  });
});

describe('svd routes agree', () => {
  it('gram and jacobi give the same singular values and subspaces on a 150 x 120 matrix', () => {
    const M = randomMatrix(150, 120, 7);
    const fast = svd(M, { method: 'gram' });
    const exact = svd(M, { method: 'jacobi' });
    for (let i = 0; i < 120; i++) expect(Math.abs(fast.values[i] - exact.values[i]) / exact.values[i]).toBeLessThan(1e-12);
    // Singular vectors agree up to sign: |u_i . u'_i| = 1.
    for (let i = 0; i < 120; i += 17) {
      let dot = 0;
      for (let k = 0; k < 120; k++) dot += fast.right[i * 120 + k] * exact.right[i * 120 + k];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-9);
    }
  });

  it('auto picks jacobi for small matrices and gram for large ones', () => {
    expect(svd(randomMatrix(10, 8, 1)).method).toBe('jacobi');
    expect(svd(randomMatrix(100, 80, 1)).method).toBe('gram');
  });

  it('keeps M = sum of layers for a rank-deficient matrix, both routes', () => {
    // Rank 3: product of 60 x 3 and 3 x 45 factors.
    const L = randomMatrix(60, 3, 11), R = randomMatrix(3, 45, 12);
    const M = L.map((row) => R[0].map((_, c) => row.reduce((s, x, k) => s + x * R[k][c], 0)));
    for (const method of ['jacobi', 'gram'] as const) {
      const f = svd(M, { method });
      expect(reconstructionError(M, f)).toBeLessThanOrEqual(1e-10 * frobenius(M));
      expect(f.values[2]).toBeGreaterThan(1e-3);
      // Gram: the zero singular values come back at noise level ~ sqrt(eps) * sigma_1 at worst.
      expect(f.values[3]).toBeLessThan(method === 'jacobi' ? 1e-13 * f.values[0] : 1e-6 * f.values[0]);
    }
    expect(orthogonalityDefect(svd(M, { method: 'jacobi' }).left, 45, 60)).toBeLessThan(1e-10);
  });

  it('reports progress in [0, 1], ending at 1', () => {
    const seen: number[] = [];
    svd(randomMatrix(90, 70, 3), { method: 'gram', onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('handles the empty matrix', () => {
    expect(svd([]).values).toHaveLength(0);
  });

  it('gram route: the accuracy cost of squaring the condition number, on singular values 1 .. 1e-12', () => {
    // M = U diag(sigma) V^T with known sigma_i = 10^(-i/4) and orthonormal U, V.
    const m = 80, n = 50;
    const U = svd(randomMatrix(m, n, 1), { method: 'jacobi' }).left;
    const V = svd(randomMatrix(n, n, 2), { method: 'jacobi' }).right;
    const sigma = Array.from({ length: n }, (_, i) => 10 ** (-i / 4));
    const M = Array.from({ length: m }, (_, r) => Array.from({ length: n }, (_, c) => sigma.reduce((s, x, i) => s + x * U[i * m + r] * V[i * n + c], 0)));
    const gram = svd(M, { method: 'gram' });
    const jacobi = svd(M, { method: 'jacobi' });
    for (let i = 0; i < n; i++) {
      if (sigma[i] >= 1e-5) expect(Math.abs(gram.values[i] - sigma[i]) / sigma[i]).toBeLessThan(1e-12);
      else expect(gram.values[i]).toBeLessThan(Math.max(2 * sigma[i], Math.sqrt(Number.EPSILON))); // noise floor
      if (sigma[i] >= 1e-9) expect(Math.abs(jacobi.values[i] - sigma[i]) / sigma[i]).toBeLessThan(1e-5);
    }
    // V (from the eigensolver) stays orthonormal; the U vectors paired with noise-level values do not,
    // but sigma_i u_i = M v_i keeps the sum of layers exact.
    expect(orthogonalityDefect(gram.right, n, n)).toBeLessThan(1e-13);
    expect(orthogonalityDefect(gram.left, n, m)).toBeGreaterThan(1e-3);
    expect(orthogonalityDefect(gram.left, 12, m)).toBeLessThan(1e-9); // down to sigma = 1e-3: ~eps (sigma_1 / sigma)^2
    expect(reconstructionError(M, gram)).toBeLessThan(1e-13);
  });
});
