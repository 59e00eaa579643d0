/// <reference lib="webworker" />
import { Notebook, type CellSource } from './notebook';
import { renderTex } from './render-tex';
import type { WorkerReply, WorkerRequest } from './cell-protocol';
import { plainProblem } from './messages';
import { englishLookup, lookupIn } from './cell-problem';

/**
 * The worker cells run in: a runaway expression freezes this thread, not the page, and the page can
 * terminate it (cell-session.ts). mathjs and KaTeX load here, so the page itself never downloads them
 * until a reader runs a cell.
 */
const notebook = new Notebook();
const reply = (message: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { requestId, cells, prime } = event.data;
  const start = (id: string) => reply({ kind: 'start', requestId, id });
  const words = event.data.words ? lookupIn(event.data.words) : englishLookup;
  try {
    if (prime) notebook.update(prime, start, words);
    const outcomes = notebook.update(cells as CellSource[], start, words);
    reply({ kind: 'done', requestId, outcomes: outcomes.map((o) => ({ ...o, html: renderTex(o.tex) })) });
  } catch (error) {
    reply({ kind: 'failed', requestId, problem: plainProblem(error) });
  }
};
reply({ kind: 'ready' });
