import { MAX_MATRIX_POWER, broadcastEntries, entriesOf, productEntries, sizeOf } from './cell-limits';
import { plainNumber } from './exact-numbers';
import { phrase, type CellPhrase } from './cell-problem';

/**
 * How big a result each function on the allow-list (cell-calls.ts) will build, read from its arguments before
 * it runs; sandbox.ts charges these to the run's budget. Every allowed function is either here or in
 * SIZED_ELSEWHERE, which a unit test checks, so a function added to the allow-list must be sized first.
 */

const isMatrix = (x: unknown): x is { size(): number[] } => (x as any)?.isMatrix === true;

/** Entries of a value if it is a matrix (or array), 0 for a scalar. */
const matrixEntries = (x: unknown) => (sizeOf(x).length > 0 ? entriesOf(x) : 0);

/**
 * The matrices each allowed function that can build them will build, as entry counts from its arguments (a
 * product chain or a matrix power builds several); [] for a scalar result.
 */
export const BUILDS: Record<string, (args: unknown[]) => number[]> = {
  matrix: (args) => [matrixEntries(args[0])],
  multiply: (args) => args.slice(1).map((y, t) => productEntries(args[t], y)),
  divide: (args) => [Math.max(matrixEntries(args[0]), matrixEntries(args[1]))],
  concat: (args) => [args.reduce((sum: number, x) => sum + matrixEntries(x), 0)],
  diag: ([v, k]) => {
    const size = sizeOf(v);
    return size.length === 1 ? [(size[0] + Math.abs(plainNumber(k ?? 0))) ** 2] : [];
  },
  // Repeated squaring: about two products of n × n per bit of k.
  pow: ([x, k]) => (isMatrix(x)
    ? Array<number>(2 * Math.ceil(Math.log2(Math.min(Math.abs(plainNumber(k)), MAX_MATRIX_POWER) + 2))).fill(x.size()[0] ** 2)
    : []),
};
/** What a message calls each builder's result ("That product would have … entries"). */
export const RESULT_NAMES: Record<string, CellPhrase> = {
  multiply: phrase('cell.whatProduct'), concat: phrase('cell.whatConcatenation'), diag: phrase('cell.whatDiagonal'),
  matrix: phrase('cell.whatMatrix'), pow: phrase('cell.whatPower'),
};
for (const name of ['transpose', 'ctranspose', 'inv', 'rref', 'svd', 'lowrank']) BUILDS[name] = (args) => [matrixEntries(args[0])];
for (const name of ['add', 'subtract', 'dotMultiply', 'dotDivide', 'dotPow', 'unaryMinus', 'unaryPlus', 'abs', 'sqrt',
  'exp', 'log', 'round', 'conj', 'sin', 'cos', 'number', 'fraction', 'complex', 'equal', 'unequal', 'smaller',
  'smallerEq', 'larger', 'largerEq', 'compare', 'isInteger', 'isZero', 'isPositive', 'isNegative', 'isNumeric',
  'isBounded', 'isNaN']) BUILDS[name] = (args) => [broadcastEntries(args)];


/**
 * Allowed functions that need no entry above: they return scalars or small vectors (size, det, sum …), or
 * sandbox.ts sizes them itself before building (zeros, ones, identity, range, and index, which bounds every
 * selection and every assignment that grows a matrix, and so subset).
 */
export const SIZED_ELSEWHERE: ReadonlySet<string> = new Set([
  'zeros', 'ones', 'identity', 'range', 'index', 'subset', 'size', 'det', 'trace', 'dot', 'sum', 'max', 'min', 'norm',
  'rank', 'energy', 'phi', 'typeOf', 'bignumber',
]);
