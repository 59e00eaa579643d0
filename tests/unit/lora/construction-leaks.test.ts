import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_LORA_CONFIG, TINY_MODEL_CONFIG, TinyGpt } from '../../../src/lora/index';
import { useCpu } from './setup';

beforeAll(useCpu);

// tf.variable(t) shares t's data and leaves t alive: unless t is disposed, every model or adapter made
// keeps a second handle on its weights, and the trainer's Reset (which rebuilds the model) would leak them.
describe('making and disposing models frees every tensor', () => {
  test('a model, with and without LoRA', () => {
    const before = tf.memory().numTensors;
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    expect(tf.memory().numTensors - before).toBe(model.baseVariables().length + 1); // + the causal mask
    const copy = new TinyGpt(TINY_MODEL_CONFIG, { weights: model.getWeights() });
    const lora = copy.attachLora({ ...DEFAULT_LORA_CONFIG, targets: ['wq', 'wv', 'mlpUp'] });
    expect(lora.variables()).toHaveLength(2 * 3 * TINY_MODEL_CONFIG.nLayers);
    copy.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
