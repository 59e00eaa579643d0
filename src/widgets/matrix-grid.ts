import { h } from './dom';
import { english, type Translate } from '../i18n/translate';

/**
 * An editable grid of text inputs, one per entry. Arrow keys move between cells (left and right only when
 * the caret is at the edge of the text, so editing inside a number still works); Enter moves down.
 * A multi-cell paste (rows on lines, entries split by tabs or spaces) is handed to onPaste whole.
 */
export class MatrixGrid {
  readonly element: HTMLTableElement;
  private inputs: HTMLInputElement[][] = [];

  constructor(
    private readonly name: string,
    private readonly onEdit: (entries: string[][]) => void,
    private readonly onPaste: (text: string) => void,
    private readonly t: Translate = english,
  ) {
    this.element = h('table', { class: 'rb-grid', 'aria-label': t('matrixGrid.label', { name }) });
  }

  get entries(): string[][] {
    return this.inputs.map((row) => row.map((input) => input.value));
  }

  /** Rebuilds the grid for new entries, keeping focus on the same cell where it still exists. */
  setEntries(entries: string[][]): void {
    const focused = this.focusedCell();
    const body = h('tbody');
    this.inputs = entries.map((row, i) => {
      const inputs = row.map((value, j) => h('input', {
        type: 'text', inputMode: 'decimal', value, spellcheck: 'false', autocomplete: 'off',
        'aria-label': this.t('matrixGrid.cell', { name: this.name, row: i + 1, col: j + 1 }),
        'data-row': i, 'data-col': j, size: 5,
      }));
      body.appendChild(h('tr', {}, ...inputs.map((input) => h('td', {}, input))));
      return inputs;
    });
    this.element.replaceChildren(body);
    this.element.oninput = () => this.onEdit(this.entries);
    this.element.onkeydown = (event) => this.navigate(event);
    this.element.onpaste = (event) => this.paste(event);
    if (focused) this.focus(Math.min(focused[0], entries.length - 1), Math.min(focused[1], entries[0].length - 1));
  }

  /** Marks cells whose entry could not be read; others are cleared. */
  markInvalid(cells: Set<string>): void {
    this.inputs.forEach((row, i) => row.forEach((input, j) => {
      if (cells.has(`${i},${j}`)) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }));
  }

  describeCellsBy(id: string): void {
    this.inputs.flat().forEach((input) => input.setAttribute('aria-describedby', id));
  }

  focus(row: number, col: number): void {
    this.inputs[row]?.[col]?.focus();
  }

  private focusedCell(): [number, number] | null {
    const active = this.element.ownerDocument.activeElement;
    if (!(active instanceof HTMLInputElement) || !this.element.contains(active)) return null;
    return [Number(active.dataset.row), Number(active.dataset.col)];
  }

  private navigate(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = Number(input.dataset.row);
    const col = Number(input.dataset.col);
    // A fully selected cell (as after arriving by arrow) counts as being at both edges.
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = all || input.selectionEnd === 0;
    const atEnd = all || input.selectionStart === input.value.length;
    const moves: Record<string, [number, number] | null> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      Enter: [row + 1, col],
      ArrowLeft: atStart ? [row, col - 1] : null,
      ArrowRight: atEnd ? [row, col + 1] : null,
    };
    const target = moves[event.key];
    if (!target || !this.inputs[target[0]]?.[target[1]]) return;
    event.preventDefault();
    const next = this.inputs[target[0]][target[1]];
    next.focus();
    next.select();
  }

  private paste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    // A single value pastes into the cell as usual; only a block of values is read as a matrix.
    if (!/[\t\n]/.test(text.trim()) && !text.trim().startsWith('[')) return;
    event.preventDefault();
    this.onPaste(text);
  }
}
