import { createSandbox, type MathNode, type Sandbox } from './sandbox';
import { cellSymbols } from './dependencies';
import { formatValue, labelled, joined, type Formatted } from './format';
import { plainProblem } from './messages';
import { englishLookup, inEnglish, type CellProblem, type Lookup } from './cell-problem';

/** One cell as the page has it: an id that stays put and the source last run. */
export interface CellSource {
  id: string;
  source: string;
}

/** What a cell shows after a run. On an error, text/tex/spoken are still the last good result (shown greyed). */
export interface CellOutcome {
  id: string;
  source: string;
  text: string;
  tex: string;
  spoken: string;
  /** '' when the source ran; otherwise what went wrong, in English words (el.state, tests). */
  error: string;
  /** What went wrong as catalogue keys, for the page to say in its language; null when the source ran. */
  problem: CellProblem | null;
  /** True when an error is shown next to an older result. */
  stale: boolean;
  defines: string[];
  /** Names the cell reads that are not built into the library (or that a cell on the page redefines). */
  uses: string[];
}

interface CellRecord {
  source: string;
  defines: string[];
  uses: string[];
  /** The values this cell last defined successfully: later cells see these, even while this cell shows an error. */
  values: Map<string, unknown>;
  good: Formatted | null;
  problem: CellProblem | null;
}

/**
 * A page's cells sharing one scope, run in page order. `update` takes every cell's source and re-runs only the
 * cells whose source changed and, transitively, the later cells that read a name those cells (re)define,
 * as in an Observable notebook. Pure: no DOM, no worker; the worker and the build both drive it.
 */
export class Notebook {
  private cells = new Map<string, CellRecord>();
  private order: string[] = [];

  constructor(private readonly sandbox: Sandbox = createSandbox()) {}

  /**
   * Runs what needs running; returns the outcomes of the cells that ran, in page order. `words` says results
   * aloud (and the few words in their TeX) in the page's language.
   */
  update(cells: CellSource[], onStart?: (id: string) => void, words: Lookup = englishLookup): CellOutcome[] {
    const ids = cells.map((c) => c.id);
    // Cells added or removed only affect the cells that read their names; cells that swapped places re-run all.
    const kept = ids.filter((id) => this.cells.has(id));
    const before = this.order.filter((id) => ids.includes(id));
    const reordered = kept.some((id, t) => id !== before[t]);
    const changedNames = new Set<string>();
    for (const [id, record] of this.cells) {
      if (ids.includes(id)) continue;
      record.values.forEach((_, name) => changedNames.add(name));
      this.cells.delete(id);
    }
    this.order = ids;
    const definedOnPage = new Set(cells.flatMap((c) => this.cells.get(c.id)?.defines ?? []));

    const scope = new Map<string, unknown>();
    const outcomes: CellOutcome[] = [];
    for (const { id, source } of cells) {
      let record = this.cells.get(id);
      const edited = !record || record.source !== source || reordered;
      if (!record) {
        record = { source, defines: [], uses: [], values: new Map(), good: null, problem: null };
        this.cells.set(id, record);
      }
      if (edited || record.uses.some((name) => changedNames.has(name))) {
        onStart?.(id);
        const previous = [...record.values.keys()];
        // A failed run keeps its last good values, so only a successful one changes what later cells see.
        if (this.run(record, source, scope, words)) for (const name of [...previous, ...record.values.keys()]) changedNames.add(name);
        record.defines.forEach((name) => definedOnPage.add(name));
        outcomes.push(this.outcome(id, record, definedOnPage));
      }
      for (const [name, value] of record.values) scope.set(name, value);
    }
    return outcomes;
  }

  /** Runs one cell against the scope so far; true when it succeeded. */
  private run(record: CellRecord, source: string, scope: Map<string, unknown>, words: Lookup): boolean {
    record.source = source;
    let node: MathNode;
    try {
      node = this.sandbox.parse(source);
      Object.assign(record, cellSymbols(node as any));
    } catch (error) {
      record.problem = plainProblem(error);
      return false;
    }
    // The cell gets copies of what it reads, so an in-place change (A[1, 1] = 5) stays inside this cell.
    const local = new Map(scope);
    for (const name of record.uses) if (scope.has(name)) local.set(name, this.sandbox.copy(scope.get(name)));
    try {
      const value = this.sandbox.evaluate(node, local);
      record.good = describe(node, value, local, words);
      record.values = new Map(record.defines.filter((name) => local.has(name)).map((name) => [name, local.get(name)]));
      record.problem = null;
      return true;
    } catch (error) {
      record.problem = plainProblem(error, { node, scope: local });
      return false;
    }
  }

  private outcome(id: string, record: CellRecord, definedOnPage: Set<string>): CellOutcome {
    const good = record.good ?? { text: '', tex: '', spoken: '' };
    return {
      id, source: record.source, ...good, error: inEnglish(record.problem), problem: record.problem,
      stale: record.problem !== null && record.good !== null,
      defines: [...record.defines],
      uses: record.uses.filter((name) => !this.sandbox.builtins.has(name) || definedOnPage.has(name)),
    };
  }
}

/** A statement's result, labelled with the name it assigned (showing all of A after `A[1, 1] = 5`). */
function statement(node: MathNode, value: unknown, scope: Map<string, unknown>, words: Lookup): Formatted {
  if (node.type === 'AssignmentNode' && node.object.type === 'SymbolNode') {
    const name: string = node.object.name;
    return labelled(name, node.object.toTex(), formatValue(node.index ? scope.get(name) : value, words));
  }
  if (node.type === 'FunctionAssignmentNode') {
    const text = node.toString({ handler: fractionConstant });
    return { text, tex: node.toTex(), spoken: words('cell.definesFunction', { text }) };
  }
  return formatValue(value, words);
}

/** Prints a constant such as 2 (a Fraction in cells) as "2", not mathjs's "2/1". */
function fractionConstant(node: MathNode): string | undefined {
  return node.type === 'ConstantNode' && node.value?.isFraction ? formatValue(node.value).text : undefined;
}

function describe(node: MathNode, value: any, scope: Map<string, unknown>, words: Lookup): Formatted {
  if (node.type !== 'BlockNode') return statement(node, value, scope, words);
  // A block's ResultSet holds the values of its visible statements (those not ending in ';'), in order.
  const visible = (node.blocks as { node: MathNode; visible: boolean }[]).filter((b) => b.visible);
  const entries: unknown[] = value?.entries ?? [];
  return joined(visible.map((b, t) => statement(b.node, entries[t], scope, words)), words);
}
