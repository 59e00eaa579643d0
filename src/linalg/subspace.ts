import { rowsFromFlat } from './flat-matrix';
import { svd } from './svd';

/**
 * The top `count` right singular vectors of A (r x k), as `count` rows of length k, largest singular value
 * first. These span the directions in R^k that A's rows use most: the "subspace" a LoRA factor A spans.
 */
export function topRightSingularVectors(A: number[][], count: number): number[][] {
  const { right, cols } = svd(A); // right: p rows of length k, in descending order of singular value
  return rowsFromFlat({ rows: count, cols, data: right });
}

/**
 * The LoRA paper's normalised subspace similarity (Hu et al. 2021, section 7.2):
 *   phi(A1, A2, i, j) = ||U1_i^T U2_j||_F^2 / min(i, j)
 * where U1_i holds the top-i right singular vectors of A1 (r1 x k) and U2_j the top-j of A2 (r2 x k).
 * phi is 1 when one subspace contains the other and 0 when they are orthogonal; for random subspaces of R^k
 * it is about max(i, j) / k.
 */
export function subspaceSimilarity(A1: number[][], A2: number[][], i: number, j: number): number {
  const k = A1[0]?.length ?? 0;
  if (k === 0 || (A2[0]?.length ?? 0) !== k) {
    throw new RangeError(`A1 and A2 need the same, non-zero number of columns (here ${k} and ${A2[0]?.length ?? 0}).`);
  }
  const p1 = Math.min(A1.length, k);
  const p2 = Math.min(A2.length, k);
  if (!Number.isInteger(i) || i < 1 || i > p1) throw new RangeError(`i must be a whole number from 1 to ${p1}.`);
  if (!Number.isInteger(j) || j < 1 || j > p2) throw new RangeError(`j must be a whole number from 1 to ${p2}.`);
  const sum = squaredOverlap(topRightSingularVectors(A1, i), topRightSingularVectors(A2, j));
  // Rounding can push an exact 1 a few ulps above; phi is a squared cosine sum, so clamp to [0, 1].
  return Math.min(1, Math.max(0, sum / Math.min(i, j)));
}

/**
 * ||U^T V||_F^2 with the vectors of U and V (all of one length) as columns: the sum of (u . v)^2 over every
 * pair. For orthonormal U and V it is the sum of squared cosines between the two subspaces.
 */
export function squaredOverlap(U: readonly number[][], V: readonly number[][]): number {
  let sum = 0;
  for (const u of U) {
    for (const v of V) {
      let dot = 0;
      for (let t = 0; t < u.length; t++) dot += u[t] * v[t];
      sum += dot * dot;
    }
  }
  return sum;
}
