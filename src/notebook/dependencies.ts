/**
 * Which names a cell defines and which it reads, found from its parsed expression tree (not by running it),
 * as an Observable notebook does: editing a cell that defines A re-runs the later cells that read A.
 *
 * Works on mathjs nodes structurally (by their `type` field), so it needs no mathjs instance of its own.
 */
export interface CellSymbols {
  /** Names the cell assigns, in order: `A = ...`, `f(x) = ...`, and `A[1, 2] = ...` (which changes A). */
  defines: string[];
  /** Free names the cell reads before (or without) defining them itself, built-ins such as `rank` included. */
  uses: string[];
}

interface MathNode {
  type: string;
  name?: string;
  params?: string[];
  object?: MathNode;
  value?: MathNode;
  index?: MathNode;
  expr?: MathNode;
  fn?: MathNode;
  args?: MathNode[];
  blocks?: { node: MathNode }[];
  forEach(callback: (child: MathNode) => void): void;
}

/** `end` inside an index (A[end, 1]) is a keyword, not a variable. */
const KEYWORDS = new Set(['end']);

export function cellSymbols(root: MathNode): CellSymbols {
  const defines: string[] = [];
  const uses: string[] = [];
  const definedHere = new Set<string>();
  const use = (name: string, bound: Set<string>) => {
    if (bound.has(name) || definedHere.has(name) || KEYWORDS.has(name) || uses.includes(name)) return;
    uses.push(name);
  };
  const define = (name: string) => {
    definedHere.add(name);
    if (!defines.includes(name)) defines.push(name);
  };

  const visit = (node: MathNode, bound: Set<string>): void => {
    switch (node.type) {
      case 'SymbolNode':
        use(node.name!, bound);
        return;
      case 'AssignmentNode': {
        // The value is computed before the name is bound, so `x = x + 1` reads the earlier x.
        visit(node.value!, bound);
        if (node.index) visit(node.index, bound);
        const target = node.object!;
        if (target.type === 'SymbolNode') {
          // A[1, 2] = 5 changes part of A: it reads A and defines it again.
          if (node.index) use(target.name!, bound);
          if (!bound.has(target.name!)) define(target.name!);
        } else {
          visit(target, bound);
        }
        return;
      }
      case 'FunctionAssignmentNode': {
        define(node.name!); // defined first: a function may call itself
        visit(node.expr!, new Set([...bound, ...node.params!]));
        return;
      }
      case 'BlockNode':
        for (const block of node.blocks!) visit(block.node, bound);
        return;
      default:
        node.forEach((child) => visit(child, bound));
    }
  };
  visit(root, new Set());
  return { defines, uses };
}
