/**
 * Inference latency: median wall time of one forward pass (full-context batch, result read back).
 * The median resists the odd slow run on a shared machine better than the mean.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TinyGpt } from './model';

export interface LatencyOptions {
  batchSize: number;
  iterations: number;
  warmup: number;
}

export async function measureLatency(
  model: TinyGpt,
  options: Partial<LatencyOptions> = {},
): Promise<{ medianMs: number; samplesMs: number[] }> {
  const { batchSize, iterations, warmup } = { batchSize: 32, iterations: 30, warmup: 5, ...options };
  const t = model.config.contextLength;
  const ids = new Int32Array(batchSize * t).map((_, i) => 2 + (i % (model.config.vocabSize - 2)));
  const input = tf.tensor2d(ids, [batchSize, t], 'int32');
  const samplesMs: number[] = [];
  try {
    for (let i = 0; i < warmup + iterations; i++) {
      const t0 = performance.now();
      const out = model.logits(input);
      await out.data();
      out.dispose();
      if (i >= warmup) samplesMs.push(performance.now() - t0);
    }
  } finally {
    input.dispose();
  }
  const sorted = samplesMs.slice().sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], samplesMs };
}
