import { CellError, inEnglish, phrase, type CellPhrase, type CellProblem, type PhraseValue } from './cell-problem';

/**
 * mathjs's error messages, reworded for a reader where they are terse; anything else passes through. Size
 * errors are said in terms of the cell's own matrices when the cell's expression and scope are given
 * ("A is 1 × 2 and B is 1 × 2: …"), and mathjs's own text stays available after "Technically:". The words
 * are catalogue keys (cell-problem.ts), phrased in the page's language by the page.
 */

/** What plainProblem can look at besides the error: the parsed cell (a mathjs node) and the values it read. */
export interface MessageContext {
  node?: unknown;
  scope?: Map<string, unknown>;
}

interface ExpressionNode { type: string; name?: string; fn?: string; op?: string; args?: ExpressionNode[]; items?: ExpressionNode[];
  content?: ExpressionNode; filter?: (test: (n: ExpressionNode) => boolean) => ExpressionNode[]; toString(): string }

export function plainProblem(error: unknown, context: MessageContext = {}): CellProblem {
  if (error instanceof CellError) return [error.phrase];
  const raw = error instanceof Error ? error.message : String(error);
  const undefinedSymbol = /^Undefined symbol (\S+)/.exec(raw);
  if (undefinedSymbol) return [phrase('cell.undefinedSymbol', { name: undefinedSymbol[1] })];
  const undefinedFunction = /^Undefined function (\S+)/.exec(raw);
  if (undefinedFunction) return [phrase('cell.undefinedFunction', { name: undefinedFunction[1] })];
  if (error instanceof SyntaxError) return [phrase('cell.unreadable', { detail: `${raw.charAt(0).toLowerCase()}${raw.slice(1)}`.replace(/\.$/, '') })];
  if (/Maximum call stack/i.test(raw)) return [phrase('cell.tooDeep')];
  if (/No access to|Cannot access method/.test(raw)) return [phrase('cell.refused', { detail: raw })];
  const plain = sizeMessage(raw, context);
  const technical = raw.endsWith('.') ? raw : `${raw}.`;
  return plain ? [plain, phrase('cell.technically', { detail: technical })] : [{ text: technical }];
}

/** The same in English: what an outcome's `error` holds. */
export const plainMessage = (error: unknown, context: MessageContext = {}): string => inEnglish(plainProblem(error, context));

const dims = (size: readonly number[]) => size.join(' × ');

/** The size errors mathjs gives, in words; null for any other error. */
function sizeMessage(raw: string, context: MessageContext): CellPhrase | null {
  const square = /must be square \(size: \[(\d+), (\d+)\]\)/.exec(raw);
  if (square) {
    const fn = functionOfSize(context, [Number(square[1]), Number(square[2])]);
    const [m, n] = [square[1], square[2]];
    if (fn?.arg) return phrase('cell.squareNamed', { fn: fn.name, arg: fn.arg, m, n });
    return fn ? phrase('cell.squareCall', { fn: fn.name, m, n }) : phrase('cell.square', { m, n });
  }
  const index = /Index out of range \((-?\d+) ([<>]) (\d+)\)/.exec(raw);
  if (index) {
    return index[2] === '>' ? phrase('cell.indexPastEnd', { position: index[1], count: index[3] })
      : phrase('cell.indexBeforeStart', { position: index[1], first: index[3] });
  }
  if (!/Dimension mismatch|must have the same length|must have equal length|not possible to broadcast/i.test(raw)) return null;
  const clash = mismatchedOperands(context);
  if (clash) return clash;
  const product = /columns \((\d+)\) must match .* rows \((\d+)\)/.exec(raw);
  if (product) return phrase('cell.productMismatch', { columns: product[1], rows: product[2] });
  return phrase('cell.sizesMismatch');
}

/** The first operator in the cell whose two operands have sizes it cannot combine, said with their names. */
function mismatchedOperands({ node, scope }: MessageContext): CellPhrase | null {
  const root = node as ExpressionNode | undefined;
  const operators = root?.filter?.((n) => n.type === 'OperatorNode' && (n.args?.length ?? 0) === 2) ?? [];
  for (const op of operators) {
    const [left, right] = op.args!;
    const a = sizeOf(left, scope);
    const b = sizeOf(right, scope);
    if (!a || !b) continue;
    const sizes = { left: label(left, phrase('cell.leftMatrix')), a: dims(a), right: label(right, phrase('cell.rightMatrix')), b: dims(b) };
    if (op.fn === 'multiply' && !productFits(a, b)) {
      return phrase('cell.productSizes', { ...sizes, columns: String(a[a.length - 1]), rows: String(b[0]) });
    }
    if (['add', 'subtract', 'dotMultiply', 'dotDivide', 'dotPow'].includes(op.fn ?? '') && !broadcastFits(a, b)) {
      return phrase('cell.entrywiseSizes', { ...sizes, op: op.op ?? '' });
    }
  }
  return null;
}

/** A named matrix by its name; anything else (a literal, a sub-expression) by where it stands. */
const label = (node: ExpressionNode, otherwise: PhraseValue): PhraseValue => (node.type === 'SymbolNode' && node.name ? node.name : otherwise);

function productFits(a: number[], b: number[]): boolean {
  if (a.length === 0 || b.length === 0) return true; // a number times anything
  return a[a.length - 1] === b[0];
}

function broadcastFits(a: number[], b: number[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.length === b.length && a.every((n, i) => n === b[i] || n === 1 || b[i] === 1);
}

/** A function called on a named matrix of this size: inv(A) with A 1 x 2 gives { name: 'inv', arg: 'A' }. */
function functionOfSize({ node, scope }: MessageContext, size: number[]): { name: string; arg: string } | null {
  const root = node as ExpressionNode | undefined;
  for (const call of root?.filter?.((n) => n.type === 'FunctionNode') ?? []) {
    const arg = call.args?.[0];
    const s = arg && sizeOf(arg, scope);
    if (s && s.join() === size.join()) return { name: String(call.name), arg: arg.type === 'SymbolNode' ? String(arg.name) : '' };
  }
  return null;
}

/** The size of an operand the cell names or writes out, [] for a number, null when it cannot be told without running it. */
function sizeOf(node: ExpressionNode, scope: Map<string, unknown> | undefined): number[] | null {
  if (node.type === 'ParenthesisNode' && node.content) return sizeOf(node.content, scope);
  if (node.type === 'ConstantNode') return [];
  if (node.type === 'SymbolNode' && node.name && scope?.has(node.name)) return valueSize(scope.get(node.name));
  if (node.type === 'ArrayNode' && node.items) {
    const inner = node.items.map((item) => sizeOf(item, scope));
    if (inner.some((s) => s === null)) return null;
    const first = inner[0] ?? [];
    return inner.every((s) => s!.join() === first.join()) ? [node.items.length, ...first] : null;
  }
  return null;
}

function valueSize(value: unknown): number[] | null {
  if (typeof value === 'number' || typeof value === 'bigint') return [];
  if (value && typeof (value as { size?: unknown }).size === 'function') return (value as { size(): number[] }).size();
  if (Array.isArray(value)) {
    const inner = value.length ? valueSize(value[0]) : [];
    return inner ? [value.length, ...inner] : null;
  }
  if (value && typeof value === 'object' && 'n' in value && 'd' in value) return []; // a fraction
  return null;
}
