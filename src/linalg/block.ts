/** Strided view of a row-major block: entry (i, j) is data[offset + i * stride + j]. */
export interface Block {
  data: Float64Array;
  offset: number;
  stride: number;
}

export const block = (data: Float64Array, offset: number, stride: number): Block => ({ data, offset, stride });
