import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { Notebook } from '../../../src/notebook/notebook';
import { PageNotebook, type NotebookCell } from '../../../src/notebook/page-notebook';
import type { WorkerLike } from '../../../src/notebook/cell-session';
import type { RenderedOutcome, WorkerReply, WorkerRequest } from '../../../src/notebook/cell-protocol';

/**
 * A worker that runs the real Notebook, asynchronously like a Worker, except that a cell whose source contains
 * "hang" never finishes: it stands in for a runaway, so the page's time limit can be tested in Node.
 */
class FakeWorker implements WorkerLike {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  requests: WorkerRequest[] = [];
  private notebook = new Notebook();
  constructor() { FakeWorker.made.push(this); }

  postMessage(request: WorkerRequest): void {
    this.requests.push(request);
    setTimeout(() => this.handle(request), 0);
  }

  terminate(): void { this.terminated = true; }

  private handle({ requestId, cells, prime }: WorkerRequest): void {
    const send = (data: WorkerReply) => { if (!this.terminated) this.onmessage?.({ data }); };
    const hang = new Error('hang');
    try {
      const start = (id: string) => {
        send({ kind: 'start', requestId, id });
        if ([...(prime ?? []), ...cells].find((c) => c.id === id)?.source.includes('hang')) throw hang;
      };
      if (prime) this.notebook.update(prime, start);
      const outcomes = this.notebook.update(cells, start);
      send({ kind: 'done', requestId, outcomes: outcomes.map((o) => ({ ...o, html: `<b>${o.text}</b>` })) });
    } catch (error) {
      if (error !== hang) throw error; // a hung cell never answers
    }
  }
}

class FakeCell implements NotebookCell {
  shown: RenderedOutcome[] = [];
  busyStates: boolean[] = [];
  constructor(private readonly position: number) {}
  compare(other: NotebookCell): number { return this.position - (other as FakeCell).position; }
  show(view: RenderedOutcome): void { this.shown.push(view); }
  busy(running: boolean): void { this.busyStates.push(running); }
  get last(): RenderedOutcome { return this.shown.at(-1)!; }
}

const settle = () => vi.advanceTimersByTimeAsync(10);

/** A page notebook whose workers are fresh FakeWorkers, with a time limit of one second. */
function fakePageNotebook(): PageNotebook {
  FakeWorker.made = [];
  return new PageNotebook(() => new FakeWorker(), 1000);
}

function page(sources: string[]) {
  const notebook = fakePageNotebook();
  const cells = sources.map((_, t) => new FakeCell(t));
  // Added out of order on purpose: the page notebook sorts by position.
  [...cells].reverse().forEach((cell) => notebook.add(cell, sources[cells.indexOf(cell)], null));
  return { notebook, cells };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('PageNotebook with its worker session', () => {
  it('runs cells without build-time results, in page order, in one worker', async () => {
    const { cells } = page(['A = [[1, 2], [2, 4]]', 'rank(A)']);
    await settle();
    expect(cells.map((c) => c.last.text)).toEqual(['A = [[1, 2], [2, 4]]', '1']);
    expect(cells[1].last.html).toBe('<b>1</b>');
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('re-runs later cells that use what an edited cell defines', async () => {
    const { notebook, cells } = page(['A = [[1, 2], [2, 4]]', 'rank(A)', 'x = 1']);
    await settle();
    notebook.run(cells[0], 'A = [[1, 2], [3, 4]]');
    await settle();
    expect(cells[1].last.text).toBe('2');
    expect(cells[2].shown).toHaveLength(1); // x = 1 does not read A: not re-run
    expect(cells[0].busyStates).toEqual([true, false]);
  });

  it('primes a fresh worker with build-time sources, so an error keeps the last good result', async () => {
    const notebook = fakePageNotebook();
    const [first, second] = [new FakeCell(0), new FakeCell(1)];
    const built = (source: string, text: string): RenderedOutcome =>
      ({ id: 'x', source, text, tex: text, spoken: text, html: text, error: '', problem: null, stale: false, defines: [], uses: [] });
    notebook.add(first, 'M = 5', built('M = 5', 'M = 5'));
    notebook.add(second, 'M + 1', built('M + 1', '6'));
    expect(FakeWorker.made).toHaveLength(0); // nothing to run until a reader runs something
    notebook.run(first, 'M = (');
    await settle();
    expect(FakeWorker.made[0].requests[0].prime?.map((c) => c.source)).toEqual(['M = 5', 'M + 1']);
    expect(first.last).toMatchObject({ text: 'M = 5', stale: true, source: 'M = (' });
    expect(first.last.error).toMatch(/could not be read/);
    expect(second.shown).toEqual([]); // M kept its last good value, so M + 1 did not need to run
  });

  it('stops a runaway at the time limit, keeps the last good result and runs its last good source instead', async () => {
    const { notebook, cells } = page(['k = 2', 'k * 10', 'k + 1']);
    await settle();
    notebook.run(cells[1], 'k * 10 + hang');
    await settle();
    expect(cells[1].last.error).toBe('');
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(cells[1].last).toMatchObject({ text: '20', stale: true, source: 'k * 10 + hang' });
    expect(cells[1].last.error).toMatch(/^Stopped after 1 second: this was taking too long/);
    await settle();
    // A fresh worker ran the last good source in its place; other cells carry on.
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1].requests[0].cells[1].source).toBe('k * 10');
    notebook.run(cells[0], 'k = 3');
    await settle();
    expect(cells[2].last.text).toBe('4');
    expect(cells[1].last).toMatchObject({ text: '30', stale: true }); // still flagged until the reader edits it
    notebook.run(cells[1], 'k * 100');
    await settle();
    expect(cells[1].last).toMatchObject({ text: '300', stale: false, error: '' });
  });

  it('does not blame the download: the clock starts when a cell starts', async () => {
    const { cells } = page(['1 + 1']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(cells[0].last).toMatchObject({ text: '2', error: '' });
  });

  it('reports a crashed worker (out of memory, say) in the cell that was running', async () => {
    const { notebook, cells } = page(['a = 1', 'a + 1']);
    await settle();
    notebook.run(cells[1], 'a + hang');
    await settle();
    FakeWorker.made[0].onerror?.({ message: 'Out of memory' });
    expect(cells[1].last.error).toMatch(/stopped unexpectedly \(Out of memory\)/);
    expect(cells[1].last.text).toBe('2');
  });
});
