import type { CellOutcome, CellSource } from './notebook';

/** A cell's outcome with its TeX already typeset (KaTeX HTML + MathML). */
export interface RenderedOutcome extends CellOutcome {
  html: string;
}

/** Page -> worker: every cell's source, in page order; the worker re-runs what changed and what depends on it. */
export interface WorkerRequest {
  requestId: number;
  cells: CellSource[];
}

/** Worker -> page. `start` comes before each cell runs, so the page knows which cell to blame on a timeout. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'start'; requestId: number; id: string }
  | { kind: 'done'; requestId: number; outcomes: RenderedOutcome[] }
  | { kind: 'failed'; requestId: number; message: string };
