import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { TINY_MODEL_CONFIG, TinyGpt, sampleFromLogits, sampleNames } from '../../../src/lora/index';
import { useCpu } from './setup';

beforeAll(useCpu);

describe('sampling', () => {
  test('same seed, same names; another seed, other names; no tensors left behind', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 4 });
    const before = tf.memory().numTensors;
    const a = await sampleNames(model, { count: 8, seed: 1, temperature: 1, maxLength: 20 });
    expect(tf.memory().numTensors).toBe(before);
    const b = await sampleNames(model, { count: 8, seed: 1, temperature: 1, maxLength: 20 });
    const c = await sampleNames(model, { count: 8, seed: 2, temperature: 1, maxLength: 20 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    for (const name of a) expect(name).toMatch(/^[a-z]{0,20}$/);
    // Untrained models ramble: the length cap (beyond the 16-token context) must hold.
    expect(Math.max(...a.map((n) => n.length))).toBeLessThanOrEqual(20);
    model.dispose();
  });

  test('temperature 0 is greedy; temperature scales the distribution', () => {
    expect(sampleFromLogits([0.1, 2, 0.5], 0, 0.99)).toBe(1);
    // logits ln(1), ln(3): probabilities 1/4, 3/4 at T=1, 1/10, 9/10 at T=0.5.
    const logits = [0, Math.log(3)];
    expect(sampleFromLogits(logits, 1, 0.2)).toBe(0);
    expect(sampleFromLogits(logits, 1, 0.3)).toBe(1);
    expect(sampleFromLogits(logits, 0.5, 0.09)).toBe(0);
    expect(sampleFromLogits(logits, 0.5, 0.11)).toBe(1);
  });
});
