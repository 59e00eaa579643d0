/**
 * Gradient registration. tfjs-core's bundles register no gradients, so we import the ESM registry
 * (a bundler — Vite, esbuild, vitest — resolves its extension-less imports; plain Node ESM cannot).
 *
 * Then we replace the BatchMatMul gradient: the stock one calls matMul with transpose flags, which
 * tfjs-backend-wasm 4.22 runs ~12x slower than a plain matMul (training ~5x slower overall).
 * Transposing explicitly first is cheap. The gradient thunks stay lazy, so tfjs still skips the
 * gradient of a frozen weight (only inputs on the path to a trainable variable are evaluated).
 * This is also why the model uses plain matMul, never tf.fused.matMul: the fused op's gradient
 * computes every input's gradient, frozen weights included.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** Swap the last two axes. */
export function swapLastAxes(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const n = perm.length;
  [perm[n - 2], perm[n - 1]] = [perm[n - 1], perm[n - 2]];
  return tf.transpose(x, perm);
}

/** a^T (or a) times b^T (or b) with no transpose flags: wasm-friendly matMul. */
function plainMatMul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  return tf.matMul(transposeA ? swapLastAxes(a) : a, transposeB ? swapLastAxes(b) : b);
}

let registered = false;

/** Idempotent; called on import of model.ts so users never have to remember it. */
export function registerFastMatMulGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved;
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const g = dy as tf.Tensor;
      if (!transposeA && !transposeB) {
        return { a: () => plainMatMul(g, b, false, true), b: () => plainMatMul(a, g, true, false) };
      }
      if (!transposeA && transposeB) {
        return { a: () => plainMatMul(g, b, false, false), b: () => plainMatMul(g, a, true, false) };
      }
      if (transposeA && !transposeB) {
        return { a: () => plainMatMul(b, g, false, true), b: () => plainMatMul(a, g, false, false) };
      }
      return { a: () => plainMatMul(b, g, true, true), b: () => plainMatMul(g, a, true, true) };
    },
  });
}

registerFastMatMulGradient();
