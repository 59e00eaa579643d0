import { assembleModule, F32, F64, I32, op, V128, type Bytes } from './wasm-assembler';

/**
 * The kernels in WebAssembly SIMD, assembled at load time from the instructions below:
 * C += alpha A B^T in f64x2 runs at ~9 G multiply-adds/s on the development machine against ~2.3 G for the
 * best plain-JS kernel, because each instruction does two lanes and V8 keeps the 4 x 2 block of accumulators
 * in vector registers; an f32x4 twin (for slider redraws, where float32 is plenty) does four lanes. They
 * handle whole blocks only (m a multiple of 4; n and cols even; k a multiple of the lane count): callers pad
 * with zeros (see workspace.ts). Where WebAssembly SIMD is missing or blocked by a content security policy,
 * instantiateSimd returns null and the JS kernels (js-kernels.ts) take over.
 */

// Parameter and local indices of the kernel.
const M = 0, N = 1, K = 2, A = 3, LDA = 4, B = 5, LDB = 6, C = 7, LDC = 8, ALPHA = 9;
const params = (alpha: number) => [I32, I32, I32, I32, I32, I32, I32, I32, I32, alpha];
const I = 10, J = 11, PA0 = 12, PA1 = 13, PA2 = 14, PA3 = 15, PB0 = 16, PB1 = 17, KEND = 18, PC = 19, LDA_B = 20, LDB_B = 21, LDC_B = 22;
const ACC = [23, 24, 25, 26, 27, 28, 29, 30]; // row r, column s at ACC[2r + s]
const X0 = 31, X1 = 32, Y = 33;
const LOCALS = [...new Array<number>(13).fill(I32), ...new Array<number>(11).fill(V128)];

interface Precision {
  alpha: number; // value type of alpha
  shift: number; // log2 of the element size in bytes
  lanes: number;
  load: Bytes; store: Bytes; add: Bytes; mul: Bytes;
  vAdd: Bytes; vMul: Bytes;
  lane: (i: number) => Bytes;
}

const F64X2: Precision = {
  alpha: F64, shift: 3, lanes: 2, load: op.f64Load, store: op.f64Store, add: op.f64Add, mul: op.f64Mul,
  vAdd: op.f64x2Add, vMul: op.f64x2Mul, lane: op.f64x2ExtractLane,
};
const F32X4: Precision = {
  alpha: F32, shift: 2, lanes: 4, load: op.f32Load, store: op.f32Store, add: op.f32Add, mul: op.f32Mul,
  vAdd: op.f32x4Add, vMul: op.f32x4Mul, lane: op.f32x4ExtractLane,
};

