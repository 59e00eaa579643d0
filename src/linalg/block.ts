export type FloatArray = Float64Array | Float32Array;

/** Strided view of a row-major block: entry (i, j) is data[offset + i * stride + j]. */
export interface Block {
  data: FloatArray;
  offset: number;
  stride: number;
}

export const block = (data: FloatArray, offset: number, stride: number): Block => ({ data, offset, stride });
