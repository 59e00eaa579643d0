import { createTyped, createNumeric, createIndexTransform, factory as typedFactory } from 'mathjs';
import Fraction from 'fraction.js';
import { cellError } from './cell-problem';

/** mathjs's `factory` types its dependency names as instance keys; these factories name classes too. */
const factory = typedFactory as unknown as (name: string, dependencies: string[], create: (deps: any) => unknown, meta?: object) => any;

/**
 * What makes mathjs's Fraction mode usable for a reader: `1/3 + 1/6` stays exact, `sqrt(2)` and `pi + 1/3`
 * fall back to floating point instead of failing, `1e-3` is read exactly, and `A[1, 2]` indexes with
 * fraction-valued indices. Each piece replaces one stock factory of the same name.
 */

/** Literal exponents past this are refused before any BigInt is built: 1e1000000000 would freeze the parser. */
export const LITERAL_EXPONENT_LIMIT = 400;

/** Reads a decimal literal such as "1.5e-3" as an exact fraction (fraction.js reads decimals, not exponents). */
export function exactLiteral(text: string): Fraction {
  const [mantissa, exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  if (!Number.isInteger(exponent) || Math.abs(exponent) > LITERAL_EXPONENT_LIMIT) {
    throw cellError('cell.exponentLimit', { text: text.slice(0, 30), limit: String(LITERAL_EXPONENT_LIMIT) });
  }
  const power = new Fraction(10n ** BigInt(Math.abs(exponent)));
  const m = new Fraction(mantissa);
  return exponent >= 0 ? m.mul(power) : m.div(power);
}

/**
 * typed-function picks the conversion with the lowest index. Fraction -> number comes first, so a fraction
 * meeting a float (or a function with no Fraction signature, like sqrt) becomes a float: exact until something
 * inexact appears. The stock list's Fraction -> BigNumber conversion, which only throws, is left out.
 */
export const createExactTyped = factory('typed', ['?BigNumber', '?Complex', '?DenseMatrix', '?Fraction'], (deps: any) => {
  const typed = createTyped(deps);
  const { Complex, DenseMatrix, Fraction: FractionClass } = deps;
  typed.clearConversions();
  typed.addConversions([
    { from: 'Fraction', to: 'number', convert: (x: Fraction) => x.valueOf() },
    {
      from: 'number', to: 'Fraction', convert: (x: number) => {
        const f = new FractionClass(x);
        if (f.valueOf() !== x) throw cellError('cell.notExact', { value: String(x) });
        return f;
      },
    },
    { from: 'number', to: 'Complex', convert: (x: number) => new Complex(x, 0) },
    { from: 'Fraction', to: 'Complex', convert: (x: Fraction) => new Complex(x.valueOf(), 0) },
    { from: 'boolean', to: 'number', convert: (x: boolean) => +x },
    { from: 'boolean', to: 'Fraction', convert: (x: boolean) => new FractionClass(+x) },
    { from: 'Array', to: 'Matrix', convert: (array: unknown[]) => new DenseMatrix(array) },
    { from: 'Matrix', to: 'Array', convert: (matrix: { valueOf(): unknown }) => matrix.valueOf() },
  ]);
  return typed;
});

/** The parser turns literals into numbers through `numeric(text, 'Fraction')`: read those exactly, with limits. */
export const createExactNumeric = factory('numeric', ['number', '?bignumber', '?fraction'], (deps: any) => {
  const numeric = createNumeric(deps);
  return (value: unknown, outputType?: string) =>
    typeof value === 'string' && outputType === 'Fraction' ? exactLiteral(value) : numeric(value, outputType);
});

/** A fraction of any mathjs instance (recognised by its flag, as mathjs itself does). */
export const isFraction = (x: unknown): x is Fraction => (x as any)?.isFraction === true;

/** A fraction or float as a float; NaN for anything else (a matrix, a string). */
export const plainNumber = (x: unknown): number => (isFraction(x) || typeof x === 'number' ? x.valueOf() : NaN);

/** Index transform (A[i, j], 1-based) that also accepts fraction-valued indices, which Fraction mode produces. */
export const createExactIndexTransform = factory('index', ['Index', 'getMatrixDataType'], (deps: any) => {
  const index = createIndexTransform(deps);
  return (...args: unknown[]) => index(...args.map((arg) => (isFraction(arg) ? arg.valueOf() : arg)));
}, { isTransformFunction: true });
