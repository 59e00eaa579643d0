/**
 * sampleNames with one input shape for every step: each row is padded on the right to the full context,
 * and the logits are read at the row's last real position. Causal attention never looks right, so the
 * draws are the ones sampleNames makes; but a GPU backend (webgl) compiles its shader programs for one
 * shape once, instead of once per name length, which makes sampling several times faster in a browser.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TinyGpt } from './model';
import { createRng } from './random';
import { DEFAULT_SAMPLE_OPTIONS, type SampleOptions, sampleFromLogits } from './sample';
import { END, START, decodeIds } from './vocab';

export async function sampleNamesPadded(model: TinyGpt, options: Partial<SampleOptions> = {}): Promise<string[]> {
  const { count, temperature, seed, maxLength } = { ...DEFAULT_SAMPLE_OPTIONS, ...options };
  const rng = createRng(seed);
  const ctx = model.config.contextLength;
  const vocab = model.config.vocabSize;
  const seqs: number[][] = Array.from({ length: count }, () => [START]);
  const done = new Array<boolean>(count).fill(false);
  for (let step = 0; step <= maxLength && !done.every(Boolean); step++) {
    const len = Math.min(seqs[0].length, ctx);
    const flat = new Int32Array(count * ctx).fill(END);
    seqs.forEach((s, i) => flat.set(s.slice(-len), i * ctx));
    const last = tf.tidy(() => {
      const logits = model.logits(tf.tensor2d(flat, [count, ctx], 'int32'));
      return tf.reshape(tf.slice(logits, [0, len - 1, 0], [count, 1, vocab]), [count, vocab]);
    });
    const values = await last.data();
    last.dispose();
    seqs.forEach((s, i) => {
      // One draw per row per step, finished or not, exactly as sampleNames draws.
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
