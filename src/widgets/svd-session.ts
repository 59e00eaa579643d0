import type { ColourMode } from '../linalg/image';
import { rgbaFromChannels } from '../linalg/image';
import svdWorkerUrl from '../workers/svd-worker.ts?worker&url';
import { startModuleWorker } from './module-worker';
import type { SvdWorkerRequest, SvdWorkerResponse, SvdRenderRequest, SvdRenderResponse, SvdWarmMessage } from '../workers/svd-messages';

export type ImageMode = ColourMode;
export type ImageView = 'approx' | 'difference';

/** A decomposed image, ready for a slider: every rank from 1 to `rank` can be drawn. */
export interface ImageDecomposition {
  width: number;
  height: number;
  /** Numeric rank (numpy's tolerance), the slider's upper end. */
  rank: number;
  /** Singular values per channel, descending (of the centred channels when centred). */
  values: Float64Array[];
  /** Whether each channel's mean was taken out before the SVD (and is added back in every picture). */
  centred: boolean;
  /** The image that was decomposed (after grey conversion and downscaling). */
  original: ImageData;
  /**
   * The rank-k image, or what it misses (brightened around mid-grey). The worker draws it; while one
   * drawing is under way, a newer request replaces an older waiting one, so a fast slider never queues up.
   * `keep` requests (the quick-rank pictures) are neither replaced nor replace: they wait behind the slider.
   */
  render(k: number, view: ImageView, options?: { keep?: boolean }): Promise<ImageData>;
  milliseconds: number;
}

let worker: Worker | null = null;
let nextId = 1;

/** The SVD worker, started once and kept warm; terminated (and later restarted) when a job is cancelled. */
function svdWorker(): Worker {
  if (worker) return worker;
  const started = performance.now();
  worker = startModuleWorker(svdWorkerUrl);
  // Marks for the first-view benchmark (scripts/bench-first-view.ts): when the worker was ready for work.
  const onWarm = (event: MessageEvent<SvdWarmMessage>) => {
    if (event.data.type !== 'warm') return;
    event.target?.removeEventListener('message', onWarm as EventListener);
    performance.mark('rankbook:svd-worker-warm');
    performance.measure('rankbook:svd-worker-start', { start: started, end: performance.now() });
    performance.measure('rankbook:svd-warm-up', { start: performance.now() - event.data.milliseconds, duration: event.data.milliseconds });
  };
  worker.addEventListener('message', onWarm);
  return worker;
}

/**
 * Starts the SVD worker now, so that it loads its code and warms up while the page is still fetching and
 * decoding the image, rather than after.
 */
export function prepareSvdWorker(): void {
  svdWorker();
}

/** Decomposes an image off the main thread. Aborting the signal stops the worker at once. */
export function decomposeImage(
  pixels: ImageData, mode: ImageMode, centred: boolean,
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
        performance.mark('rankbook:svd-decomposed');
        performance.measure('rankbook:svd-decomposition', { start: performance.now() - message.milliseconds, duration: message.milliseconds });
        const { width, height } = message.result;
        const values = message.result.channels.map((c) => c.values);
        const original = new ImageData(new Uint8ClampedArray(rgbaFromChannels(message.channels, width, height)), width, height);
        resolve({ width, height, values, centred: message.result.centred, original, milliseconds: message.milliseconds,
          rank: numericRank(values, width, height), render: renderer(w, id, original) });
      }
    };
    const onError = (event: ErrorEvent) => { finish(); reject(new Error(event.message || 'the SVD worker failed')); };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const data = new Uint8ClampedArray(pixels.data); // a copy: the caller keeps its pixels
    const request: SvdWorkerRequest = { id, mode, centred, rgba: data, width: pixels.width, height: pixels.height };
    w.postMessage(request, [data.buffer]);
  });
}

function numericRank(values: Float64Array[], width: number, height: number): number {
  const top = Math.max(...values.map((v) => v[0] ?? 0));
  const tolerance = Math.max(width, height) * Number.EPSILON * top;
  return Math.max(1, ...values.map((v) => v.filter((s) => s > tolerance).length));
}

/**
 * Asks the worker for rank-k pixels: at most one request in flight; waiting, the latest slider request
 * (served first) and the kept ones in order.
 */
function renderer(w: Worker, id: number, original: ImageData): ImageDecomposition['render'] {
  type Job = { k: number; view: ImageView; resolve: (image: ImageData) => void; reject: (error: Error) => void };
  let running: Job | null = null;
  let waiting: Job | null = null;
  const kept: Job[] = [];
  const send = (job: Job) => {
    if (worker !== w) return job.reject(new Error('the worker holding this image was stopped'));
    running = job;
    const request: SvdRenderRequest = { render: job.k, id };
    w.postMessage(request);
  };
  const sendNext = () => {
    const next = waiting ?? kept.shift();
    if (next === waiting) waiting = null;
    if (next) send(next);
  };
  w.addEventListener('message', (event: MessageEvent<SvdRenderResponse | SvdWorkerResponse>) => {
    const message = event.data;
    if ((message.type !== 'pixels' && message.type !== 'error') || message.id !== id || !running) return;
    const job = running;
    running = null;
    if (message.type === 'error') {
      for (const other of [job, waiting, ...kept.splice(0)]) other?.reject(new Error(message.message));
      waiting = null;
      return;
    }
    sendNext();
    job.resolve(toImage(message.rgba, job.view, original));
  });
  return (k, view, { keep = false } = {}) => new Promise((resolve, reject) => {
    const job = { k, view, resolve, reject };
    if (keep) kept.push(job);
    else {
      waiting?.reject(new DOMException('replaced by a newer rank', 'AbortError'));
      waiting = job;
    }
    if (!running) sendNext();
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
