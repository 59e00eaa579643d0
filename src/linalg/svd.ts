import { block, gramOfRows, multiplyTransposed } from './dense-kernels';
import { flatFromRows, transposeInto, type FlatMatrix } from './flat-matrix';
import { scratchArray } from './scratch-arrays';
import { jacobiSvd, rowsByNorm } from './jacobi-svd';
import { symmetricEigen } from './symmetric-eigen';
import { tridiagonalWorkspaceSize } from './householder-tridiagonal';
import { reserveWorkspace } from './workspace';

/**
 * Thin SVD M = U diag(values) V^T of an m x n matrix, p = min(m, n).
 * Vectors are stored as rows ("layer-major"), because a rank-k image is the sum of k layers
 * values[i] * left_i right_i^T and each layer is read as two contiguous rows.
 */
export interface SvdFactors {
  rows: number; // m
  cols: number; // n
  values: Float64Array; // p singular values, descending
  left: Float64Array; // p x m, row i = u_i
  right: Float64Array; // p x n, row i = v_i
  method: SvdMethod;
}

/**
 * 'gram': eigen-decomposition of the smaller Gram matrix (M^T M or M M^T: blocked Householder
 *   tridiagonalisation, divide and conquer, WebAssembly SIMD products), then the other side as M v_i / sigma_i.
 *   ~110 ms for a 512 x 512 channel, ~1.3x numpy/LAPACK (ml-matrix takes ~4 s); what the image widget uses.
 *   Squaring the matrix squares its condition number: sigma_i is accurate to ~1e-12 relative while
 *   sigma_i >= 1e-5 sigma_1 (photos' top 100 match LAPACK to ~3e-15), values below ~1e-7 sigma_1 are
 *   noise under sqrt(eps) sigma_1, and the u_i paired with such values are unit but not orthogonal to the
 *   rest (sigma_i u_i = M v_i still holds and V stays orthonormal, so sums of layers remain exact).
 * 'jacobi': one-sided Jacobi, accurate to ulps for every singular value and vector; O(n^3) per sweep.
 * 'auto': jacobi when min(m, n) <= 64, else gram.
 */
export type SvdMethod = 'gram' | 'jacobi';

export interface SvdOptions {
  method?: SvdMethod | 'auto';
  /** Called with a fraction in [0, 1] between stages; the worker forwards it as progress. */
  onProgress?: (fraction: number) => void;
}

const AUTO_JACOBI_LIMIT = 64;

export function svd(M: FlatMatrix | number[][], options: SvdOptions = {}): SvdFactors {
  const A = Array.isArray(M) ? flatFromRows(M) : M;
  const method = options.method ?? 'auto';
  if (A.rows === 0 || A.cols === 0) {
    return { rows: A.rows, cols: A.cols, values: new Float64Array(0), left: new Float64Array(0), right: new Float64Array(0), method: 'jacobi' };
  }
  const useJacobi = method === 'jacobi' || (method === 'auto' && Math.min(A.rows, A.cols) <= AUTO_JACOBI_LIMIT);
  const result = useJacobi ? jacobiSvd(A) : gramSvd(A, options.onProgress);
  options.onProgress?.(1);
  return result;
}

/** Singular values of M, largest first (accurate route: the rank test depends on the smallest ones). */
export function singularValues(M: number[][]): number[] {
  if (M.length === 0 || M[0].length === 0) return [];
  return Array.from(jacobiSvd(flatFromRows(M)).values);
}

/**
 * The fast route. With M tall (m >= n): G = M^T M = W diag(lambda) W^T, right vectors v_i = w_i, and
 * M v_i = sigma_i u_i gives both sigma_i = |M v_i| (more accurate than sqrt(lambda_i)) and u_i.
 * A wide M is handled through M M^T the same way with the sides swapped.
 */
export function gramSvd(M: FlatMatrix, onProgress?: (fraction: number) => void): SvdFactors {
  const { rows: m, cols: n } = M;
  const tall = m >= n;
  const p = Math.min(m, n), q = Math.max(m, n);
  // Rows of X are the vectors whose Gram matrix is taken: columns of M when tall, rows when wide.
  const Mt = { rows: n, cols: m, data: transposeInto(M, scratchArray('gramSvd.transpose', m * n)) };
  const X = tall ? Mt : M; // p x q
  const Y = tall ? M : Mt; // q x p: rows dotted with eigenvectors give the other side
  const G = gramOfRows(X.data, p, q, scratchArray('gramSvd.gram', p * p));
  onProgress?.(0.1);
  const eigen = symmetricEigen(G, p, onProgress && ((f) => onProgress(0.1 + 0.65 * f)));
  // Other side, scaled: S[j][r] = sum_l W[j][l] Y[r][l] = sigma_j * (other singular vector j)[r].
  const scaled = scratchArray('gramSvd.scaled', p * q);
  multiplyTransposed(p, q, p, block(eigen.vectors, 0, p), block(Y.data, 0, p), block(scaled, 0, q));
  onProgress?.(0.95);

  const { norms, order } = rowsByNorm(scaled, p, q);
  const values = new Float64Array(p);
  const short = new Float64Array(p * p);
  const long = new Float64Array(p * q);
  order.forEach((from, to) => {
    const sigma = norms[from];
    values[to] = sigma;
    short.set(eigen.vectors.subarray(from * p, from * p + p), to * p);
    if (sigma > 0) {
      const inv = 1 / sigma;
      for (let r = 0; r < q; r++) long[to * q + r] = scaled[from * q + r] * inv;
    }
  });
  return tall
    ? { rows: m, cols: n, values, left: long, right: short, method: 'gram' }
    : { rows: m, cols: n, values, left: short, right: long, method: 'gram' };
}

/**
 * Runs the fast route on a small matrix so that V8 has optimised its JS and tiered up the WebAssembly kernels
 * before a real image arrives (a cold first 512 x 512 decomposition is ~2x slower than later ones). First it
 * reserves the workspaces a `largest` x `largest` matrix needs: growing them later would throw away what the
 * warm-up optimised. A worker calls it at start-up, while the page is still fetching the image.
 */
export function warmUpSvd(rounds = 3, largest = 512): void {
  reserveWorkspace(3 * largest * largest, 'scratch'); // gramSvd's last product: two p x p operands and p x p out
  reserveWorkspace(tridiagonalWorkspaceSize(largest), 'resident');
  const m = 160, n = 136;
  const data = new Float64Array(m * n);
  for (let i = 0; i < data.length; i++) data[i] = (Math.imul(i + 1, 2654435761) >>> 24) + (i % n);
  for (let round = 0; round < rounds; round++) gramSvd({ rows: m, cols: n, data });
}
