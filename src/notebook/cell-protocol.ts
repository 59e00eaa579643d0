import type { CellOutcome, CellSource } from './notebook';
import type { CellProblem, SomeMessages } from './cell-problem';

/** A cell's outcome with its TeX already typeset (KaTeX HTML + MathML). */
export interface RenderedOutcome extends CellOutcome {
  html: string;
}

/** Page -> worker: every cell's source, in page order; the worker re-runs what changed and what depends on it. */
export interface WorkerRequest {
  requestId: number;
  cells: CellSource[];
  /**
   * For a fresh worker: the sources behind what the page already shows (build-time results, or results from a
   * worker that was stopped). Run first and not reported, so the new worker starts from the page's state and a
   * cell that now fails keeps its last good value, as it would have in a worker that never stopped.
   */
  prime?: CellSource[];
  /**
   * The words results are said in (format.ts's RESULT_WORDS), in the page's language: the page has its
   * catalogue already, and the worker then needs none.
   */
  words?: SomeMessages;
}

/** Worker -> page. `start` comes before each cell runs, so the page knows which cell to blame on a timeout. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'start'; requestId: number; id: string }
  | { kind: 'done'; requestId: number; outcomes: RenderedOutcome[] }
  | { kind: 'failed'; requestId: number; problem: CellProblem };
