import Fraction from 'fraction.js';
import { createMathInstance } from './math-instance';
import * as linalg from './linalg-functions';
import { isFraction, plainNumber } from './exact-numbers';

/**
 * The mathjs instance cells run in, locked down as mathjs's security guide says: the functions that parse,
 * compile or change the library itself throw "disabled", so an expression cannot reach the parser or the page.
 * mathjs itself refuses property access to `constructor`, `__proto__` and methods of non-plain objects.
 *
 * Size guards stop the commonest runaways (zeros(10000, 10000), 2^(10^9), 1:1e9) at once with a message;
 * anything slower that slips past them is stopped by the worker's time limit (see cell-session.ts).
 */

/** The most entries a matrix made in a cell may have (a 316 × 316 matrix of fractions is tens of MB). */
export const MAX_ENTRIES = 100_000;
/** Sources longer than this are refused before parsing. */
export const MAX_SOURCE_LENGTH = 4000;
/** An exact power with more bits than this would take seconds to compute and pages to print. */
export const MAX_POWER_BITS = 100_000;
/** A matrix power A^k with k beyond this is refused (entries of exact powers grow without bound). */
export const MAX_MATRIX_POWER = 10_000;

export const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'compile', 'resolve', 'reviver', 'replacer', 'parser', 'chain', 'config', 'typed', 'factory', 'create',
  'help', 'rationalize', 'symbolicEqual', 'leafCount'] as const;

export interface MathNode {
  type: string;
  toString(options?: object): string;
  toTex(): string;
  compile(): { evaluate(scope: Map<string, unknown>): unknown };
  forEach(callback: (child: MathNode) => void): void;
  [key: string]: any;
}

export interface Sandbox {
  /** Parses a cell's source, refusing sources too long to be typed by hand. */
  parse(source: string): MathNode;
  /** Evaluates a parsed cell against a scope (a Map, so no name can reach Object.prototype). */
  evaluate(node: MathNode, scope: Map<string, unknown>): unknown;
  /** A copy of a value, so one cell's `A[1, 1] = 5` cannot change the A another cell stored. */
  copy<T>(value: T): T;
  /** Names the library provides (functions and constants); anything else a cell reads comes from a cell. */
  builtins: ReadonlySet<string>;
}

const isMatrix = (x: unknown): x is { size(): number[]; valueOf(): unknown[]; clone(): unknown; map(f: (x: unknown) => unknown): unknown } =>
  (x as any)?.isMatrix === true;

/** The size a zeros/ones/identity call asks for: numbers, fractions, or one array/matrix of them. */
function requestedSize(args: unknown[]): number[] {
  const first = args[0];
  const list = isMatrix(first) ? first.valueOf() : Array.isArray(first) ? first : args.filter((a) => typeof a !== 'string');
  return (list as unknown[]).map(plainNumber);
}

function checkEntries(count: number, what: string): void {
  if (!(count <= MAX_ENTRIES)) {
    throw new RangeError(`${what} would have ${Number.isFinite(count) ? count.toLocaleString('en') : 'too many'} entries; cells hold matrices of up to ${MAX_ENTRIES.toLocaleString('en')} entries.`);
  }
}

/** log2 of a positive bigint, also past the range of floats. */
const log2 = (n: bigint) => (n < 2n ** 1000n ? Math.log2(Number(n)) : n.toString(2).length);

