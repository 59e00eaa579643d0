/**
 * A dense matrix stored row-major in one Float64Array: entry (i, j) is data[i * cols + j].
 * Flat typed arrays are what the fast SVD kernels work on; number[][] is what lessons and tests write.
 */
export interface FlatMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function flatFromRows(M: readonly (readonly number[])[]): FlatMatrix {
  const rows = M.length;
  const cols = rows === 0 ? 0 : M[0].length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    if (M[i].length !== cols) throw new RangeError(`row ${i} has ${M[i].length} entries, expected ${cols}`);
    data.set(M[i], i * cols);
  }
  return { rows, cols, data };
}

/** The first A.rows rows of A.data as arrays (data may run on: a layer-major factor's top rows). */
export function rowsFromFlat(A: FlatMatrix): number[][] {
  return Array.from({ length: A.rows }, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
}

export function transposeFlat(A: FlatMatrix): FlatMatrix {
  return { rows: A.cols, cols: A.rows, data: transposeInto(A, new Float64Array(A.rows * A.cols)) };
}

/** A^T written into `out` (cols x rows, row-major); returns out. */
export function transposeInto(A: FlatMatrix, out: Float64Array): Float64Array {
  const { rows, cols, data } = A;
  // Blocked so both the reads and the writes stay within a few cache lines at a time.
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(rows, i0 + B);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(cols, j0 + B);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) out[j * rows + i] = data[i * cols + j];
      }
    }
  }
  return out;
}
