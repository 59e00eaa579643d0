// On its own, with no imports, so the model code (src/lora) can use it without pulling in exact fractions.

/** A seedable source of numbers in [0, 1), so examples and tests can be replayed. */
export type Random = () => number;

/** Mulberry32: a small, fast, good-enough PRNG (example matrices, model initialisation, tests). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
