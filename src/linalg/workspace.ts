import { block } from './block';
import { matrixVectorJs, multiplyTransposedJs } from './js-kernels';
import { instantiateSimd, type SimdInstance } from './simd-kernels';

/**
 * One flat Float64Array that a routine keeps its working matrices in, with the two kernels bound to it.
 * Backed by WebAssembly memory when SIMD loads (the kernels then run on it with no copies), else by a plain
 * array with the JS kernels. Offsets are in doubles. The SIMD kernels need m % 4 == 0 and n, k, cols even,
 * so callers lay matrices out with zero padding; the JS kernels accept any sizes.
 */
export interface Workspace {
  f64: Float64Array;
  /** The same memory as float32 (offsets in floats), for multiplyF32. */
  f32: Float32Array;
  simd: boolean;
  /** C += alpha A B^T (A m x k, B n x k, C m x n) on blocks at the given offsets and row strides. */
  multiply(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, alpha: number): void;
  /** multiply in float32 on the f32 view; the SIMD version needs k a multiple of 4. */
  multiplyF32(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, alpha: number): void;
  /** y[i] = sum_j A[i][j] x[j] for i < rows, j < cols. */
  matrixVector(rows: number, cols: number, a: number, lda: number, x: number, y: number): void;
}

/**
 * Two cached SIMD memories: 'resident' for a routine that keeps its matrix in the workspace throughout
 * (tridiagonalisation, back-transformation; never nested), 'scratch' for one-off products that copy their
 * operands in. Reusing them avoids a fresh multi-megabyte WebAssembly memory (and its garbage) per call.
 */
export type WorkspacePurpose = 'resident' | 'scratch';

const cache: Record<WorkspacePurpose, SimdInstance | null | undefined> = { resident: undefined, scratch: undefined };
let simdDisabled = false;

/** For tests and benchmarks: force the plain-JS kernels everywhere. */
export function setSimdEnabled(enabled: boolean): void {
  simdDisabled = !enabled;
}

export function simdAvailable(): boolean {
  return !simdDisabled && instance('scratch', 0) !== null;
}

function instance(purpose: WorkspacePurpose, doubles: number): SimdInstance | null {
  if (cache[purpose] === undefined) cache[purpose] = instantiateSimd();
  const inst = cache[purpose];
  if (!inst) return null;
  const have = inst.memory.buffer.byteLength;
  if (doubles * 8 > have) inst.memory.grow(Math.ceil((doubles * 8 - have) / 65536));
  return inst;
}

/**
 * A cached workspace of at least `doubles` entries, all zero unless `zeroed` is false (then the caller
 * writes every entry it reads); valid until the next acquire of that purpose.
 */
export function acquireWorkspace(doubles: number, purpose: WorkspacePurpose, zeroed = true): Workspace {
  return bind(simdDisabled ? null : instance(purpose, doubles), doubles, zeroed);
}

/**
 * Grows a cached workspace to `doubles` entries now. Growing WebAssembly memory makes V8 drop optimised code
 * that reads typed arrays, so a worker reserves the size its largest job needs before it warms up.
 */
export function reserveWorkspace(doubles: number, purpose: WorkspacePurpose): void {
  if (!simdDisabled) instance(purpose, doubles);
}

/** A workspace of its own (not cached), for data that must outlive other computations, e.g. a slider's layers. */
export function createWorkspace(doubles: number): Workspace {
  let inst: SimdInstance | null = null;
  if (!simdDisabled) {
    inst = instantiateSimd();
    if (inst && doubles * 8 > inst.memory.buffer.byteLength) {
      inst.memory.grow(Math.ceil((doubles * 8 - inst.memory.buffer.byteLength) / 65536));
    }
  }
  return bind(inst, doubles, true);
}

function bind(inst: SimdInstance | null, doubles: number, zeroed: boolean): Workspace {
  if (inst) {
    const f64 = new Float64Array(inst.memory.buffer);
    if (zeroed) f64.fill(0, 0, doubles);
    return {
      f64,
      f32: new Float32Array(inst.memory.buffer),
      simd: true,
      multiply: (m, n, k, a, lda, b, ldb, c, ldc, alpha) => inst.multiply(m, n, k, a * 8, lda, b * 8, ldb, c * 8, ldc, alpha),
      multiplyF32: (m, n, k, a, lda, b, ldb, c, ldc, alpha) => inst.multiplyF32(m, n, k, a * 4, lda, b * 4, ldb, c * 4, ldc, alpha),
      matrixVector: (rows, cols, a, lda, x, y) => inst.matrixVector(rows, cols, a * 8, lda, x * 8, y * 8),
    };
  }
  const f64 = new Float64Array(doubles); // fresh, so zero
  const f32 = new Float32Array(f64.buffer);
  return {
    f64,
    f32,
    simd: false,
    multiply: (m, n, k, a, lda, b, ldb, c, ldc, alpha) =>
      multiplyTransposedJs(m, n, k, block(f64, a, lda), block(f64, b, ldb), block(f64, c, ldc), alpha, true),
    multiplyF32: (m, n, k, a, lda, b, ldb, c, ldc, alpha) =>
      multiplyTransposedJs(m, n, k, block(f32, a, lda), block(f32, b, ldb), block(f32, c, ldc), alpha, true),
    matrixVector: (rows, cols, a, lda, x, y) => matrixVectorJs(rows, cols, block(f64, a, lda), f64, x, f64, y),
  };
}
