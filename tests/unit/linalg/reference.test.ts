import { describe, it, expect } from 'vitest';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { singularValues, svd } from '../../../src/linalg/svd';
import { rank } from '../../../src/linalg/rank';
import { subspaceSimilarity } from '../../../src/linalg/subspace';
import { symmetricEigen } from '../../../src/linalg/symmetric-eigen';
import { seededRandom } from '../../../src/linalg/seeded-random';

/**
 * ml-matrix as the independent reference: an implementation written by other people along another route
 * (Golub-Kahan-Reinsch SVD and the EISPACK-style tred2/tql2 eigen-solver, where src/linalg uses one-sided
 * Jacobi, a Gram eigen-decomposition by divide and conquer, and Householder + divide and conquer). Every
 * property is checked over a thousand seeded random matrices of many shapes (1 to 12 on a side, a few larger),
 * ranks (0 to full, built as products of random factors) and scales (10^-150 to 10^150).
 *
 * Tolerances, all relative to the largest singular value or eigenvalue (both routes are backward stable, so
 * errors scale with it, not with the value compared); in brackets the worst seen over these cases:
 *   Jacobi singular values        |sigma_i - ref_i| <= 1e-14 * max(m, n) * sigma_1      (1.8e-16)
 *   Gram singular values          |sigma_i - ref_i| <= 1e-10 * sigma_1                  (7.2e-15; svd.ts promises
 *                                 only ~sqrt(eps) sigma_1 for values far below sigma_1, as it squares M)
 *   Gram factors                  |M - U S V^T| <= 1e-10 * sigma_1 entry by entry
 *   numeric rank                  equal to the reference's count under the same rule, and to the rank built in
 *   symmetric eigenvalues         |lambda_i - ref_i| <= 1e-14 * n * max|lambda|        (3.1e-16)
 *   subspace similarity phi       |phi - ref| <= 1e-11, where the top-i and top-j subspaces are well defined
 *                                 (a relative gap of at least 1e-4 after sigma_i and sigma_j)   (1.9e-15)
 * src/linalg has no QR decomposition, so none is compared.
 */

const random = seededRandom(20261130);
const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
const whole = (lo: number, hi: number) => Math.floor(uniform(lo, hi + 1));
/** A standard normal (Box-Muller), so products of factors are generic. */
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const gaussianMatrix = (m: number, n: number) => Array.from({ length: m }, () => Array.from({ length: n }, gaussian));

function product(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B[0].map((_, j) => row.reduce((sum, x, t) => sum + x * B[t][j], 0)));
}

interface Case { M: number[][]; m: number; n: number; k: number; scale: number }

/** An m x n matrix of rank k (a product of m x k and k x n Gaussian factors), scaled by 10^e, e in [-150, 150]. */
function randomCase(maxSide: number): Case {
  const m = whole(1, maxSide);
  const n = whole(1, maxSide);
  const k = whole(0, Math.min(m, n));
  const scale = 10 ** uniform(-150, 150);
  const M = k === 0 ? gaussianMatrix(m, n).map((row) => row.map(() => 0)) : product(gaussianMatrix(m, k), gaussianMatrix(k, n));
  return { M: M.map((row) => row.map((x) => x * scale)), m, n, k, scale };
}

/** ml-matrix's singular values, descending (it wants m >= n, so wide matrices go through their transpose). */
const referenceValues = (M: number[][]) => new SingularValueDecomposition(new Matrix(M), { autoTranspose: true }).diagonal;
const referenceRank = (values: number[], m: number, n: number) => values.filter((s) => s > Math.max(m, n) * Number.EPSILON * values[0]).length;

function worstGap(ours: ArrayLike<number>, reference: number[]): number {
  let worst = 0;
  for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(ours[i] - reference[i]));
  return worst;
}

