import { h } from './dom';

export interface MatrixViewOptions {
  /** Accessible name, e.g. "C, the pivot columns of M". */
  label: string;
  /** Cells to highlight, as "row,column" keys. */
  highlight?: Set<string>;
  /** Rows to mark as just changed. */
  changedRows?: Set<number>;
}

/**
 * A read-only matrix in brackets, as an HTML table so screen readers can walk it by row and column.
 * Entries are text (already formatted); nothing is parsed as markup.
 */
export function matrixView(entries: string[][], options: MatrixViewOptions): HTMLTableElement {
  const { label, highlight, changedRows } = options;
  return h('table', { class: 'rb-matrix', 'aria-label': label },
    h('tbody', {}, ...entries.map((row, i) =>
      h('tr', { class: changedRows?.has(i) ? 'rb-changed' : undefined },
        ...row.map((x, j) => h('td', { class: highlight?.has(`${i},${j}`) ? 'rb-pivot' : undefined }, x)),
      ),
    )),
  );
}
