import { cellError } from './cell-problem';

/**
 * What a cell may call: an allow-list, so a function or method that a newer mathjs (or JavaScript) adds is
 * refused until someone decides it is safe. Everything else in the library's namespace is replaced by a
 * function that refuses (sandbox.ts), and method calls (`"ab".repeat(1e9)`, `A.resize([1e5, 1e5])`) are
 * refused when the cell is read, before anything runs.
 */

/** Library functions a cell may call, by name; each returns a value whose size sandbox.ts checks first. */
export const CELL_FUNCTIONS: ReadonlySet<string> = new Set([
  // construction and conversion
  'matrix', 'fraction', 'number', 'complex', 'identity', 'zeros', 'ones', 'range', 'size', 'subset', 'concat',
  'diag', 'transpose', 'ctranspose', 'index', 'bignumber',
  // arithmetic
  'add', 'subtract', 'multiply', 'divide', 'dotMultiply', 'dotDivide', 'dotPow', 'pow', 'unaryMinus',
  'unaryPlus', 'abs', 'sqrt', 'exp', 'log', 'round', 'conj', 'sin', 'cos',
  // linear algebra and reductions
  'dot', 'det', 'inv', 'trace', 'sum', 'max', 'min', 'norm', 'rank', 'rref', 'svd', 'lowrank', 'energy', 'phi',
  // relations and tests
  'equal', 'unequal', 'smaller', 'smallerEq', 'larger', 'largerEq', 'compare', 'isInteger', 'isZero',
  'isPositive', 'isNegative', 'isNumeric', 'isBounded', 'isNaN', 'typeOf',
]);

/**
 * Methods a cell may call on a value (`x.name(...)`). None: every operation a lesson needs is a function, and
 * methods of strings and matrices (repeat, padStart, resize, map) build values of any size in one call.
 */
export const CELL_METHODS: ReadonlySet<string> = new Set<string>();

interface CallNode {
  type: string;
  fn?: CallNode;
  index?: { isObjectProperty?(): boolean; getObjectProperty?(): string };
  forEach(callback: (child: CallNode) => void): void;
}

/** Throws when the parsed cell calls a method that is not on the allow-list (or one whose name is computed). */
export function checkMethodCalls(node: CallNode): void {
  if (node.type === 'FunctionNode' && node.fn?.type === 'AccessorNode') {
    const index = node.fn.index;
    const name = index?.isObjectProperty?.() ? index.getObjectProperty?.() : undefined;
    if (name === undefined || !CELL_METHODS.has(name)) {
      throw name ? cellError('cell.noMethodNamed', { name }) : cellError('cell.noMethods');
    }
  }
  node.forEach(checkMethodCalls);
}
