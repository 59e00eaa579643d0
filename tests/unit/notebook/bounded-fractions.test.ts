import { describe, it, expect } from 'vitest';
import Fraction from 'fraction.js';
import { boundFractions, log2, withNumberBudget } from '../../../src/notebook/bounded-fractions';
import { MAX_NUMBER_BITS, RunBudget } from '../../../src/notebook/cell-limits';

boundFractions();
const big = (bits: number) => new Fraction(2n ** BigInt(bits) - 1n);

describe('bounded fractions: no route builds an exact number past the limit', () => {
  it('measures long numbers past the range of floats', () => {
    expect(log2(1n)).toBe(0);
    expect(log2(1024n)).toBe(10);
    expect(log2(2n ** 5000n)).toBeGreaterThanOrEqual(5000);
    expect(log2(2n ** 5000n)).toBeLessThan(5005);
  });

  it.each([
    ['a product', () => big(MAX_NUMBER_BITS / 2 + 10).mul(big(MAX_NUMBER_BITS / 2 + 10))],
    ['a quotient', () => big(MAX_NUMBER_BITS).div(new Fraction(1, 3)).div(big(200))],
    ['a sum of unlike fractions', () => new Fraction(1n, 2n ** 5000n - 1n).add(new Fraction(1n, 2n ** 5000n + 1n))],
    ['a difference', () => new Fraction(1n, 3n ** 3000n).sub(new Fraction(1n, 5n ** 3000n))],
    ['a least common multiple', () => big(5000).lcm(big(4999))],
  ])('refuses %s past the limit, naming the digits', (_, build) => {
    expect(build).toThrow(/digits; exact numbers in cells have up to 2,466/);
  });

  it.each([[2, 1e9], [3, 1e5], [new Fraction(3, 7), 1e8], [big(100), 100]])('refuses %s^%s before computing it', (base, exponent) => {
    const start = performance.now();
    expect(() => new Fraction(base as any).pow(exponent)).toThrow(/digits, too many to compute exactly/);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('leaves ordinary arithmetic alone', () => {
    expect(new Fraction(1, 3).add(new Fraction(1, 6)).toFraction()).toBe('1/2');
    expect(new Fraction(2).pow(100).n).toBe(2n ** 100n);
    expect(new Fraction(1).pow(1e12).n).toBe(1n);
    expect(new Fraction(4).pow(new Fraction(1, 2))?.n).toBe(2n);
  });

  it('charges long numbers to the run that builds them', () => {
    const budget = new RunBudget();
    expect(() => withNumberBudget(budget, () => {
      for (let t = 0; t < 1e6; t++) big(4000).add(new Fraction(t));
    })).toThrow(/too many very long exact numbers/);
    // Outside a run, only the per-number limit applies.
    for (let t = 0; t < 100; t++) big(4000).add(new Fraction(t));
  });
});
