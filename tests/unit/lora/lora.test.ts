import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  DEFAULT_LORA_CONFIG,
  DEFAULT_MODEL_CONFIG,
  type LoraConfig,
  LoraAdapter,
  TINY_MODEL_CONFIG,
  TinyGpt,
  Trainer,
  createRng,
  encodeWindows,
  loraScale,
  normalArray,
} from '../../../src/lora/index';
import { maxAbsDiff, useCpu } from './setup';

beforeAll(useCpu);

const ids = [
  [0, 5, 6, 7, 8, 9, 10, 1],
  [0, 20, 3, 4, 2, 2, 11, 12],
];
const logitsOf = (model: TinyGpt): Float32Array =>
  tf.tidy(() => model.logits(tf.tensor2d(ids, undefined, 'int32'))).dataSync() as Float32Array;

/** Give every adapter a random non-zero B, so the branch actually does something. */
function randomizeB(model: TinyGpt, seed: number): void {
  const rng = createRng(seed);
  for (const { adapter } of model.attachment!.adapters) {
    tf.tidy(() => adapter.B.assign(tf.tensor(normalArray(adapter.B.size, 0.5, rng), adapter.B.shape)));
  }
}

const allTargets: LoraConfig = { ...DEFAULT_LORA_CONFIG, r: 4, alpha: 8, targets: ['wq', 'wk', 'wv', 'wo', 'mlpUp', 'mlpDown'] };

