import type { CellSource } from './notebook';
import type { RenderedOutcome, WorkerReply, WorkerRequest } from './cell-protocol';
import { phrase, type CellProblem } from './cell-problem';

/** How long one cell may run before its worker is terminated. Cells are small; a second is already slow. */
export const TIME_LIMIT_MS = 3000;

/** The part of a Worker the session uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

export interface SessionEvents {
  outcomes(outcomes: RenderedOutcome[]): void;
  /** A cell was stopped (time limit, or its worker crashed, e.g. out of memory). The worker is gone. */
  stopped(id: string, problem: CellProblem): void;
  /** Nothing could run (the worker failed to start, or failed outside any cell). */
  failed(problem: CellProblem): void;
  busy(running: boolean): void;
}

/**
 * Runs cells in a worker with a time limit per cell. A cell that runs too long has its worker terminated
 * (the only way to stop synchronous JavaScript), which keeps the page responsive; the next run starts a fresh
 * worker. Runs never overlap: a request made while one is in flight waits, and only the latest waiting one is
 * sent, with the sources current at sending time.
 */
export class CellSession {
  private worker: WorkerLike | null = null;
  private inFlight: { requestId: number; runningId: string | null; timer: ReturnType<typeof setTimeout> | null } | null = null;
  private wanted = false;
  private nextRequestId = 1;

  constructor(
    private readonly createWorker: () => WorkerLike,
    /** Called at sending time: every cell's source in page order, and for a fresh worker the sources to prime it with. */
    private readonly sources: (fresh: boolean) => Omit<WorkerRequest, 'requestId'>,
    private readonly events: SessionEvents,
    private readonly timeLimitMs = TIME_LIMIT_MS,
  ) {}

  /** Asks for a run of the page's cells as they are now. */
  request(): void {
    this.wanted = true;
    this.next();
  }

  /** Stops whatever is running and drops the worker (a page leaving, or a test ending). */
  dispose(): void {
    this.wanted = false;
    if (this.inFlight?.timer) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private next(): void {
    if (this.inFlight) return;
    if (!this.wanted) {
      this.events.busy(false);
      return;
    }
    this.wanted = false;
    const fresh = this.worker === null;
    const worker = this.worker ?? this.spawn();
    const requestId = this.nextRequestId++;
    this.inFlight = { requestId, runningId: null, timer: null };
    this.events.busy(true);
    worker.postMessage({ requestId, ...this.sources(fresh) });
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.(); // reported in the cell instead of as an uncaught error
      this.halt([event.message ? phrase('cell.crashedWith', { detail: event.message }) : phrase('cell.crashed')]);
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerReply): void {
    const current = this.inFlight;
    if (message.kind === 'ready' || !current || message.requestId !== current.requestId) return;
    if (message.kind === 'start') {
      // The clock runs per cell, and only once the worker has loaded and begun: a slow download is not a runaway.
      current.runningId = message.id;
      if (current.timer) clearTimeout(current.timer);
      current.timer = setTimeout(() => this.halt([phrase('cell.stoppedSlow', { seconds: this.timeLimitMs / 1000 })]), this.timeLimitMs);
      return;
    }
    if (current.timer) clearTimeout(current.timer);
    this.inFlight = null;
    if (message.kind === 'done') this.events.outcomes(message.outcomes);
    else this.events.failed(message.problem);
    this.next();
  }

  /** Terminates the worker and blames the cell that was running, if any. */
  private halt(problem: CellProblem): void {
    const current = this.inFlight;
    if (current?.timer) clearTimeout(current.timer);
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    if (current?.runningId) this.events.stopped(current.runningId, problem);
    else this.events.failed(problem);
    this.next();
  }
}