describe('src/linalg against ml-matrix, over a thousand random matrices', () => {
  it('singular values (Jacobi) and numeric rank: 600 matrices up to 12 x 12, rank 0 to full, scale 1e-150 to 1e150', () => {
    let worst = 0;
    for (let t = 0; t < 600; t++) {
      const { M, m, n, k } = randomCase(12);
      const reference = referenceValues(M);
      const ours = singularValues(M);
      expect(ours).toHaveLength(Math.min(m, n));
      const sigma1 = reference[0];
      const gap = worstGap(ours, reference);
      if (sigma1 > 0) worst = Math.max(worst, gap / (Math.max(m, n) * sigma1));
      expect(gap).toBeLessThanOrEqual(1e-14 * Math.max(m, n) * sigma1);
      expect(rank(M)).toBe(referenceRank(reference, m, n));
      expect(rank(M)).toBe(k);
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('singular values (Gram route) and vectors: 60 matrices up to 40 x 40', () => {
    for (let t = 0; t < 60; t++) {
      const { M, m, n } = randomCase(40);
      const reference = referenceValues(M);
      const ours = svd(M, { method: 'gram' });
      expect(worstGap(ours.values, reference)).toBeLessThanOrEqual(1e-10 * reference[0]);
      // And the factors rebuild M: |M - U S V^T| <= 1e-10 sigma_1 entry by entry.
      const p = Math.min(m, n);
      for (let r = 0; r < m; r++) {
        for (let c = 0; c < n; c++) {
          let x = 0;
          for (let i = 0; i < p; i++) x += ours.values[i] * ours.left[i * m + r] * ours.right[i * n + c];
          expect(Math.abs(x - M[r][c])).toBeLessThanOrEqual(1e-10 * reference[0]);
        }
      }
    }
  });

  it('eigenvalues of symmetric matrices: 200, n up to 16, definite and indefinite, scale 1e-150 to 1e150', () => {
    for (let t = 0; t < 200; t++) {
      const n = whole(1, 16);
      const scale = 10 ** uniform(-150, 150);
      const G = gaussianMatrix(n, n);
      // Half R^T R (semidefinite, singular when R has fewer rows than n), half G + G^T (indefinite).
      const sym = t % 2 === 0 ? gram(G.slice(0, whole(1, n)), n) : G.map((row, i) => row.map((x, j) => x + G[j][i]));
      const scaled = sym.map((row) => row.map((x) => x * scale));
      const reference = new EigenvalueDecomposition(new Matrix(scaled), { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => a - b);
      const ours = symmetricEigen(Float64Array.from(scaled.flat()), n);
      const largest = Math.max(...reference.map(Math.abs));
      expect(worstGap(ours.values, reference)).toBeLessThanOrEqual(1e-14 * n * largest);
    }
  });

  it('subspace similarity phi built from ml-matrix right singular vectors: 200 pairs, r up to 8, k up to 24', () => {
    let compared = 0;
    for (let t = 0; t < 200; t++) {
      const k = whole(2, 24);
      const scale = 10 ** uniform(-150, 150);
      const [A1, A2] = [whole(1, 8), whole(1, 8)].map((r) => gaussianMatrix(Math.min(r, k), k).map((row) => row.map((x) => x * scale)));
      const [p1, p2] = [A1.length, A2.length];
      const [i, j] = [whole(1, p1), whole(1, p2)];
      const [ref1, ref2] = [A1, A2].map((A) => new SingularValueDecomposition(new Matrix(A).transpose(), { autoTranspose: true }));
      // A (r x k) transposed is k x r: its left singular vectors are A's right ones, as columns.
      const separated = (values: number[], count: number) => count === values.length || (values[count - 1] - values[count]) / values[0] >= 1e-4;
      if (!separated(ref1.diagonal, i) || !separated(ref2.diagonal, j)) continue;
      const U1 = ref1.leftSingularVectors.subMatrix(0, k - 1, 0, i - 1);
      const U2 = ref2.leftSingularVectors.subMatrix(0, k - 1, 0, j - 1);
      const reference = U1.transpose().mmul(U2).to2DArray().flat().reduce((sum, x) => sum + x * x, 0) / Math.min(i, j);
      expect(Math.abs(subspaceSimilarity(A1, A2, i, j) - reference)).toBeLessThanOrEqual(1e-11);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });
});

/** R^T R for R with n columns: symmetric, positive semidefinite, of rank rows(R). */
function gram(R: number[][], n: number): number[][] {
  return Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => R.reduce((sum, row) => sum + row[a] * row[b], 0)));
}
