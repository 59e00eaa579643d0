/**
 * Seeded pseudo-random numbers (mulberry32). Every random choice in src/lora — weight init, batch
 * sampling, the train/validation shuffle, name sampling — goes through this so that a run is
 * reproducible on every backend (tf.random* ops differ between backends and are harder to seed).
 */
import { seededRandom } from '../linalg/seeded-random';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** A fresh 32-bit seed, for handing to a sub-component (e.g. tf.dropout). */
  seed(): number;
}

export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  let spare: number | null = null;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 - next() is in (0, 1], so the log is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    seed: () => Math.floor(next() * 4294967296),
  };
}

/**
 * A 32-bit seed mixed from several parts (FNV-1a over their text, then murmur3's finaliser), so that
 * related draws get unrelated streams: each LoRA adapter's A is drawn from (seed, block, matrix, r), and
 * the rank-8 adapter therefore does not start from the first 8 rows of the rank-64 one.
 */
export function deriveSeed(...parts: Array<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}|`; // the separator keeps (1, 23) and (12, 3) apart
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Float32Array of n draws from N(0, std^2). */
export function normalArray(n: number, std: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
}

/** Float32Array of n draws from U(-bound, bound). */
export function uniformArray(n: number, bound: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * bound;
  return out;
}
