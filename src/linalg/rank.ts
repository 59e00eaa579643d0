import { singularValues } from './svd';

/**
 * Numeric rank: the number of singular values above max(m, n) * eps * sigma_max, numpy's default
 * tolerance. Scaling M scales every sigma and the tolerance alike, so the answer is scale-invariant.
 */
export function rank(M: number[][]): number {
  const m = M.length;
  const n = m === 0 ? 0 : M[0].length;
  if (m === 0 || n === 0) return 0;
  const sigma = singularValues(M);
  const tolerance = rankTolerance(m, n, sigma[0]);
  return sigma.filter((s) => s > tolerance).length;
}

/** The threshold rank() counts singular values above, for an m x n matrix whose largest is sigmaMax. */
export function rankTolerance(m: number, n: number, sigmaMax: number): number {
  return Math.max(m, n) * Number.EPSILON * sigmaMax;
}
