import cellWorkerUrl from '../notebook/cell-worker.ts?worker&url';
import { startModuleWorker } from './module-worker';
import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage, whenReaderNears } from './widget-element';
import { PageNotebook, type NotebookCell } from '../notebook/page-notebook';
import type { WorkerLike } from '../notebook/cell-session';
import type { RenderedOutcome } from '../notebook/cell-protocol';
import { sayProblem } from '../notebook/cell-problem';
import { withTranslator, type Translate } from '../i18n/translate';
import { RESULT_WORDS } from '../notebook/format';

export interface CellState {
  /** The source the cell last ran (what is in the box may be newer, not yet run). */
  source: string;
  /** The result as text, e.g. "A = [[1, 2], [2, 4]]"; while `error` is set, the last good result. */
  result: string;
  tex: string;
  /** '' when the source ran; otherwise the message shown under the cell, in the page's language. */
  error: string;
  /** True when an error is shown and the result beside it is the last good one (greyed). */
  stale: boolean;
  defines: string[];
  uses: string[];
}

/** All cells on a page share one notebook (one scope, one worker), made when the first cell connects. */
let pageNotebook: PageNotebook | null = null;
const notebook = () => (pageNotebook ??= new PageNotebook(
  () => startModuleWorker(cellWorkerUrl, 'rankbook-cells') as unknown as WorkerLike,
));

/** The words the worker says results with, from the page's catalogue: a message asked for with no values is its template. */
const resultWords = (t: Translate) => ({ lang: t.lang, messages: Object.fromEntries(RESULT_WORDS.map((key) => [key, t(key)])) });

/**
 * Cells whose width to check at the next frame, all in one go: reading sizes cell by cell as the page loads
 * would force a layout per cell.
 */
const toMeasure = new Set<RankbookCell>();
function measureSoon(cell: RankbookCell): void {
  if (toMeasure.size === 0) {
    requestAnimationFrame(() => {
      toMeasure.forEach((c) => c.syncScrollFocus());
      toMeasure.clear();
    });
  }
  toMeasure.add(cell);
}

const lineCount = (s: string) => Math.min(12, Math.max(1, s.split('\n').length));

/**
 * `<rankbook-cell source="A = [[1, 2], [2, 4]]">`: an editable mathjs expression. Cells on a page share their
 * names; running one re-runs the later cells that read what it defines. Results are typeset with KaTeX (with
 * MathML for screen readers) and announced as text. Ctrl+Enter (Cmd+Enter on a Mac) runs.
 */
export class RankbookCell extends WidgetElement<CellState> implements NotebookCell {
  static observedAttributes = ['source'];
  private textarea!: HTMLTextAreaElement;
  private output!: HTMLElement;
  private message!: HTMLElement;
  private staleNote!: HTMLElement;
  private status!: HTMLElement;
  private view: RenderedOutcome | null = null;
  private original = '';
  private registered = false;
  /** The page's language; until its catalogue arrives the build-time fallback stays. */
  private messages: Translate | null = null;

  connectedCallback(): void {
    if (this.registered) {
      notebook().add(this, this.view?.source ?? this.original, this.view);
      return;
    }
    this.registered = true;
    this.original = this.getAttribute('source') ?? this.querySelector('code')?.textContent ?? '';
    this.view = this.readBuildOutcome();
    notebook().add(this, this.original, this.view);
    // The build-time HTML already shows the result: the editor replaces it as the reader nears the cell, so a
    // long lesson's cells add no long task (DOM swap, re-layout) as it opens.
    withTranslator(this, (t) => {
      this.messages = t;
      notebook().speakWith(resultWords(t));
      whenReaderNears(this, () => this.upgrade());
    });
  }

  /** Swaps the server-rendered fallback for the editor, once, showing the current result in it. */
  upgrade(): void {
    if (this.textarea || !this.messages) return;
    this.build();
    if (this.view) this.render(this.view);
  }

  disconnectedCallback(): void {
    pageNotebook?.remove(this);
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (!this.registered || value === null || value === old) return;
    this.original = value;
    this.upgrade();
    if (this.textarea) this.textarea.value = value;
    this.run();
  }

  protected currentState(): CellState {
    const v = this.view;
    return {
      source: v?.source ?? this.original, result: v?.text ?? '', tex: v?.tex ?? '', error: this.errorText(v),
      stale: v?.stale ?? false, defines: v?.defines ?? [], uses: v?.uses ?? [],
    };
  }

  /** What went wrong, in the page's language (English until its catalogue is in). */
  private errorText(view: RenderedOutcome | null): string {
    if (!view) return '';
    return view.problem && this.messages ? sayProblem(this.messages, view.problem) : view.error;
  }

  /** Runs what is in the box now (the lesson's expression while the editor is not built yet). */
  run(): void {
    this.upgrade();
    notebook().run(this, this.textarea?.value ?? this.original);
  }

