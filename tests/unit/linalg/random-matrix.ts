import { seededRandom } from '../../../src/linalg/seeded-random';

/** Deterministic test numbers: src's mulberry32 shifted to [-0.5, 0.5), so failures reproduce. */
export function centredRandom(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() - 0.5;
}

export function randomMatrix(m: number, n: number, seed: number): number[][] {
  const next = centredRandom(seed);
  return Array.from({ length: m }, () => Array.from({ length: n }, next));
}

/** A smooth, image-like m x n matrix in 0..255 with a quickly decaying spectrum, plus a little noise. */
export function imageLikeMatrix(m: number, n: number, seed: number): Float64Array {
  const next = centredRandom(seed);
  const out = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      const x = c / n, y = r / m;
      const v = 128 + 60 * Math.sin(6 * x + 2 * y) + 40 * Math.cos(9 * x * y) + 20 * (x > 0.5 && y < 0.3 ? 1 : 0);
      out[r * n + c] = Math.max(0, Math.min(255, v + 4 * next()));
    }
  }
  return out;
}
