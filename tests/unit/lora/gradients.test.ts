import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { TINY_MODEL_CONFIG, TinyGpt, createRng, encodeWindows, gatherBatch, normalArray, registerFastMatMulGradient } from '../../../src/lora/index';
import { maxAbsDiff, useCpu } from './setup';

beforeAll(useCpu);

/** Plain JS reference: C = op(A) op(B) for one batch item, row-major. */
function matmulRef(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}
const T = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));
const toRows = (data: ArrayLike<number>, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => data[i * cols + j]));

describe('replacement BatchMatMul gradient', () => {
  test.each([
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ])('transposeA=%s transposeB=%s matches the analytic gradient', (tA, tB) => {
    registerFastMatMulGradient(); // idempotent
    const rng = createRng(11);
    const [m, k, n] = [3, 4, 2];
    const aShape = tA ? [k, m] : [m, k];
    const bShape = tB ? [n, k] : [k, n];
    const aData = normalArray(m * k, 1, rng);
    const bData = normalArray(k * n, 1, rng);
    const rData = normalArray(m * n, 1, rng);
    const a = tf.tensor2d(aData, aShape as [number, number]);
    const b = tf.tensor2d(bData, bShape as [number, number]);
    const r = tf.tensor2d(rData, [m, n]);
    const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, tA, tB), r)))([a, b]);
    // L = sum(R o (opA opB)): dL/d(opA) = R opB^T, dL/d(opB) = opA^T R; transpose back where op transposed.
    const A = toRows(aData, aShape[0], aShape[1]);
    const B = toRows(bData, bShape[0], bShape[1]);
    const R = toRows(rData, m, n);
    const opA = tA ? T(A) : A;
    const opB = tB ? T(B) : B;
    const dOpA = matmulRef(R, T(opB));
    const dOpB = matmulRef(T(opA), R);
    expect(maxAbsDiff(ga.dataSync(), (tA ? T(dOpA) : dOpA).flat())).toBeLessThan(1e-5);
    expect(maxAbsDiff(gb.dataSync(), (tB ? T(dOpB) : dOpB).flat())).toBeLessThan(1e-5);
    tf.dispose([a, b, r, ga, gb]);
  });

  test('batched (rank 3) products, as attention uses them', () => {
    const rng = createRng(12);
    const a = tf.tensor3d(normalArray(2 * 3 * 4, 1, rng), [2, 3, 4]);
    const b = tf.tensor3d(normalArray(2 * 4 * 5, 1, rng), [2, 4, 5]);
    const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D))))([a, b]);
    // Per batch item: dL/dA = 2 C B^T, dL/dB = 2 A^T C.
    for (let i = 0; i < 2; i++) {
      const A = toRows(a.dataSync().slice(i * 12, (i + 1) * 12), 3, 4);
      const B = toRows(b.dataSync().slice(i * 20, (i + 1) * 20), 4, 5);
      const C2 = matmulRef(A, B).map((row) => row.map((v) => 2 * v));
      expect(maxAbsDiff(ga.dataSync().slice(i * 12, (i + 1) * 12), matmulRef(C2, T(B)).flat())).toBeLessThan(1e-4);
      expect(maxAbsDiff(gb.dataSync().slice(i * 20, (i + 1) * 20), matmulRef(T(A), C2).flat())).toBeLessThan(1e-4);
    }
    tf.dispose([a, b, ga, gb]);
  });

  test('a full training step runs no matMul kernel with a transpose flag (slow on wasm)', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const batch = gatherBatch(encodeWindows(['rex', 'triceratops'], 16), [0, 1]);
    const info = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => model.loss(batch, { training: true }), model.baseVariables());
      tf.dispose([value, ...Object.values(grads)]);
    });
    const matmuls = info.kernels.filter((k) => k.name === 'BatchMatMul');
    expect(matmuls.length).toBeGreaterThan(20);
    // With a flag set the kernel sees operands whose inner dimensions do not line up (e.g. [n,d] and [k,d]).
    // Every product in this model has at least one non-square operand on the backward pass.
    for (const k of matmuls) {
      const [a, b] = k.inputShapes;
      expect(a[a.length - 1]).toBe(b[b.length - 2]);
    }
    model.dispose();
  });
});
