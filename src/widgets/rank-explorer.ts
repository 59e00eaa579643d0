import { h, fill, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { MatrixGrid } from './matrix-grid';
import { EliminationStepper } from './elimination-stepper';
import { matrixView } from './matrix-view';
import { parseEntry, formatFraction, toNumbers, type FractionMatrix } from '../linalg/fraction-matrix';
import { parseMatrixText, checkSize } from '../linalg/matrix-text';
import { eliminate } from '../linalg/rref';
import { columnRowFactorisation, storageCounts } from '../linalg/factorisation';
import { singularValues } from '../linalg/svd';
import { rank as numericRank } from '../linalg/rank';
import { numericRankSentence, randomRank } from './rank-explorer-words';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { seededRandom } from '../linalg/seeded-random';
import type { Translate } from '../i18n/translate';
import { entryProblemText, matrixTextProblemText } from '../i18n/entry-problems';

export const MAX_SIZE = 8;
export const RANK_ONE_EXAMPLE = [[1, 2, 3], [2, 4, 6], [3, 6, 9]];

export interface RankExplorerState {
  matrix: string[][];
  rows: number;
  cols: number;
  rank: number;
  pivotColumns: number[];
  singularValues: number[];
  numericRank: number;
  step: number;
  totalSteps: number;
  factorisationExact: boolean;
  storage: { full: number; factored: number };
  /** The message on show, '' when the matrix as typed is valid. Results then belong to the last valid one. */
  error: string;
}

const text = (M: FractionMatrix) => M.map((row) => row.map(formatFraction));
const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** Every cell read exactly: the matrix when all are numbers, the cells that are not ("i,j"), the first one's problem in words. */
function readEntries(entries: string[][], t: Translate): { M: FractionMatrix | null; invalid: Set<string>; first: string } {
  const invalid = new Set<string>();
  let first = '';
  const M = entries.map((row, i) => row.map((cell, j) => {
    const result = parseEntry(cell);
    if (result.ok) return result.value;
    invalid.add(`${i},${j}`);
    first ||= t('rankExplorer.cellProblem', { row: i + 1, col: j + 1, problem: entryProblemText(result, t) });
    return null;
  }));
  return { M: invalid.size === 0 ? (M as FractionMatrix) : null, invalid, first };
}

/** What the results show for a valid matrix, computed once: state and render both read it. */
function analyse(M: FractionMatrix) {
  const elimination = eliminate(M);
  const numbers = toNumbers(M);
  return { elimination, sigma: singularValues(numbers), numericRank: numericRank(numbers), factorisation: columnRowFactorisation(M) };
}

/** `<rankbook-rank-explorer matrix="[[1,2],[2,4]]">`: type a matrix, watch exact row reduction find its rank. */
export class RankExplorer extends WidgetElement<RankExplorerState> {
  static observedAttributes = ['matrix'];
  private grid!: MatrixGrid;
  private stepper!: EliminationStepper;
  private parts!: Record<'message' | 'summary' | 'numeric' | 'factorisation' | 'storage' | 'pasteMessage' | 'presetMessage', HTMLElement>;
  private pasteBox!: HTMLTextAreaElement;
  private rankInput!: HTMLInputElement;
  private valid: ({ entries: string[][]; M: FractionMatrix } & ReturnType<typeof analyse>) | null = null;
  private error = '';
  private random = seededRandom(Date.now());

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.load(this.getAttribute('matrix') ?? JSON.stringify(RANK_ONE_EXAMPLE), 'attribute');
    });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.grid && value !== null && value !== old) this.load(value, 'attribute');
  }

  protected currentState(): RankExplorerState {
    const v = this.valid;
    const entries = this.grid?.entries ?? [];
    const M = v?.M ?? [];
    const rows = M.length;
    const cols = rows ? M[0].length : 0;
    const r = v?.elimination.rank ?? 0;
    return {
      matrix: entries, rows, cols, rank: r,
      pivotColumns: v?.elimination.pivotColumns ?? [],
      singularValues: v?.sigma ?? [],
      numericRank: v?.numericRank ?? 0,
      step: this.stepper?.step ?? 0,
      totalSteps: v?.elimination.steps.length ?? 0,
      factorisationExact: v?.factorisation.exact ?? false,
      storage: storageCounts(rows, cols, r),
      error: this.error,
    };
  }

  private build(): void {
    const messageId = uniqueId('message');
    const pasteId = uniqueId('paste');
    const rankId = uniqueId('rank');
    const presetId = uniqueId('preset');
    const t = this.t;
    this.grid = new MatrixGrid('M', (entries) => this.edit(entries), (text) => this.load(text, 'grid'), t);
    this.stepper = new EliminationStepper(() => this.emitChange(), t);
    this.rankInput = h('input', { type: 'number', id: rankId, min: 0, max: MAX_SIZE, value: 2, class: 'rb-small' });
    const preset = h('select', { id: presetId },
      h('option', { value: 'example' }, t('rankExplorer.presetExample')),
      h('option', { value: 'identity' }, t('rankExplorer.presetIdentity')),
      h('option', { value: 'random' }, t('rankExplorer.presetRandom')));
    this.pasteBox = h('textarea', { id: pasteId, rows: 4, cols: 30, placeholder: '1 2 3\n2 4 6' });
    const resize = (dm: number, dn: number) => () => this.resize(dm, dn);
    this.parts = {
      message: h('p', { id: messageId, class: 'rb-message', role: 'alert', hidden: true }),
      pasteMessage: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
      presetMessage: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
      summary: h('p', { class: 'rb-result' }),
      numeric: h('p', { class: 'rb-note' }),
      factorisation: h('div', { class: 'rb-factorisation' }),
      storage: h('p'),
    };
    this.replaceChildren(
      h('div', { class: 'rb-widget rb-rank-explorer' },
        h('div', { class: 'rb-row rb-controls', 'data-control': 'presets' },
          h('label', { for: presetId }, t('rankExplorer.startFrom')), preset,
          h('label', { for: rankId }, 'k'), this.rankInput,
          h('button', { type: 'button', onclick: () => this.loadPreset(preset.value) }, t('rankExplorer.load'))),
        this.parts.presetMessage,
        h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': t('rankExplorer.size'), 'data-control': 'size' },
          h('button', { type: 'button', onclick: resize(1, 0) }, t('rankExplorer.addRow')),
          h('button', { type: 'button', onclick: resize(-1, 0) }, t('rankExplorer.removeRow')),
          h('button', { type: 'button', onclick: resize(0, 1) }, t('rankExplorer.addColumn')),
          h('button', { type: 'button', onclick: resize(0, -1) }, t('rankExplorer.removeColumn'))),
        this.grid.element, this.parts.message,
        h('details', { class: 'rb-paste', 'data-control': 'paste' }, h('summary', {}, t('rankExplorer.paste')),
          h('label', { for: pasteId }, t('rankExplorer.pasteLabel')),
          this.pasteBox,
          h('button', { type: 'button', onclick: () => this.load(this.pasteBox.value, 'paste') }, t('rankExplorer.usePasted')),
          this.parts.pasteMessage),
        this.parts.summary, this.parts.numeric, this.stepper.element,
        h('div', { 'data-control': 'factorisation' },
          h('p', { class: 'rb-subhead' }, t('rankExplorer.rebuilt')), this.parts.factorisation, this.parts.storage),
        this.createLiveRegion()),
    );
    this.grid.describeCellsBy(messageId);
  }

  /**
   * Loads a whole matrix from the attribute, the paste box or a paste into the grid; a bad one leaves the current
   * matrix as it was. The message goes where the reader acted: under the paste box for the box, under the grid
   * otherwise (the paste box may be closed).
   */
  private load(source: string, from: 'attribute' | 'paste' | 'grid'): void {
    const where = from === 'paste' ? this.parts.pasteMessage : this.parts.message;
    const parsed = parseMatrixText(source);
    const tooLarge = parsed.ok ? checkSize(parsed.entries, MAX_SIZE, MAX_SIZE) : null;
    const problem = !parsed.ok ? matrixTextProblemText(parsed, this.t)
      : tooLarge ? this.t('entry.tooManyCells', { ...tooLarge, most: MAX_SIZE }) : readEntries(parsed.entries, this.t).first;
    if (!parsed.ok || problem) {
      const prefix = from === 'attribute' ? `${this.t('rankExplorer.attributeUnusable')} ` : '';
      setMessage(where, prefix + problem + (this.valid ? ` ${this.t('rankExplorer.previousKept')}` : ''));
      if (!this.valid) this.setEntries(RANK_ONE_EXAMPLE.map((r) => r.map(String)), false);
      return;
    }
    setMessage(this.parts.pasteMessage, '');
    this.setEntries(parsed.entries);
  }

  private loadPreset(kind: string): void {
    const m = this.valid?.M.length ?? 3;
    const n = this.valid?.M[0].length ?? 3;
    const { k, message } = kind === 'random' ? randomRank(this.rankInput.value, m, n, this.t) : { k: Number(this.rankInput.value), message: '' };
    setMessage(this.parts.presetMessage, message, this.rankInput);
    if (kind === 'random') this.rankInput.value = String(k);
    const M = kind === 'identity' ? identity(Math.max(m, n))
      : kind === 'random' ? integerMatrixOfRank(m, n, k, this.random) : RANK_ONE_EXAMPLE;
    this.setEntries(M.map((r) => r.map(String)));
  }

  private resize(dm: number, dn: number): void {
    const entries = this.grid.entries;
    const m = Math.max(1, Math.min(MAX_SIZE, entries.length + dm));
    const n = Math.max(1, Math.min(MAX_SIZE, entries[0].length + dn));
    this.setEntries(Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => entries[i]?.[j] ?? '0')));
  }

  private setEntries(entries: string[][], notify = true): void {
    this.grid.setEntries(entries);
    this.edit(entries, notify);
  }

  /** Reads every cell; only a fully valid matrix replaces the results on show. */
  private edit(entries: string[][], notify = true): void {
    const { M, invalid, first } = readEntries(entries, this.t);
    this.grid.markInvalid(invalid);
    if (!M) {
      const others = invalid.size > 1 ? ` ${this.t('rankExplorer.otherCells', { n: invalid.size - 1 })}` : '';
      this.error = `${first}${others} ${this.t('rankExplorer.staleResults')}`;
      setMessage(this.parts.message, this.error);
      this.classList.add('rb-stale');
    } else {
      this.error = '';
      setMessage(this.parts.message, '');
      this.classList.remove('rb-stale');
      this.valid = { entries, M, ...analyse(M) };
      // A new matrix opens on itself, as typed (step 0); the reader steps through its reduction from there.
      this.stepper.setElimination(M, this.valid.elimination, 0);
      this.render();
    }
    if (notify) this.emitChange();
  }

  private render(): void {
    const { M, elimination, sigma, factorisation: f } = this.valid!;
    const m = M.length;
    const n = M[0].length;
    const r = elimination.rank;
    const t = this.t;
    const pivots = elimination.pivotColumns.map((j) => j + 1).join(', ') || t('rankExplorer.noPivots');
    this.parts.summary.textContent = t('rankExplorer.summary', { r, pivots });
    this.parts.numeric.textContent = numericRankSentence(sigma, m, n, r, t);
    if (r === 0) {
      fill(this.parts.factorisation, h('p', {}, t('rankExplorer.allZero')));
    } else {
      const check = f.exact ? t('rankExplorer.exact') : t('rankExplorer.notExact');
      const rankOne = r === 1
        ? h('p', {}, t('rankExplorer.rankOne', { u: text(f.C).map((x) => x[0]).join(', '), v: text(f.R)[0].join(', ') }))
        : null;
      fill(this.parts.factorisation,
        h('div', { class: 'rb-row rb-equation' },
          matrixView(text(f.C), { label: t('rankExplorer.cLabel', { r }) }), h('span', { 'aria-hidden': 'true' }, '×'),
          matrixView(text(f.R), { label: t('rankExplorer.rLabel', { r }) }), h('span', { 'aria-hidden': 'true' }, '='),
          matrixView(text(M), { label: 'M' })),
        h('p', { class: f.exact ? 'rb-ok' : 'rb-message' }, check), rankOne);
    }
    const { full, factored } = storageCounts(m, n, r);
    this.parts.storage.textContent = t('rankExplorer.storage', { m, n, r, full, factored }) +
      (factored < full ? t('rankExplorer.saving', { percent: Math.round(100 * (1 - factored / full)) }) : t('rankExplorer.noSaving'));
    this.announce(t('rankExplorer.announce', { r, pivots }));
  }
}

defineWidget('rankbook-rank-explorer', RankExplorer);
