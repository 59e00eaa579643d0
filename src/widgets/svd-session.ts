import { ImageRankReconstruction, type ImageSvd } from '../linalg/image-svd';
import { rgbaFromChannels, type ColourMode } from '../linalg/image';
import type { SvdWorkerRequest, SvdWorkerResponse } from '../workers/svd-messages';

export type ImageMode = ColourMode;

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
  /** The rank-k image, or what it misses (brightened around mid-grey); the ImageData is reused per view. */
  render(k: number, view: 'approx' | 'difference'): ImageData;
  milliseconds: number;
}

let worker: Worker | null = null;
let nextId = 1;

/** The SVD worker, started once and kept warm; terminated (and later restarted) when a job is cancelled. */
function svdWorker(): Worker {
  worker ??= new Worker(new URL('../workers/svd-worker.ts', import.meta.url), { type: 'module' });
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
      else { finish(); resolve(prepare(message.result, message.channels, message.milliseconds)); }
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

function prepare(svd: ImageSvd, channels: Float64Array[], milliseconds: number): ImageDecomposition {
  const { width, height } = svd;
  const slider = new ImageRankReconstruction(svd);
  const original = new ImageData(new Uint8ClampedArray(rgbaFromChannels(channels, width, height)), width, height);
  const approx = new ImageData(width, height);
  const difference = new ImageData(width, height);
  return {
    width, height, milliseconds, original,
    values: svd.channels.map((c) => c.values),
    rank: numericRank(svd.channels.map((c) => c.values), width, height),
    render(k, view) {
      const pixels = slider.render(k);
      if (view === 'approx') {
        approx.data.set(pixels);
        return approx;
      }
      const o = original.data, d = difference.data;
      for (let i = 0; i < d.length; i += 4) {
        for (let c = 0; c < 3; c++) d[i + c] = 128 + 4 * (o[i + c] - pixels[i + c]);
        d[i + 3] = 255;
      }
      return difference;
    },
  };
}
