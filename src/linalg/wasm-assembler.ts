/**
 * Just enough of the WebAssembly binary format to assemble a few numeric kernels at load time, so the
 * repository ships readable source instead of an opaque .wasm blob and needs no compiler toolchain.
 * Opcodes follow the WebAssembly core spec (2.0, with the fixed-width SIMD proposal).
 */
export type Bytes = number[];

export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

export function uleb(value: number): Bytes {
  const out: Bytes = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(value: number): Bytes {
  const out: Bytes = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const name = (s: string): Bytes => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: Bytes): Bytes => [id, ...uleb(body.length), ...body];

/** Instructions, each as its byte encoding. Memory accesses use offset 0 and the natural alignment hint. */
export const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (v: number) => [0x41, ...sleb(v)],
  i32Add: [0x6a], i32Mul: [0x6c], i32Shl: [0x74], i32And: [0x71],
  i32GtU: [0x4b], i32GeU: [0x4f],
  block: [0x02, 0x40], loop: [0x03, 0x40], end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  f64Load: [0x2b, 3, 0], f64Store: [0x39, 3, 0], f64Add: [0xa0], f64Mul: [0xa2],
  f32Load: [0x2a, 2, 0], f32Store: [0x38, 2, 0], f32Add: [0x92], f32Mul: [0x94],
  v128Load: [0xfd, 0x00, 4, 0], v128Store: [0xfd, 0x0b, 4, 0],
  v128Zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f64x2Splat: [0xfd, 0x14],
  f64x2ExtractLane: (lane: number) => [0xfd, 0x21, lane],
  f64x2Add: [0xfd, 0xf0, 0x01], f64x2Sub: [0xfd, 0xf1, 0x01], f64x2Mul: [0xfd, 0xf2, 0x01],
  f32x4ExtractLane: (lane: number) => [0xfd, 0x1f, lane],
  f32x4Add: [0xfd, 0xe4, 0x01], f32x4Mul: [0xfd, 0xe6, 0x01],
} satisfies Record<string, Bytes | ((...args: number[]) => Bytes)>;

export interface FunctionSpec {
  exportName: string;
  params: number[]; // value types; results are always none
  locals: number[]; // value types of the extra locals, in index order after the params
  body: Bytes; // instructions, without the final `end`
}

/** A module importing `env.memory` and exporting the given functions. */
export function assembleModule(functions: FunctionSpec[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...uleb(f.params.length), ...f.params, 0]);
  const codes = functions.map((f) => {
    // Locals are declared as runs of (count, type).
    const runs: [number, number][] = [];
    for (const type of f.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const code = [...uleb(runs.length), ...runs.flatMap(([count, type]) => [...uleb(count), type]), ...f.body, ...op.end];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [...uleb(types.length), ...types.flat()]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [...uleb(functions.length), ...functions.map((_, i) => uleb(i)).flat()]),
    ...section(7, [...uleb(functions.length), ...functions.map((f, i) => [...name(f.exportName), 0x00, ...uleb(i)]).flat()]),
    ...section(10, [...uleb(codes.length), ...codes.flat()]),
  ]);
}
