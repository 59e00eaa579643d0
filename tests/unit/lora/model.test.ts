import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_MODEL_CONFIG, TINY_MODEL_CONFIG, TinyGpt, encodeWindows, gatherBatch } from '../../../src/lora/index';
import { maxAbsDiff, useCpu } from './setup';

beforeAll(useCpu);

const logitsOf = (model: TinyGpt, ids: number[][]): Float32Array => {
  const out = tf.tidy(() => model.logits(tf.tensor2d(ids, undefined, 'int32')));
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
};

describe('TinyGpt', () => {
  test('the shipped configuration has ~0.4M parameters', () => {
    const model = new TinyGpt(DEFAULT_MODEL_CONFIG, { seed: 1 });
    expect(model.baseParamCount).toBe(406_044);
    model.dispose();
  });

  test('is causal: changing a later token leaves earlier logits unchanged', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 3 });
    const a = [0, 5, 6, 7, 8, 9];
    const b = [0, 5, 6, 20, 21, 22];
    const la = logitsOf(model, [a]);
    const lb = logitsOf(model, [b]);
    const v = TINY_MODEL_CONFIG.vocabSize;
    expect(maxAbsDiff(la.subarray(0, 3 * v), lb.subarray(0, 3 * v))).toBeLessThan(1e-6);
    expect(maxAbsDiff(la.subarray(3 * v), lb.subarray(3 * v))).toBeGreaterThan(1e-4);
    model.dispose();
  });

  test('same seed, same weights; different seed, different weights', () => {
    const [m1, m2, m3] = [1, 1, 2].map((seed) => new TinyGpt(TINY_MODEL_CONFIG, { seed }));
    const w = [m1, m2, m3].map((m) => m.getWeights()['block0.wq.w'].data);
    expect(maxAbsDiff(w[0], w[1])).toBe(0);
    expect(maxAbsDiff(w[0], w[2])).toBeGreaterThan(0);
    [m1, m2, m3].forEach((m) => m.dispose());
  });

  test('untrained loss is close to ln(vocab) and the mask excludes padding', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const set = encodeWindows(['rex', 'ankylosaurus'], 16);
    const loss = model.loss(gatherBatch(set, [0, 1]));
    expect(Math.abs(loss.dataSync()[0] - Math.log(28))).toBeLessThan(0.2);
    // Changing a masked (padding) target must not change the loss.
    const batch = gatherBatch(set, [0, 1]);
    batch.targets[10] = 7;
    const loss2 = model.loss(batch);
    expect(loss2.dataSync()[0]).toBe(loss.dataSync()[0]);
    tf.dispose([loss, loss2]);
    model.dispose();
  });
});