function kernelBody(p: Precision): Bytes {
  const b: Bytes = [];
  const e = (...parts: Bytes[]) => { for (const x of parts) b.push(...x); };
  const bytesPerRow = (ld: number, out: number) => e(op.localGet(ld), op.i32Const(p.shift), op.i32Shl, op.localSet(out));
  bytesPerRow(LDA, LDA_B);
  bytesPerRow(LDB, LDB_B);
  bytesPerRow(LDC, LDC_B);
  e(op.i32Const(0), op.localSet(I), op.block, op.loop);
  e(op.localGet(I), op.i32Const(4), op.i32Add, op.localGet(M), op.i32GtU, op.brIf(1));
  {
    e(op.i32Const(0), op.localSet(J), op.block, op.loop);
    e(op.localGet(J), op.i32Const(2), op.i32Add, op.localGet(N), op.i32GtU, op.brIf(1));
    {
      // Row pointers of the 4 A rows and 2 B rows.
      e(op.localGet(A), op.localGet(I), op.localGet(LDA_B), op.i32Mul, op.i32Add, op.localTee(PA0));
      e(op.localGet(LDA_B), op.i32Add, op.localTee(PA1), op.localGet(LDA_B), op.i32Add, op.localTee(PA2));
      e(op.localGet(LDA_B), op.i32Add, op.localSet(PA3));
      e(op.localGet(B), op.localGet(J), op.localGet(LDB_B), op.i32Mul, op.i32Add, op.localTee(PB0));
      e(op.localGet(LDB_B), op.i32Add, op.localSet(PB1));
      for (const acc of ACC) e(op.v128Zero, op.localSet(acc));
      e(op.localGet(PB0), op.localGet(K), op.i32Const(p.shift), op.i32Shl, op.i32Add, op.localSet(KEND));
      // Inner loop over k, one vector (2 or 4 lanes) at a time.
      e(op.block, op.loop);
      e(op.localGet(PB0), op.localGet(KEND), op.i32GeU, op.brIf(1));
      e(op.localGet(PB0), op.v128Load, op.localSet(X0), op.localGet(PB1), op.v128Load, op.localSet(X1));
      [PA0, PA1, PA2, PA3].forEach((pa, r) => {
        e(op.localGet(pa), op.v128Load, op.localSet(Y));
        e(op.localGet(ACC[2 * r]), op.localGet(Y), op.localGet(X0), p.vMul, p.vAdd, op.localSet(ACC[2 * r]));
        e(op.localGet(ACC[2 * r + 1]), op.localGet(Y), op.localGet(X1), p.vMul, p.vAdd, op.localSet(ACC[2 * r + 1]));
        e(op.localGet(pa), op.i32Const(16), op.i32Add, op.localSet(pa));
      });
      e(op.localGet(PB0), op.i32Const(16), op.i32Add, op.localSet(PB0));
      e(op.localGet(PB1), op.i32Const(16), op.i32Add, op.localSet(PB1));
      e(op.br(0), op.end, op.end);
      // C[i + r][j + s] += alpha * (sum of the lanes)
      for (let r = 0; r < 4; r++) {
        for (let s = 0; s < 2; s++) {
          const acc = ACC[2 * r + s];
          e(op.localGet(C), op.localGet(I), op.i32Const(r), op.i32Add, op.localGet(LDC_B), op.i32Mul, op.i32Add);
          e(op.localGet(J), op.i32Const(s), op.i32Add, op.i32Const(p.shift), op.i32Shl, op.i32Add, op.localTee(PC));
          e(op.localGet(PC), p.load);
          e(op.localGet(acc), p.lane(0));
          for (let lane = 1; lane < p.lanes; lane++) e(op.localGet(acc), p.lane(lane), p.add);
          e(op.localGet(ALPHA), p.mul, p.add, p.store);
        }
      }
    }
    e(op.localGet(J), op.i32Const(2), op.i32Add, op.localSet(J), op.br(0), op.end, op.end);
  }
  e(op.localGet(I), op.i32Const(4), op.i32Add, op.localSet(I), op.br(0), op.end, op.end);
  return b;
}

// Matrix-vector kernel y[i] = sum_j A[i][j] x[j]: rows (multiple of 4), cols (even), a, lda, x, y.
const SV_ROWS = 0, SV_COLS = 1, SV_A = 2, SV_LDA = 3, SV_X = 4, SV_Y = 5;
const SV_PARAMS = [I32, I32, I32, I32, I32, I32];
const SV_I = 6, SV_PA = [7, 8, 9, 10], SV_PX = 11, SV_END = 12, SV_LDA8 = 13, SV_ACC = [14, 15, 16, 17], SV_XV = 18;
const SV_LOCALS = [...new Array<number>(8).fill(I32), ...new Array<number>(5).fill(V128)];

