import { seededRandom, type Random } from './seeded-random';

/** Standard normal draws from a seeded uniform source (Box-Muller), so random baselines can be replayed. */
export function gaussian(random: Random): () => number {
  return () => {
    const u = 1 - random(); // (0, 1]: log(0) would be -Infinity
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** An m x n matrix of independent standard normal entries, the same for the same seed. */
export function gaussianMatrix(m: number, n: number, seed: number): number[][] {
  const normal = gaussian(seededRandom(seed));
  return Array.from({ length: m }, () => Array.from({ length: n }, normal));
}
