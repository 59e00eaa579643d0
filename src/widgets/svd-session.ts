import type { ColourMode } from '../linalg/image';
import { rgbaFromChannels } from '../linalg/image';
import svdWorkerUrl from '../workers/svd-worker.ts?worker&url';
import { startModuleWorker } from './module-worker';
import type { SvdWorkerRequest, SvdWorkerResponse, SvdRenderRequest, SvdRenderResponse } from '../workers/svd-messages';

export type ImageMode = ColourMode;
export type ImageView = 'approx' | 'difference';

/** A decomposed image, ready for a slider: every rank from 1 to `rank` can be drawn. */
export interface ImageDecomposition {
  width: number;
  height: number;
  /** Numeric rank (numpy's tolerance), the slider's upper end. */
  rank: number;
  /** Singular values per channel, descending. */
  values: Float64Array[];
  /** The image that was decomposed (after grey conversion and downscaling). */
  original: ImageData;
  /**
   * The rank-k image, or what it misses (brightened around mid-grey). The worker draws it; while one
   * drawing is under way, newer requests replace older waiting ones, so a fast slider never queues up.
   */
  render(k: number, view: ImageView): Promise<ImageData>;
  milliseconds: number;
}

let worker: Worker | null = null;
let nextId = 1;

/** The SVD worker, started once and kept warm; terminated (and later restarted) when a job is cancelled. */
function svdWorker(): Worker {
  worker ??= startModuleWorker(svdWorkerUrl);
  return worker;
}

/** Decomposes an image off the main thread. Aborting the signal stops the worker at once. */
export function decomposeImage(
  pixels: ImageData, mode: ImageMode,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (fraction: number) => void },
): Promise<ImageDecomposition> {
  return new Promise((resolve, reject) => {
    const w = svdWorker();
    const id = nextId++;
    const stop = () => {
      w.terminate();
      if (worker === w) worker = null;
      reject(new DOMException('cancelled', 'AbortError'));
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', stop);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<SvdWorkerResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') onProgress(message.fraction);
      else if (message.type === 'error') { finish(); reject(new Error(message.message)); }
      else {
        finish();
        const { width, height } = message.result;
        const values = message.result.channels.map((c) => c.values);
        const original = new ImageData(new Uint8ClampedArray(rgbaFromChannels(message.channels, width, height)), width, height);
        resolve({ width, height, values, original, milliseconds: message.milliseconds,
          rank: numericRank(values, width, height), render: renderer(w, id, original) });
      }
    };
    const onError = (event: ErrorEvent) => { finish(); reject(new Error(event.message || 'the SVD worker failed')); };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const data = new Uint8ClampedArray(pixels.data); // a copy: the caller keeps its pixels
    const request: SvdWorkerRequest = { id, mode, rgba: data, width: pixels.width, height: pixels.height };
    w.postMessage(request, [data.buffer]);
  });
}

function numericRank(values: Float64Array[], width: number, height: number): number {
  const top = Math.max(...values.map((v) => v[0] ?? 0));
  const tolerance = Math.max(width, height) * Number.EPSILON * top;
  return Math.max(1, ...values.map((v) => v.filter((s) => s > tolerance).length));
}

/** Asks the worker for rank-k pixels; at most one request in flight, the latest one waiting. */
function renderer(w: Worker, id: number, original: ImageData): ImageDecomposition['render'] {
  type Job = { k: number; view: ImageView; resolve: (image: ImageData) => void; reject: (error: Error) => void };
  let running: Job | null = null;
  let waiting: Job | null = null;
  const send = (job: Job) => {
    if (worker !== w) return job.reject(new Error('the worker holding this image was stopped'));
    running = job;
    const request: SvdRenderRequest = { render: job.k, id };
    w.postMessage(request);
  };
  w.addEventListener('message', (event: MessageEvent<SvdRenderResponse | SvdWorkerResponse>) => {
    const message = event.data;
    if ((message.type !== 'pixels' && message.type !== 'error') || message.id !== id || !running) return;
    const job = running;
    running = null;
    if (message.type === 'error') {
      job.reject(new Error(message.message));
      waiting?.reject(new Error(message.message));
      waiting = null;
      return;
    }
    if (waiting) {
      const next: Job = waiting;
      waiting = null;
      send(next);
    }
    job.resolve(toImage(message.rgba, job.view, original));
  });
  return (k, view) => new Promise((resolve, reject) => {
    const job = { k, view, resolve, reject };
    if (!running) return send(job);
    waiting?.reject(new DOMException('replaced by a newer rank', 'AbortError'));
    waiting = job;
  });
}

function toImage(rgba: Uint8ClampedArray, view: ImageView, original: ImageData): ImageData {
  const { width, height } = original;
  if (view === 'approx') return new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer), width, height);
  const o = original.data;
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 3; c++) rgba[i + c] = 128 + 4 * (o[i + c] - rgba[i + c]);
  }
  return new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer), width, height);
}
