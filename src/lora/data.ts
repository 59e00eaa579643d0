/**
 * Words -> training windows. A word "rex" becomes the token sequence ^ r e x $; a window holds up
 * to `contextLength` inputs and the next token for each (^ r e x -> r e x $). Words longer than the
 * context are covered by overlapping windows whose already-seen targets are masked out, so every
 * target counts exactly once and always has at least half a context of history.
 * Word lists are inputs: Node scripts read them from node_modules, the browser fetches a JSON list.
 */
import { END, START, encodeLetters, normalizeWord } from './vocab';
import { type Rng, createRng, shuffled } from './random';

export interface WindowSet {
  /** Number of windows. */
  count: number;
  contextLength: number;
  /** count x contextLength input ids (padding uses END). */
  inputs: Int32Array;
  /** count x contextLength next-token ids. */
  targets: Int32Array;
  /** count x contextLength: 1 where the target counts towards the loss, 0 for padding/overlap. */
  mask: Float32Array;
}

export interface Batch {
  size: number;
  contextLength: number;
  inputs: Int32Array;
  targets: Int32Array;
  mask: Float32Array;
}

/** Normalise, drop empties and duplicates, keep first-seen order. */
export function cleanWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const n = normalizeWord(w);
    if (n.length > 0 && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

/** Seeded, deterministic train/validation split of cleaned words. */
export function splitWords(
  words: readonly string[],
  validationFraction: number,
  seed: number,
): { train: string[]; validation: string[] } {
  const all = shuffled(cleanWords(words), createRng(seed));
  const nVal = Math.max(1, Math.round(all.length * validationFraction));
  return { validation: all.slice(0, nVal), train: all.slice(nVal) };
}

/** (start, first target counted) pairs covering a sequence with `n` prediction positions. */
function windowStarts(n: number, ctx: number): Array<[number, number]> {
  if (n <= ctx) return [[0, 0]];
  const out: Array<[number, number]> = [[0, 0]];
  const stride = Math.max(1, Math.floor(ctx / 2));
  let covered = ctx;
  while (covered < n) {
    const end = Math.min(covered + stride, n);
    out.push([end - ctx, covered]);
    covered = end;
  }
  return out;
}

export function encodeWindows(words: readonly string[], contextLength: number): WindowSet {
  const rows: Array<{ seq: number[]; start: number; from: number }> = [];
  for (const w of words) {
    const seq = [START, ...encodeLetters(w), END];
    for (const [start, from] of windowStarts(seq.length - 1, contextLength)) rows.push({ seq, start, from });
  }
  const count = rows.length;
  const inputs = new Int32Array(count * contextLength).fill(END);
  const targets = new Int32Array(count * contextLength).fill(END);
  const mask = new Float32Array(count * contextLength);
  rows.forEach(({ seq, start, from }, row) => {
    for (let t = 0; t < contextLength; t++) {
      const pos = start + t;
      if (pos + 1 >= seq.length) break;
      const o = row * contextLength + t;
      inputs[o] = seq[pos];
      targets[o] = seq[pos + 1];
      mask[o] = pos >= from ? 1 : 0;
    }
  });
  return { count, contextLength, inputs, targets, mask };
}

/** Copy the given window rows into a batch. */
export function gatherBatch(set: WindowSet, rows: readonly number[]): Batch {
  const ctx = set.contextLength;
  const inputs = new Int32Array(rows.length * ctx);
  const targets = new Int32Array(rows.length * ctx);
  const mask = new Float32Array(rows.length * ctx);
  rows.forEach((r, i) => {
    inputs.set(set.inputs.subarray(r * ctx, (r + 1) * ctx), i * ctx);
    targets.set(set.targets.subarray(r * ctx, (r + 1) * ctx), i * ctx);
    mask.set(set.mask.subarray(r * ctx, (r + 1) * ctx), i * ctx);
  });
  return { size: rows.length, contextLength: ctx, inputs, targets, mask };
}

/** A batch of windows drawn uniformly with replacement. */
export function sampleBatch(set: WindowSet, batchSize: number, rng: Rng): Batch {
  const rows = Array.from({ length: batchSize }, () => rng.int(set.count));
  return gatherBatch(set, rows);
}

/** Consecutive batches over the first `limit` windows (for a fixed, repeatable validation loss). */
export function* evaluationBatches(set: WindowSet, batchSize: number, limit = set.count): Generator<Batch> {
  const n = Math.min(limit, set.count);
  for (let s = 0; s < n; s += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, n - s) }, (_, i) => s + i);
    yield gatherBatch(set, rows);
  }
}

/** Train and validation windows for a word list, split by word (no word appears in both). */
export function makeDatasets(
  words: readonly string[],
  opts: { contextLength: number; validationFraction: number; seed: number },
): { train: WindowSet; validation: WindowSet; trainWords: string[]; validationWords: string[] } {
  const { train, validation } = splitWords(words, opts.validationFraction, opts.seed);
  return {
    train: encodeWindows(train, opts.contextLength),
    validation: encodeWindows(validation, opts.contextLength),
    trainWords: train,
    validationWords: validation,
  };
}