export function createSandbox(): Sandbox {
  const math = createMathInstance();
  // mathjs builds most functions lazily, resolving their dependencies from the namespace; build them all now,
  // before `typed`, `config` and friends are replaced by functions that throw.
  for (const name of Object.keys(math)) void math[name];
  for (const name of Object.keys(math.expression.mathWithTransform)) void math.expression.mathWithTransform[name];
  const parse = math.parse;
  const original = {
    zeros: math.zeros, ones: math.ones, identity: math.identity, diag: math.diag, size: math.size,
    multiply: math.multiply, pow: math.pow, add: math.add, range: math.expression.mathWithTransform.range,
  };
  const fraction = (x: number) => new Fraction(x);
  /** Whole-number floats from stock functions (zeros, ranges, sizes) become fractions, so exact stays exact. */
  const exact = (value: unknown): unknown => {
    const toExact = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? fraction(x) : x);
    if (isMatrix(value)) return value.map(toExact);
    if (Array.isArray(value)) return value.map((x) => (Array.isArray(x) ? x.map(toExact) : toExact(x)));
    return toExact(value);
  };
  const guardedCreator = (name: 'zeros' | 'ones' | 'identity') => (...args: unknown[]) => {
    const size = requestedSize(args);
    if (size.some((s) => !Number.isInteger(s) || s < 0)) throw new RangeError(`${name} needs whole-number sizes.`);
    const count = name === 'identity' && size.length === 1 ? size[0] * size[0] : size.reduce((a, b) => a * b, 1);
    checkEntries(count, `${name}(${size.join(', ')})`);
    return exact((original[name] as any)(...args));
  };
  const matrixOf = (rows: unknown[]) => math.matrix(rows);

  /** An inclusive range a:b or a:s:b of exact values (the stock one mixes fractions and floats). */
  const range = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === 'string') return original.range(...args);
    const [start, a, b] = args;
    const [step, end] = b === undefined ? [fraction(1), a] : [a, b];
    if (![start, step, end].every((x) => isFraction(x) || typeof x === 'number')) return original.range(...args);
    const s = plainNumber(step);
    if (s === 0) throw new RangeError('A range needs a non-zero step.');
    checkEntries(Math.floor((plainNumber(end) - plainNumber(start)) / s) + 1, 'That range');
    if (!isFraction(start) || !isFraction(step) || !isFraction(end)) return exact(original.range(...args));
    const values: Fraction[] = [];
    const up = step.s > 0n;
    for (let x = start; up ? x.compare(end) <= 0 : x.compare(end) >= 0; x = x.add(step)) values.push(x);
    return matrixOf(values);
  };

  const multiply = (...args: unknown[]) => {
    for (let t = 1; t < args.length; t++) {
      const [x, y] = [args[t - 1], args[t]];
      if (isMatrix(x) && isMatrix(y)) {
        const [m] = x.size();
        const ySize = y.size();
        checkEntries((x.size().length === 1 ? 1 : m) * (ySize.length === 1 ? 1 : ySize[1]), 'That product');
      }
    }
    return original.multiply(...args);
  };

  const pow = (x: unknown, y: unknown) => {
    if (isFraction(x) && isFraction(y) && y.d === 1n) {
      const bits = Number(y.n) * Math.max(log2(x.n), log2(x.d));
      if (bits > MAX_POWER_BITS) {
        throw new RangeError(`That power has about ${Math.round(bits * Math.LOG10E * Math.LN2).toLocaleString('en')} digits, too many to compute exactly in a cell.`);
      }
    }
    if (isMatrix(x) && Math.abs(plainNumber(y)) > MAX_MATRIX_POWER) {
      throw new RangeError(`Matrix powers in cells go up to ${MAX_MATRIX_POWER.toLocaleString('en')}.`);
    }
    return original.pow(x, y);
  };

  /** The stock trace starts its sum from the float 0, which turns fractions into floats; start from A[1, 1]. */
  const trace = (A: unknown) => {
    const rows = linalg.rowsOf(A, 'trace(A): A');
    if (rows.length !== rows[0].length) throw new RangeError(`trace needs a square matrix; this one is ${rows.length} × ${rows[0].length}.`);
    return rows.map((row, i) => row[i]).reduce((sum: unknown, x) => original.add(sum, x));
  };

  const disabled = Object.fromEntries(DISABLED.map((name) => [name, () => {
    throw new Error(`Function ${name} is disabled in cells.`);
  }]));
  const wrapMatrix = <A extends unknown[]>(fn: (...args: A) => unknown[]) => (...args: A) => matrixOf(fn(...args));
  const rangeWithTransform = Object.assign((...args: unknown[]) => range(...args), { transform: range });

  math.import({
    zeros: guardedCreator('zeros'), ones: guardedCreator('ones'), identity: guardedCreator('identity'),
    diag: (...args: unknown[]) => exact(original.diag(...args)),
    size: (x: unknown) => exact(original.size(x)),
    range: rangeWithTransform, multiply, pow, trace, norm: linalg.norm,
    rank: linalg.rank, rref: wrapMatrix(linalg.rref), svd: wrapMatrix(linalg.svd),
    lowrank: wrapMatrix(linalg.lowrank), energy: linalg.energy, phi: linalg.phi,
    ...disabled,
  }, { override: true });

  const copy = <T>(value: T): T => {
    if (isMatrix(value)) return value.clone() as T;
    if (Array.isArray(value)) return value.map(copy) as T;
    return value; // numbers, fractions (immutable) and functions
  };

  return {
    parse(source) {
      if (source.length > MAX_SOURCE_LENGTH) {
        throw new RangeError(`This cell is ${source.length.toLocaleString('en')} characters long; cells take up to ${MAX_SOURCE_LENGTH.toLocaleString('en')}.`);
      }
      return parse(source);
    },
    evaluate: (node, scope) => node.compile().evaluate(scope),
    copy,
    builtins: new Set(Object.keys(math.expression.mathWithTransform)),
  };
}
