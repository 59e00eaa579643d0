import type { Block, FloatArray } from './block';

/** Plain-JS versions of the kernels in simd-kernels.ts, with the same contracts but no size restrictions. */

/**
 * C (m x n) = alpha * A (m x k) * B (n x k)^T, plus C itself when accumulate is true: rows of A dotted with
 * rows of B, a 4 x 2 block of C held in registers while the shared dimension is swept (~2.2 G
 * multiply-adds/s on V8, ~4x a naive triple loop). The fallback wherever WebAssembly SIMD is unavailable.
 */
export function multiplyTransposedJs(
  m: number, n: number, k: number,
  A: Block, B: Block, C: Block,
  alpha = 1, accumulate = false,
): void {
  const a = A.data, b = B.data, c = C.data;
  const lda = A.stride, ldb = B.stride, ldc = C.stride;
  const m4 = m - (m % 4), n2 = n - (n % 2);
  for (let i = 0; i < m; i += 4) {
    const rowsHere = i < m4 ? 4 : m - i;
    for (let j = 0; j < n; j += 2) {
      const colsHere = j < n2 ? 2 : n - j;
      if (rowsHere === 4 && colsHere === 2) {
        const a0 = A.offset + i * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        const b0 = B.offset + j * ldb, b1 = b0 + ldb;
        let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
        for (let l = 0; l < k; l++) {
          const x0 = b[b0 + l], x1 = b[b1 + l];
          const y0 = a[a0 + l], y1 = a[a1 + l], y2 = a[a2 + l], y3 = a[a3 + l];
          c00 += y0 * x0; c01 += y0 * x1;
          c10 += y1 * x0; c11 += y1 * x1;
          c20 += y2 * x0; c21 += y2 * x1;
          c30 += y3 * x0; c31 += y3 * x1;
        }
        let o = C.offset + i * ldc + j;
        if (accumulate) {
          c[o] += alpha * c00; c[o + 1] += alpha * c01; o += ldc;
          c[o] += alpha * c10; c[o + 1] += alpha * c11; o += ldc;
          c[o] += alpha * c20; c[o + 1] += alpha * c21; o += ldc;
          c[o] += alpha * c30; c[o + 1] += alpha * c31;
        } else {
          c[o] = alpha * c00; c[o + 1] = alpha * c01; o += ldc;
          c[o] = alpha * c10; c[o + 1] = alpha * c11; o += ldc;
          c[o] = alpha * c20; c[o + 1] = alpha * c21; o += ldc;
          c[o] = alpha * c30; c[o + 1] = alpha * c31;
        }
      } else {
        // Edge of C: plain dot products.
        for (let ii = i; ii < i + rowsHere; ii++) {
          const ai = A.offset + ii * lda;
          for (let jj = j; jj < j + colsHere; jj++) {
            const bj = B.offset + jj * ldb;
            let s = 0;
            for (let l = 0; l < k; l++) s += a[ai + l] * b[bj + l];
            const o = C.offset + ii * ldc + jj;
            c[o] = accumulate ? c[o] + alpha * s : alpha * s;
          }
        }
      }
    }
  }
}

/** y[i] = sum_j A[i][j] x[j] for i < rows, j < cols; four rows at a time so each x[j] serves four products. */
export function matrixVectorJs(rows: number, cols: number, A: Block, x: FloatArray, xAt: number, y: FloatArray, yAt: number): void {
  const a = A.data, ld = A.stride;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const r0 = A.offset + i * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < cols; j++) {
      const xj = x[xAt + j];
      s0 += a[r0 + j] * xj;
      s1 += a[r1 + j] * xj;
      s2 += a[r2 + j] * xj;
      s3 += a[r3 + j] * xj;
    }
    y[yAt + i] = s0; y[yAt + i + 1] = s1; y[yAt + i + 2] = s2; y[yAt + i + 3] = s3;
  }
  for (; i < rows; i++) {
    const r = A.offset + i * ld;
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[r + j] * x[xAt + j];
    y[yAt + i] = s;
  }
}