describe('LoRA adapter', () => {
  test('scale is alpha/r, or alpha/sqrt(r) with rsLoRA', () => {
    expect(loraScale({ r: 16, alpha: 32, rsLora: false })).toBe(2);
    expect(loraScale({ r: 16, alpha: 32, rsLora: true })).toBe(8);
  });

  test('A is r x k with the peft kaiming bound, B is d x r zeros', () => {
    const a = new LoraAdapter(128, 64, { ...DEFAULT_LORA_CONFIG, r: 8 }, createRng(1));
    expect(a.A.shape).toEqual([8, 128]);
    expect(a.B.shape).toEqual([64, 8]);
    const A = a.A.dataSync();
    const bound = 1 / Math.sqrt(128);
    expect(Math.max(...A.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...A.map(Math.abs))).toBeGreaterThan(0.9 * bound);
    expect(Math.max(...a.B.dataSync().map(Math.abs))).toBe(0);
    a.dispose();
  });

  test('finite differences agree with the gradients of A, B and x', () => {
    const [n, k, d, r] = [3, 5, 4, 3];
    const rng = createRng(7);
    const config: LoraConfig = { ...DEFAULT_LORA_CONFIG, r, alpha: 6, rsLora: true };
    const adapter = new LoraAdapter(k, d, config, rng);
    tf.tidy(() => adapter.B.assign(tf.tensor(normalArray(d * r, 0.7, rng), [d, r])));
    const w0 = tf.tensor2d(normalArray(k * d, 0.5, rng), [k, d]);
    const probe = tf.tensor2d(normalArray(n * d, 1, rng), [n, d]);
    const x0 = tf.tensor2d(normalArray(n * k, 1, rng), [n, k]);
    // A nonlinear scalar of the layer output, so the check is not trivially exact.
    const f = (x: tf.Tensor, a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.tidy(() => {
        const branch = tf.mul(tf.matMul(tf.matMul(x as tf.Tensor2D, tf.transpose(a) as tf.Tensor2D), tf.transpose(b) as tf.Tensor2D), adapter.scale);
        const h = tf.add(tf.matMul(x as tf.Tensor2D, w0), branch);
        return tf.sum(tf.mul(tf.tanh(h), probe));
      });
    // The library's own branch must equal the reference formula used in f.
    const libraryOut = tf.tidy(() => tf.add(tf.matMul(x0, w0), adapter.delta(x0, false, 0)));
    const refOut = tf.tidy(() => tf.add(tf.matMul(x0, w0), tf.mul(tf.matMul(tf.matMul(x0, tf.transpose(adapter.A) as tf.Tensor2D), tf.transpose(adapter.B) as tf.Tensor2D), adapter.scale)));
    expect(maxAbsDiff(libraryOut.dataSync(), refOut.dataSync())).toBeLessThan(1e-6);
    // Analytic gradients through the library's delta().
    const lossOf = (x: tf.Tensor, a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.tidy(() => {
        const h = tf.add(tf.matMul(x as tf.Tensor2D, w0), deltaWith(adapter, x as tf.Tensor2D, a, b));
        return tf.sum(tf.mul(tf.tanh(h), probe));
      });
    const grads = tf.grads(lossOf)([x0, adapter.A, adapter.B]);
    const eps = 2e-3;
    for (const [which, g] of grads.entries()) {
      const base = [x0, adapter.A, adapter.B].map((t) => Array.from(t.dataSync()));
      const shapes = [x0.shape, adapter.A.shape, adapter.B.shape];
      const analytic = g.dataSync();
      for (let i = 0; i < base[which].length; i++) {
        const at = (delta: number) => {
          const args = base.map((vals, j) => {
            const copy = vals.slice();
            if (j === which) copy[i] += delta;
            return tf.tensor(copy, shapes[j]);
          });
          const v = f(args[0], args[1], args[2]).dataSync()[0];
          tf.dispose(args);
          return v;
        };
        const numeric = (at(eps) - at(-eps)) / (2 * eps);
        expect(Math.abs(numeric - analytic[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(numeric)));
      }
    }
    tf.dispose([w0, probe, x0, libraryOut, refOut, ...grads]);
    adapter.dispose();
  });

  test('B = 0: the adapted model computes exactly what the base computes', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 2 });
    const before = logitsOf(model);
    model.attachLora(allTargets, 5);
    expect(maxAbsDiff(logitsOf(model), before)).toBe(0);
    randomizeB(model, 1);
    expect(maxAbsDiff(logitsOf(model), before)).toBeGreaterThan(1e-3); // the branch is live
    model.dispose();
  });

  test('merge then unmerge restores W0; merged outputs equal unmerged', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 2 });
    const w0 = model.getWeights();
    const attachment = model.attachLora(allTargets, 5);
    randomizeB(model, 2);
    const unmerged = logitsOf(model);
    attachment.merge();
    expect(attachment.merged).toBe(true);
    const mergedW = model.getWeights();
    expect(maxAbsDiff(mergedW['block0.wq.w'].data, w0['block0.wq.w'].data)).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(logitsOf(model), unmerged)).toBeLessThan(1e-5);
    attachment.unmerge();
    const restored = model.getWeights();
    for (const name of Object.keys(w0)) expect(maxAbsDiff(restored[name].data, w0[name].data)).toBeLessThan(1e-6);
    // Unmerging subtracts (as peft does), so W0 comes back up to float32 rounding, not bit for bit.
    expect(maxAbsDiff(logitsOf(model), unmerged)).toBeLessThan(1e-5);
    model.dispose();
  });

  test('the default r=8 on Wq, Wv of the shipped model has 8,192 parameters', () => {
    const model = new TinyGpt(DEFAULT_MODEL_CONFIG, { seed: 1 });
    expect(model.attachLora(DEFAULT_LORA_CONFIG).paramCount).toBe(2 * 2 * 8 * (128 + 128));
    model.dispose();
  });

  test('training moves only A and B: W0 stays bit-identical', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 2 });
    const w0 = model.getWeights();
    const attachment = model.attachLora({ ...allTargets, dropout: 0.1 }, 5);
    const a0 = attachment.factors();
    const set = encodeWindows(['rex', 'ankylosaurus', 'stegosaurus', 'triceratops'], 16);
    const trainer = new Trainer(model, { train: set, validation: set }, { mode: 'lora', batchSize: 4, totalSteps: 5, evalEvery: 0 });
    expect(trainer.variables).toHaveLength(2 * attachment.adapters.length);
    for await (const _ of trainer.run()) void _;
    trainer.dispose();
    const after = model.getWeights();
    for (const name of Object.keys(w0)) expect(maxAbsDiff(after[name].data, w0[name].data)).toBe(0);
    const a1 = attachment.factors();
    expect(maxAbsDiff(a1[0].A.data, a0[0].A.data)).toBeGreaterThan(0);
    expect(maxAbsDiff(a1[0].B.data, a0[0].B.data)).toBeGreaterThan(0);
    model.dispose();
  });

  test('dropout acts on the adapter branch only while training', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 2 });
    model.attachLora({ ...allTargets, dropout: 0.5 }, 5);
    randomizeB(model, 3);
    const input = tf.tensor2d(ids, undefined, 'int32');
    const evalA = model.logits(input);
    const evalB = model.logits(input);
    const train = model.logits(input, { training: true, dropoutSeed: 9 });
    expect(maxAbsDiff(evalA.dataSync(), evalB.dataSync())).toBe(0);
    expect(maxAbsDiff(train.dataSync(), evalA.dataSync())).toBeGreaterThan(1e-3);
    tf.dispose([input, evalA, evalB, train]);
    model.dispose();
  });
});

/** The adapter's branch with A and B swapped for the given tensors (so tf.grads can see them). */
function deltaWith(adapter: LoraAdapter, x: tf.Tensor2D, a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  const fake = Object.create(adapter) as LoraAdapter;
  Object.defineProperty(fake, 'A', { value: a });
  Object.defineProperty(fake, 'B', { value: b });
  return fake.delta(x, false, 0);
}
