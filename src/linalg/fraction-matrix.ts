import Fraction from 'fraction.js';

/** A matrix of exact rationals, row-major. */
export type FractionMatrix = Fraction[][];

/** Entries beyond this size are refused: they would overflow the floating-point checks beside them. */
export const ENTRY_LIMIT = 1e12;

/** Why a typed entry cannot be read, as a code with its values: the widgets and exercises put it in words. */
export type EntryProblem =
  | { problem: 'empty' }
  | { problem: 'notNumber'; text: string }
  | { problem: 'divisionByZero' }
  | { problem: 'tooLarge' }
  | { problem: 'tooSmall' };

export type EntryResult = { ok: true; value: Fraction } | ({ ok: false } & EntryProblem);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads one typed entry: an integer, a decimal, or a fraction like -2/3; else says why not (../i18n/entry-problems words it). */
export function parseEntry(text: string): EntryResult {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'empty' };
  const parts = t.split('/');
  if (parts.length > 2 || !parts.every((p) => NUMBER.test(p.trim()))) {
    return { ok: false, problem: 'notNumber', text: t.slice(0, 20) };
  }
  const [num, den] = parts.map((p) => exactDecimal(p.trim()));
  const value = den === undefined ? num : den.equals(0) ? null : num.div(den);
  if (value === null) return { ok: false, problem: 'divisionByZero' };
  const size = value.abs();
  if (size.compare(ENTRY_LIMIT) > 0) return { ok: false, problem: 'tooLarge' };
  if (!size.equals(0) && size.compare(new Fraction(1, ENTRY_LIMIT)) < 0) {
    return { ok: false, problem: 'tooSmall' };
  }
  return { ok: true, value };
}

/** "1.5e-3" as an exact fraction (fraction.js reads decimals but not exponents). */
function exactDecimal(text: string): Fraction {
  const [mantissa, exponent = '0'] = text.toLowerCase().split('e');
  const e = Number(exponent);
  // Exponents past the entry limit are refused by the caller; clamp so BigInt powers stay small.
  const power = new Fraction(10n ** BigInt(Math.min(Math.abs(e), 400)));
  const m = new Fraction(mantissa);
  return e >= 0 ? m.mul(power) : m.div(power);
}

export function toNumbers(M: FractionMatrix): number[][] {
  return M.map((row) => row.map((x) => x.valueOf()));
}

export function fromNumbers(M: number[][]): FractionMatrix {
  return M.map((row) => row.map((x) => new Fraction(x)));
}

export function fractionMatricesEqual(A: FractionMatrix, B: FractionMatrix): boolean {
  return A.length === B.length &&
    A.every((row, i) => row.length === B[i].length && row.every((x, j) => x.equals(B[i][j])));
}

export function multiply(A: FractionMatrix, B: FractionMatrix): FractionMatrix {
  const inner = B.length;
  const cols = inner === 0 ? 0 : B[0].length;
  return A.map((row) => {
    const out: Fraction[] = [];
    for (let j = 0; j < cols; j++) {
      let sum = new Fraction(0);
      for (let k = 0; k < inner; k++) sum = sum.add(row[k].mul(B[k][j]));
      out.push(sum);
    }
    return out;
  });
}

/** Fraction as plain text: "2/3", "-5", "0". */
export function formatFraction(x: Fraction): string {
  return x.toFraction();
}

/** Fraction as TeX: \frac{2}{3}. */
export function fractionTex(x: Fraction): string {
  if (x.d === 1n) return x.toFraction();
  const sign = x.s < 0n ? '-' : '';
  return `${sign}\\tfrac{${x.n}}{${x.d}}`;
}