  /** Puts back the lesson's expression and runs it. */
  reset(): void {
    if (this.textarea) {
      this.textarea.value = this.original;
      this.textarea.rows = lineCount(this.original);
    }
    this.run();
  }

  compare(other: NotebookCell): number {
    if (!(other instanceof Node) || other === this) return 0;
    return this.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }

  show(view: RenderedOutcome, notify = true): void {
    this.view = view;
    // A cell further down, re-run by an edit above, shows its new result at once, editor included.
    if (this.textarea) this.render(view);
    else this.upgrade();
    if (notify) this.emitChange();
  }

  private render(view: RenderedOutcome): void {
    const t = this.messages!;
    const error = this.errorText(view);
    // The HTML is KaTeX's rendering of TeX built from values by src/notebook/format.ts (see render-tex.ts), or
    // this element's own build-time output: never markup a reader typed.
    this.output.innerHTML = view.html;
    measureSoon(this);
    this.output.classList.toggle('rb-cell-stale', view.stale);
    this.staleNote.hidden = !view.stale;
    setMessage(this.message, error, this.textarea);
    this.announce(error ? t(view.stale ? 'cell.announceErrorKept' : 'cell.announceError', { error }) : t('cell.announceResult', { result: view.spoken }));
  }

  /**
   * A result wider than the column scrolls sideways, and is then named for screen readers as one that does. The
   * output always takes keyboard focus (as the build-time one does), so the arrow keys can scroll it: a result
   * whose width changes as the page lays out (fonts, a phone turned) is never left scrolling out of reach between
   * two measurements.
   */
  syncScrollFocus(): void {
    const output = this.output;
    output.tabIndex = 0;
    if (output.scrollWidth > output.clientWidth + 1) {
      output.setAttribute('role', 'group');
      const label = this.getAttribute('label');
      output.setAttribute('aria-label', label ? this.messages!('cell.scrolls', { label }) : this.messages!('cell.scrollsUnlabelled'));
    } else {
      for (const name of ['role', 'aria-label']) output.removeAttribute(name);
    }
  }

  busy(running: boolean): void {
    if (!this.textarea) return;
    this.status.textContent = running ? this.messages!('cell.running') : '';
    this.output.setAttribute('aria-busy', String(running));
  }

  /** The outcome Cell.astro computed at build time, so the page shows results before any script loads. */
  private readBuildOutcome(): RenderedOutcome | null {
    const json = this.getAttribute('data-outcome');
    if (!json) return null;
    try {
      const outcome = JSON.parse(json) as RenderedOutcome;
      return { ...outcome, html: this.querySelector('.rb-cell-output')?.innerHTML ?? '' };
    } catch {
      return null;
    }
  }

  private build(): void {
    const t = this.messages!;
    const inputId = uniqueId('cell');
    const helpId = uniqueId('cell-help');
    const messageId = uniqueId('cell-message');
    this.textarea = h('textarea', {
      id: inputId, class: 'rb-cell-input', rows: lineCount(this.original), spellcheck: 'false',
      autocapitalize: 'off', autocomplete: 'off', 'aria-describedby': `${helpId} ${messageId}`,
      onkeydown: ((event: KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          this.run();
        }
      }) as EventListener,
      oninput: () => { this.textarea.rows = lineCount(this.textarea.value); },
      // The element's own `change` event carries its state; the textarea's native one stays inside.
      onchange: (event: Event) => event.stopPropagation(),
    });
    this.textarea.value = this.original;
    this.output = h('div', { class: 'rb-cell-output' });
    // Re-checked, in the next batch, when the column changes width and once KaTeX's fonts (which load late) are in.
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => measureSoon(this)).observe(this.output);
    document.fonts?.ready.then(() => measureSoon(this));
    this.message = h('p', { id: messageId, class: 'rb-message', role: 'alert', hidden: true });
    this.staleNote = h('p', { class: 'rb-note', hidden: true }, t('cell.staleNote'));
    this.status = h('span', { class: 'rb-note', 'aria-hidden': 'true' });
    this.replaceChildren(h('div', { class: 'rb-widget rb-cell' },
      h('label', { for: inputId, class: 'rb-cell-label' }, this.getAttribute('label') ?? t('cell.label')),
      this.textarea,
      h('div', { class: 'rb-row rb-controls' },
        h('button', { type: 'button', onclick: () => this.run(), 'data-control': 'run' }, t('cell.run')),
        h('button', { type: 'button', onclick: () => this.reset(), 'data-control': 'reset' }, t('cell.reset')),
        h('span', { id: helpId, class: 'rb-note' }, t('cell.help')),
        this.status),
      this.message, this.output, this.staleNote, this.createLiveRegion()));
  }
}

defineWidget('rankbook-cell', RankbookCell);
