import { block, type Block } from './block';
import { multiplyTransposedJs } from './js-kernels';
import { acquireWorkspace, simdAvailable } from './workspace';

export { block, type Block };

/**
 * Dense products on arbitrary Float64Arrays: the level-3 work of the fast SVD. Every product is written as
 * rows of A dotted with rows of B (C = A B^T), which keeps both operands streaming through contiguous memory.
 * Large products copy their operands into a WebAssembly SIMD workspace (~4x faster than the best JS kernel,
 * copies included); small ones, or all of them where SIMD is unavailable, run the JS kernel.
 */

/**
 * C (m x n) = alpha * A (m x k) * B (n x k)^T, plus C itself when accumulate is true.
 * Rows of A and rows of B are dotted together; C may not alias A or B.
 */
export function multiplyTransposed(
  m: number, n: number, k: number,
  A: Block, B: Block, C: Block,
  alpha = 1, accumulate = false,
): void {
  if (m * n * k >= SIMD_THRESHOLD && simdAvailable()) multiplyBySimdCopy(m, n, k, A, B, C, alpha, accumulate);
  else multiplyTransposedJs(m, n, k, A, B, C, alpha, accumulate);
}

/** Below this many multiply-adds the copies into WebAssembly memory cost more than they save. */
const SIMD_THRESHOLD = 1 << 14;

/** Operands copied into the scratch workspace, zero-padded to whole kernel blocks; C copied back. */
function multiplyBySimdCopy(m: number, n: number, k: number, A: Block, B: Block, C: Block, alpha: number, accumulate: boolean): void {
  const mp = (m + 3) & ~3, np = (n + 1) & ~1, kp = (k + 1) & ~1;
  const aAt = 0, bAt = mp * kp, cAt = bAt + np * kp;
  const ws = acquireWorkspace(cAt + mp * np, 'scratch', false);
  const f = ws.f64;
  copyPadded(A, m, k, f, aAt, mp, kp);
  copyPadded(B, n, k, f, bAt, np, kp);
  if (accumulate) copyPadded(C, m, n, f, cAt, mp, np);
  else f.fill(0, cAt, cAt + mp * np);
  ws.multiply(mp, np, kp, aAt, kp, bAt, kp, cAt, np, alpha);
  for (let i = 0; i < m; i++) C.data.set(f.subarray(cAt + i * np, cAt + i * np + n), C.offset + i * C.stride);
}

/** rows x cols block into f at `at` as paddedRows x paddedCols, the padding zeroed. */
function copyPadded(src: Block, rows: number, cols: number, f: Float64Array, at: number, paddedRows: number, paddedCols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = src.offset + i * src.stride, d = at + i * paddedCols;
    f.set(src.data.subarray(o, o + cols), d);
    if (paddedCols > cols) f.fill(0, d + cols, d + paddedCols);
  }
  f.fill(0, at + rows * paddedCols, at + paddedRows * paddedCols);
}

/**
 * Gram matrix of the rows of X (r x k): G (r x r) with G[i][j] = x_i . x_j. Only the blocks on and above
 * the diagonal are computed (half the work), then mirrored. G may be passed in (r * r entries, overwritten).
 */
export function gramOfRows(X: Float64Array, r: number, k: number, G: Float64Array = new Float64Array(r * r)): Float64Array {
  const strip = 32;
  for (let i0 = 0; i0 < r; i0 += strip) {
    const h = Math.min(strip, r - i0);
    multiplyTransposed(h, r - i0, k, block(X, i0 * k, k), block(X, i0 * k, k), block(G, i0 * r + i0, r));
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < i; j++) G[i * r + j] = G[j * r + i];
  }
  return G;
}
