import type { CellSource } from './notebook';
import type { RenderedOutcome } from './cell-protocol';
import { CellSession, type WorkerLike } from './cell-session';
import { inEnglish, type CellProblem, type SomeMessages } from './cell-problem';

/** What the page notebook needs from a cell element (kept abstract so this file has no DOM). */
export interface NotebookCell {
  /** Negative when this cell comes before `other` on the page. */
  compare(other: NotebookCell): number;
  show(view: RenderedOutcome): void;
  busy(running: boolean): void;
}

interface Entry {
  cell: NotebookCell;
  id: string;
  /** The source the reader last ran. */
  committed: string;
  /** The last source that ran without error: what the worker runs instead of a cell that was stopped. */
  good: string | null;
  /** Why the cell was stopped (time limit, crash), while it stands in with its last good source. */
  stopped: CellProblem | null;
  shown: RenderedOutcome | null;
}

const blank = (id: string, source: string): RenderedOutcome =>
  ({ id, source, text: '', tex: '', spoken: '', html: '', error: '', problem: null, stale: false, defines: [], uses: [] });

/** What a cell shows with a message under it: its result, if it has one, stays, greyed. */
const withError = (view: RenderedOutcome, source: string, problem: CellProblem): RenderedOutcome =>
  ({ ...view, source, error: inEnglish(problem), problem, stale: view.text !== '' });

/**
 * The cells of one page: their sources in page order, one worker session, and each outcome delivered to its
 * cell. A cell that is stopped keeps showing its last good result, and the page runs its last good source
 * in its place, so the cells below still see the values they saw before.
 */
export class PageNotebook {
  private entries: Entry[] = [];
  private session: CellSession;
  private nextId = 1;
  private lastRun: Entry | null = null;

  /** What the worker says results with, in the page's language (English until speakWith). */
  private words: SomeMessages | undefined;

  constructor(createWorker: () => WorkerLike, timeLimitMs?: number) {
    this.session = new CellSession(createWorker, (fresh) => this.sources(fresh), {
      outcomes: (outcomes) => outcomes.forEach((o) => this.receive(o)),
      stopped: (id, problem) => this.stop(id, problem),
      failed: (problem) => this.fail(problem),
      busy: (running) => this.lastRun?.cell.busy(running),
    }, timeLimitMs);
  }

  /** Adds a cell. With its build-time outcome it shows that; without one, the page runs it. */
  add(cell: NotebookCell, source: string, initial: RenderedOutcome | null): string {
    const id = `cell-${this.nextId++}`;
    const entry: Entry = { cell, id, committed: source, good: null, stopped: null, shown: null };
    this.entries.push(entry);
    this.entries.sort((a, b) => a.cell.compare(b.cell));
    if (initial) {
      entry.shown = { ...initial, id };
      if (!initial.problem && initial.error === '') entry.good = source;
    } else {
      this.session.request();
    }
    return id;
  }

  /** Results from the next run on are said in these words (format.ts's RESULT_WORDS in the page's language). */
  speakWith(words: SomeMessages): void {
    this.words = words;
  }

  remove(cell: NotebookCell): void {
    this.entries = this.entries.filter((e) => e.cell !== cell);
  }

  /** Runs a cell's new source; later cells that read what it defines re-run with it. */
  run(cell: NotebookCell, source: string): void {
    const entry = this.entries.find((e) => e.cell === cell);
    if (!entry) return;
    entry.committed = source;
    entry.stopped = null;
    this.lastRun = entry;
    this.session.request();
  }

  dispose(): void {
    this.session.dispose();
  }

  /** What to run: the committed sources, with a stopped cell's last good source in its place. */
  private sources(fresh: boolean): { cells: CellSource[]; prime?: CellSource[]; words?: SomeMessages } {
    const cells = this.entries.map((e) => ({ id: e.id, source: e.stopped !== null ? e.good ?? '' : e.committed }));
    // A fresh worker first runs what the page shows, so it knows every cell's last good value.
    const prime = fresh ? this.entries.map((e) => ({ id: e.id, source: e.good ?? '' })) : undefined;
    return { cells, ...(prime && { prime }), ...(this.words && { words: this.words }) };
  }

  private receive(outcome: RenderedOutcome): void {
    const entry = this.entries.find((e) => e.id === outcome.id);
    if (!entry) return;
    let view: RenderedOutcome = { ...outcome, source: entry.committed };
    if (entry.stopped !== null) {
      // The worker ran the last good source in this cell's place: show that result, greyed, under the message.
      view = withError(entry.good === null ? blank(entry.id, entry.committed) : view, entry.committed, entry.stopped);
    } else if (outcome.problem === null || outcome.problem === undefined) {
      entry.good = outcome.source;
    }
    entry.shown = view;
    entry.cell.show(view);
  }

  private stop(id: string, problem: CellProblem): void {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    // Stopped again while already standing in for itself: the last good source is now a runaway too (its
    // inputs changed), so run nothing in its place.
    if (entry.stopped !== null) entry.good = null;
    entry.stopped = problem;
    this.showError(entry, problem);
    // The stopped run never reported the cells before it; run again in a fresh worker.
    this.session.request();
  }

  private fail(problem: CellProblem): void {
    const entry = this.lastRun ?? this.entries[0];
    if (entry) this.showError(entry, problem);
  }

  /** Shows a message under what the cell already shows. */
  private showError(entry: Entry, problem: CellProblem): void {
    entry.shown = withError(entry.shown ?? blank(entry.id, entry.committed), entry.committed, problem);
    entry.cell.show(entry.shown);
  }
}
