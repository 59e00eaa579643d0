import { describe, it, expect } from 'vitest';
import { seededRandom } from '../../../src/linalg/seeded-random';

describe('seededRandom (mulberry32)', () => {
  it('replays the same stream for the same seed, and another for another seed', () => {
    const draw = (seed: number) => { const r = seededRandom(seed); return Array.from({ length: 5 }, r); };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const r = seededRandom(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
