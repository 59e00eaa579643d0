import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { TINY_MODEL_CONFIG, TinyGpt, sampleNames } from '../../../src/lora/index';
import { useCpu } from './setup';

beforeAll(useCpu);

describe('sampling with one input shape', () => {
  test('draws the same names as sampleNames (causal attention never looks at the padding), leaving no tensors', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 4 });
    const before = tf.memory().numTensors;
    for (const [seed, temperature, maxLength] of [[1, 1, 20], [2, 0.8, 24], [3, 0, 12], [4, 1.5, 30]]) {
      const options = { count: 8, seed, temperature, maxLength };
      // Names past the 16-token context exercise the sliding window as well.
      expect(await sampleNames(model, { ...options, padToContext: true })).toEqual(await sampleNames(model, options));
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
