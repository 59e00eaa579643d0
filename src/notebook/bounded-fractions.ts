import Fraction from 'fraction.js';
import { cellError } from './cell-problem';
import { MAX_NUMBER_BITS, type RunBudget } from './cell-limits';

/**
 * Exact numbers in cells are fraction.js fractions with BigInt parts, which grow without bound: squaring a
 * number ten times multiplies its length by a thousand. Every operation that can lengthen a fraction is checked
 * here, wherever mathjs calls it from (an operator, a matrix product, an element-wise power), so no route builds
 * a number past MAX_NUMBER_BITS. A power is checked before it is computed; a sum or product after, when it is at
 * most twice the limit. mathjs shares fraction.js's one class (and marks its prototype itself), so this patches
 * that prototype once; outside a cell run only the per-number limit applies.
 */

const SHORT = 2n ** 256n;
const LIMIT = 2n ** BigInt(MAX_NUMBER_BITS);

/** log2 of a positive bigint, also past the range of floats (to within 4 bits there). */
export function log2(n: bigint): number {
  return n < 2n ** 1000n ? Math.log2(Number(n)) : n.toString(16).length * 4;
}

const digitsOf = (bits: number) => Math.round(bits * Math.LOG10E * Math.LN2);

let budget: RunBudget | null = null;

/** Runs `run` with long numbers charged to `runBudget`. */
export function withNumberBudget<T>(runBudget: RunBudget, run: () => T): T {
  const outer = budget;
  budget = runBudget;
  try {
    return run();
  } finally {
    budget = outer;
  }
}

function checked(result: Fraction | null): Fraction | null {
  if (result === null || (result.n < SHORT && result.d < SHORT)) return result;
  const bits = Math.max(log2(result.n), log2(result.d));
  if (result.n >= LIMIT || result.d >= LIMIT) {
    throw cellError('cell.resultDigits', { digits: digitsOf(bits), max: digitsOf(MAX_NUMBER_BITS) });
  }
  budget?.chargeNumberBits(bits);
  return result;
}

type Method = (this: Fraction, ...args: unknown[]) => Fraction | null;
const PATCHED = Symbol.for('rankbook.boundedFractions');

/** Installs the checks on fraction.js's prototype (once). */
export function boundFractions(): void {
  const proto = Fraction.prototype as unknown as Record<string | symbol, Method | boolean>;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  for (const name of ['add', 'sub', 'mul', 'div', 'mod', 'lcm']) {
    const stock = proto[name] as Method;
    proto[name] = function (this: Fraction, ...args: unknown[]) { return checked(stock.apply(this, args)); };
  }
  const stockPow = proto.pow as Method;
  proto.pow = function (this: Fraction, ...args: unknown[]) {
    const exponent = args[1] === undefined ? new Fraction(args[0] as number) : new Fraction(args[0] as number, args[1] as number);
    const base = Math.max(log2(this.n), log2(this.d));
    const bits = base * Math.abs(exponent.valueOf());
    if (base > 0 && bits > MAX_NUMBER_BITS) {
      throw cellError('cell.powerDigits', { digits: digitsOf(bits), max: digitsOf(MAX_NUMBER_BITS) });
    }
    return checked(stockPow.apply(this, args));
  };
}
