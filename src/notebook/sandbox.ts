import Fraction from 'fraction.js';
import { createMathInstance } from './math-instance';
import * as linalg from './linalg-functions';
import { isFraction, plainNumber } from './exact-numbers';
import { MAX_MATRIX_POWER, MAX_SOURCE_LENGTH, RunBudget, checkEntries, checkStringLength, indexEntries } from './cell-limits';
import { BUILDS, RESULT_NAMES } from './cell-builds';
import { boundFractions, withNumberBudget } from './bounded-fractions';
import { CELL_FUNCTIONS, checkMethodCalls } from './cell-calls';
import { cellError, phrase } from './cell-problem';

/**
 * The mathjs instance cells run in, locked down as mathjs's security guide says, and then some:
 * - only the functions on an allow-list (cell-calls.ts) can be called; every other name in the namespace,
 *   including those that parse, compile or change the library, throws "disabled";
 * - no method can be called at all (refused when the cell is parsed);
 * - every value a cell builds is sized before it is built (cell-limits.ts: matrices, ranges, index
 *   assignments that grow a matrix, concatenated text, and long exact numbers in bounded-fractions.ts), each on
 *   its own and summed over the run, so no cell can exhaust the worker's memory, which in Chrome takes the
 *   whole tab with it;
 * - the worker's time limit (cell-session.ts) stops anything slow that is small.
 * mathjs itself refuses property access to `constructor`, `__proto__` and methods of non-plain objects.
 */

export { MAX_SOURCE_LENGTH, MAX_MATRIX_POWER } from './cell-limits';

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

export function createSandbox(): Sandbox {
  boundFractions();
  const math = createMathInstance();
  // mathjs builds most functions lazily, resolving their dependencies from the namespace; build them all now,
  // before `typed`, `config` and friends are replaced by functions that refuse.
  for (const name of Object.keys(math)) void math[name];
  for (const name of Object.keys(math.expression.mathWithTransform)) void math.expression.mathWithTransform[name];
  const parse = math.parse;
  const original = {
    zeros: math.zeros, ones: math.ones, identity: math.identity, diag: math.diag, size: math.size,
    pow: math.pow, add: math.add, range: math.expression.mathWithTransform.range,
  };
  let budget = new RunBudget();
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
    if (size.some((s) => !Number.isInteger(s) || s < 0)) throw cellError('cell.wholeSizes', { fn: name });
    const count = name === 'identity' && size.length === 1 ? size[0] * size[0] : size.reduce((a, b) => a * b, 1);
    budget.chargeEntries(count, `${name}(${size.join(', ')})`);
    return exact((original[name] as any)(...args));
  };
  const matrixOf = (rows: unknown[]) => math.matrix(rows);

  /** An inclusive range a:b or a:s:b of exact values (the stock one mixes fractions and floats); called as range(a, b, s). */
  const range = (...args: unknown[]) => {
    const [start, end, step = fraction(1)] = args;
    if (![start, step, end].every((x) => isFraction(x) || typeof x === 'number')) {
      throw cellError('cell.rangeNumbers');
    }
    const s = plainNumber(step);
    if (s === 0) throw cellError('cell.rangeStep');
    budget.chargeEntries(Math.max(0, Math.floor((plainNumber(end) - plainNumber(start)) / s) + 1), phrase('cell.whatRange'));
    if (!isFraction(start) || !isFraction(step) || !isFraction(end)) return exact(original.range(...args));
    const values: Fraction[] = [];
    const up = step.s > 0n;
    for (let x = start; up ? x.compare(end) <= 0 : x.compare(end) >= 0; x = x.add(step)) values.push(x);
    return matrixOf(values);
  };

  const pow = (x: unknown, y: unknown) => {
    if (isMatrix(x) && Math.abs(plainNumber(y)) > MAX_MATRIX_POWER) {
      throw cellError('cell.powerLimit', { max: MAX_MATRIX_POWER });
    }
    return original.pow(x, y);
  };

  /** The stock trace starts its sum from the float 0, which turns fractions into floats; start from A[1, 1]. */
  const trace = (A: unknown) => {
    const rows = linalg.rowsOf(A, 'trace(A): A');
    if (rows.length !== rows[0].length) throw cellError('cell.traceSquare', { m: String(rows.length), n: String(rows[0].length) });
    return rows.map((row, i) => row[i]).reduce((sum: unknown, x) => original.add(sum, x));
  };

  const wrapMatrix = <A extends unknown[]>(fn: (...args: A) => unknown[]) => (...args: A) => matrixOf(fn(...args));
  math.import({
    zeros: guardedCreator('zeros'), ones: guardedCreator('ones'), identity: guardedCreator('identity'),
    diag: (...args: unknown[]) => exact(original.diag(...args)),
    size: (x: unknown) => exact(original.size(x)),
    range: Object.assign((...args: unknown[]) => range(...args), { transform: range }), pow, trace, norm: linalg.norm,
    rank: linalg.rank, rref: wrapMatrix(linalg.rref), svd: wrapMatrix(linalg.svd),
    lowrank: wrapMatrix(linalg.lowrank), energy: linalg.energy, phi: linalg.phi,
  }, { override: true });

  // The namespace expressions see: allowed functions sized before they run; anything else refuses.
  const namespace = math.expression.mathWithTransform;
  for (const name of Object.keys(namespace)) {
    const fn = namespace[name];
    if (typeof fn !== 'function') continue;
    if (!CELL_FUNCTIONS.has(name)) {
      namespace[name] = () => { throw cellError('cell.disabled', { name }); };
      continue;
    }
    const builds = BUILDS[name];
    namespace[name] = (...args: unknown[]) => {
      if (name === 'concat' && args.some((x) => typeof x === 'string')) {
        checkStringLength(args.reduce((sum: number, x) => sum + (typeof x === 'string' ? x.length : 0), 0));
      }
      for (const count of builds?.(args) ?? []) if (count > 0) budget.chargeEntries(count, RESULT_NAMES[name] ?? phrase('cell.whatResult'));
      const result = fn(...args);
      // An index is small, but what it selects, or what an assignment through it grows a matrix to, may not be.
      if (name === 'index') {
        const { selected, reach } = indexEntries(result);
        checkEntries(reach, phrase('cell.whatReach'));
        budget.chargeEntries(selected, phrase('cell.whatSelection'));
      }
      return result;
    };
  }

  const copy = <T>(value: T): T => {
    if (isMatrix(value)) return value.clone() as T;
    if (Array.isArray(value)) return value.map(copy) as T;
    return value; // numbers, fractions (immutable) and functions
  };

  return {
    parse(source) {
      if (source.length > MAX_SOURCE_LENGTH) {
        throw cellError('cell.sourceTooLong', { length: source.length, max: MAX_SOURCE_LENGTH });
      }
      const node = parse(source);
      checkMethodCalls(node);
      return node;
    },
    evaluate(node, scope) {
      budget = new RunBudget();
      return withNumberBudget(budget, () => node.compile().evaluate(scope));
    },
    copy,
    builtins: new Set(Object.keys(math.expression.mathWithTransform)),
  };
}
