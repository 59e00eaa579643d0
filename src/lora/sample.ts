/**
 * Sampling names from the model, all in lock-step as one batch: every sequence starts with the
 * start token, the model sees at most the last `contextLength` tokens, and the next character is
 * drawn from softmax(logits / temperature) with a seeded generator (temperature 0 = greedy).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TinyGpt } from './model';
import { createRng } from './random';
import { END, START, decodeIds } from './vocab';

export interface SampleOptions {
  count: number;
  temperature: number;
  seed: number;
  /** Longest name in letters. */
  maxLength: number;
  /**
   * Feed every step at the full context width, padded on the right, reading the logits at the last real
   * position. Causal attention never looks right, so the draws are the same; but a GPU backend (webgl)
   * compiles its shader programs for one shape once instead of once per name length: much faster there.
   */
  padToContext: boolean;
}

export const DEFAULT_SAMPLE_OPTIONS: SampleOptions = { count: 10, temperature: 1, seed: 1, maxLength: 24, padToContext: false };

/** Index drawn from softmax(logits / temperature). */
export function sampleFromLogits(logits: ArrayLike<number>, temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  if (!(temperature > 0)) return best;
  const weights = Array.from(logits, (l) => Math.exp((l - logits[best]) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

export async function sampleNames(model: TinyGpt, options: Partial<SampleOptions> = {}): Promise<string[]> {
  const { count, temperature, seed, maxLength, padToContext } = { ...DEFAULT_SAMPLE_OPTIONS, ...options };
  const rng = createRng(seed);
  const ctx = model.config.contextLength;
  const vocab = model.config.vocabSize;
  const seqs: number[][] = Array.from({ length: count }, () => [START]);
  const done = new Array<boolean>(count).fill(false);
  for (let step = 0; step <= maxLength && !done.every(Boolean); step++) {
    const len = Math.min(seqs[0].length, ctx);
    const width = padToContext ? ctx : len;
    const flat = new Int32Array(count * width).fill(END);
    seqs.forEach((s, i) => flat.set(s.slice(-len), i * width));
    const last = tf.tidy(() => {
      const logits = model.logits(tf.tensor2d(flat, [count, width], 'int32'));
      return tf.reshape(tf.slice(logits, [0, len - 1, 0], [count, 1, vocab]), [count, vocab]);
    });
    const values = await last.data();
    last.dispose();
    seqs.forEach((s, i) => {
      // Draw for every row, finished or not, so each row's draws do not depend on the others.
      const u = rng.next();
      if (done[i]) {
        s.push(END);
        return;
      }
      const next = step === maxLength ? END : sampleFromLogits(values.subarray(i * vocab, (i + 1) * vocab), temperature, u);
      s.push(next);
      if (next === END) done[i] = true;
    });
  }
  return seqs.map((s) => decodeIds(s.slice(1, s.indexOf(END) < 0 ? undefined : s.indexOf(END))));
}
