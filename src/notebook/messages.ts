/**
 * mathjs's error messages, reworded for a reader where they are terse; anything else passes through. Size
 * errors are said in terms of the cell's own matrices when the cell's expression and scope are given
 * ("A is 1 × 2 and B is 1 × 2: …"), and mathjs's own text stays available after "Technically:".
 */

/** What plainMessage can look at besides the error: the parsed cell (a mathjs node) and the values it read. */
export interface MessageContext {
  node?: unknown;
  scope?: Map<string, unknown>;
}

interface ExpressionNode { type: string; name?: string; fn?: string; op?: string; args?: ExpressionNode[]; items?: ExpressionNode[];
  content?: ExpressionNode; filter?: (test: (n: ExpressionNode) => boolean) => ExpressionNode[]; toString(): string }

export function plainMessage(error: unknown, context: MessageContext = {}): string {
  const raw = error instanceof Error ? error.message : String(error);
  const undefinedSymbol = /^Undefined symbol (\S+)/.exec(raw);
  if (undefinedSymbol) return `“${undefinedSymbol[1]}” is not defined: define it in this cell or a cell above.`;
  const undefinedFunction = /^Undefined function (\S+)/.exec(raw);
  if (undefinedFunction) return `There is no function “${undefinedFunction[1]}” in cells.`;
  if (error instanceof SyntaxError) return `This could not be read: ${raw.charAt(0).toLowerCase()}${raw.slice(1)}.`.replace(/\.\.$/, '.');
  if (/Maximum call stack/i.test(raw)) return 'This calls itself too deeply (a function with no way to stop?).';
  if (/No access to|Cannot access method/.test(raw)) return `Refused: ${raw}. Cells cannot reach the page or JavaScript objects.`;
  const plain = sizeMessage(raw, context);
  const technical = raw.endsWith('.') ? raw : `${raw}.`;
  return plain ? `${plain} Technically: ${technical}` : technical;
}

const dims = (size: readonly number[]) => size.join(' × ');

/** The size errors mathjs gives, in words; '' for any other error. */
function sizeMessage(raw: string, context: MessageContext): string {
  const square = /must be square \(size: \[(\d+), (\d+)\]\)/.exec(raw);
  if (square) {
    const fn = functionOfSize(context, [Number(square[1]), Number(square[2])]);
    return `${fn ? `${fn.name}(…) needs` : 'This needs'} a square matrix (as many rows as columns), but ${fn?.arg ? `${fn.arg} is` : 'it was given a'} ` +
      `${square[1]} × ${square[2]}${fn?.arg ? '' : ' matrix'}.`;
  }
  const index = /Index out of range \((-?\d+) ([<>]) (\d+)\)/.exec(raw);
  if (index) {
    return index[2] === '>' ? `Position ${index[1]} is past the end: there are only ${index[3]} there (positions count from 1).`
      : `Position ${index[1]} is before the start: positions count from ${index[3]}.`;
  }
  if (!/Dimension mismatch|must have the same length|must have equal length|not possible to broadcast/i.test(raw)) return '';
  const clash = mismatchedOperands(context);
  if (clash) return clash;
  const product = /columns \((\d+)\) must match .* rows \((\d+)\)/.exec(raw);
  if (product) return `The sizes do not fit: a product A B needs as many columns in A (here ${product[1]}) as rows in B (here ${product[2]}).`;
  return 'The sizes of the matrices or vectors here do not fit together.';
}

/** The first operator in the cell whose two operands have sizes it cannot combine, said with their names. */
function mismatchedOperands({ node, scope }: MessageContext): string {
  const root = node as ExpressionNode | undefined;
  const operators = root?.filter?.((n) => n.type === 'OperatorNode' && (n.args?.length ?? 0) === 2) ?? [];
  for (const op of operators) {
    const [left, right] = op.args!;
    const a = sizeOf(left, scope);
    const b = sizeOf(right, scope);
    if (!a || !b) continue;
    const l = label(left, 'The left matrix');
    const r = label(right, 'the right matrix');
    if (op.fn === 'multiply' && !productFits(a, b)) {
      return `${l} is ${dims(a)} and ${r} is ${dims(b)}: a product needs as many columns on the left (${a[a.length - 1]}) ` +
        `as rows on the right (${b[0]}).`;
    }
    if (['add', 'subtract', 'dotMultiply', 'dotDivide', 'dotPow'].includes(op.fn ?? '') && !broadcastFits(a, b)) {
      return `${l} is ${dims(a)} and ${r} is ${dims(b)}: ${op.op} works entry by entry, so both sides need the same size.`;
    }
  }
  return '';
}

/** A named matrix by its name; anything else (a literal, a sub-expression) by where it stands. */
const label = (node: ExpressionNode, otherwise: string) => (node.type === 'SymbolNode' && node.name ? node.name : otherwise);

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