function matrixVectorBody(): Bytes {
  const b: Bytes = [];
  const e = (...parts: Bytes[]) => { for (const p of parts) b.push(...p); };
  e(op.localGet(SV_LDA), op.i32Const(3), op.i32Shl, op.localSet(SV_LDA8));
  e(op.i32Const(0), op.localSet(SV_I), op.block, op.loop);
  e(op.localGet(SV_I), op.i32Const(4), op.i32Add, op.localGet(SV_ROWS), op.i32GtU, op.brIf(1));
  e(op.localGet(SV_A), op.localGet(SV_I), op.localGet(SV_LDA8), op.i32Mul, op.i32Add, op.localSet(SV_PA[0]));
  for (let r = 1; r < 4; r++) e(op.localGet(SV_PA[r - 1]), op.localGet(SV_LDA8), op.i32Add, op.localSet(SV_PA[r]));
  for (const acc of SV_ACC) e(op.v128Zero, op.localSet(acc));
  e(op.localGet(SV_X), op.localTee(SV_PX), op.localGet(SV_COLS), op.i32Const(3), op.i32Shl, op.i32Add, op.localSet(SV_END));
  e(op.block, op.loop);
  e(op.localGet(SV_PX), op.localGet(SV_END), op.i32GeU, op.brIf(1));
  e(op.localGet(SV_PX), op.v128Load, op.localSet(SV_XV));
  for (let r = 0; r < 4; r++) {
    e(op.localGet(SV_ACC[r]), op.localGet(SV_PA[r]), op.v128Load, op.localGet(SV_XV), op.f64x2Mul, op.f64x2Add, op.localSet(SV_ACC[r]));
    e(op.localGet(SV_PA[r]), op.i32Const(16), op.i32Add, op.localSet(SV_PA[r]));
  }
  e(op.localGet(SV_PX), op.i32Const(16), op.i32Add, op.localSet(SV_PX), op.br(0), op.end, op.end);
  for (let r = 0; r < 4; r++) {
    e(op.localGet(SV_Y), op.localGet(SV_I), op.i32Const(r), op.i32Add, op.i32Const(3), op.i32Shl, op.i32Add);
    e(op.localGet(SV_ACC[r]), op.f64x2ExtractLane(0), op.localGet(SV_ACC[r]), op.f64x2ExtractLane(1), op.f64Add, op.f64Store);
  }
  e(op.localGet(SV_I), op.i32Const(4), op.i32Add, op.localSet(SV_I), op.br(0), op.end, op.end);
  return b;
}

type Kernel = (m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, alpha: number) => void;
type MatrixVector = (rows: number, cols: number, a: number, lda: number, x: number, y: number) => void;

/** An instance of the kernel module with its own memory; pointers are byte offsets into it. */
export interface SimdInstance {
  memory: WebAssembly.Memory;
  multiply: Kernel;
  multiplyF32: Kernel;
  matrixVector: MatrixVector;
}

let compiledModule: WebAssembly.Module | null | undefined;

function compiled(): WebAssembly.Module | null {
  if (compiledModule !== undefined) return compiledModule;
  compiledModule = null;
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = assembleModule([
      { exportName: 'multiplyTransposed', params: params(F64), locals: LOCALS, body: kernelBody(F64X2) },
      { exportName: 'multiplyTransposedF32', params: params(F32), locals: LOCALS, body: kernelBody(F32X4) },
      { exportName: 'matrixVector', params: SV_PARAMS, locals: SV_LOCALS, body: matrixVectorBody() },
    ]);
    if (!WebAssembly.validate(bytes)) return null;
    compiledModule = new WebAssembly.Module(bytes);
  } catch {
    compiledModule = null; // no WebAssembly, no SIMD, or a CSP without 'wasm-unsafe-eval'
  }
  return compiledModule;
}

/** A fresh instance, or null where WebAssembly SIMD is unavailable. */
export function instantiateSimd(): SimdInstance | null {
  const mod = compiled();
  if (!mod) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const exports = new WebAssembly.Instance(mod, { env: { memory } }).exports;
    return {
      memory,
      multiply: exports.multiplyTransposed as Kernel,
      multiplyF32: exports.multiplyTransposedF32 as Kernel,
      matrixVector: exports.matrixVector as MatrixVector,
    };
  } catch {
    return null;
  }
}
