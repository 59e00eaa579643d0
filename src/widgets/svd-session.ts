import { channelsFromRgba, type ColourMode } from '../linalg/image';
import svdWorkerUrl from '../workers/svd-worker.ts?worker&url';
import { startModuleWorker } from './module-worker';
import { channelRenderer, combineChannels, type RenderImage } from './svd-renderer';
import type { SvdWorkerRequest, SvdWorkerResponse, SvdWarmMessage } from '../workers/svd-messages';

export type ImageMode = ColourMode;
export type { ImageView } from './svd-renderer';

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
  /** The image that was decomposed (after grey conversion). */
  original: ImageData;
  /**
   * The rank-k image, or what it misses (brightened around mid-grey). The workers draw it; while one
   * drawing is under way, a newer request replaces an older waiting one, so a fast slider never queues up.
   * `keep` requests (the quick-rank pictures) are neither replaced nor replace: they wait behind the slider.
   */
  render: RenderImage;
  /** The longest of the channels' decompositions. */
  milliseconds: number;
}

/**
 * One worker per colour channel where there are cores to spare, so a colour image's three SVDs run side by
 * side; otherwise one worker takes all channels (on a machine with two cores or fewer, three workers only
 * add start-up and warm-up work: measured with npm run bench:first-view). Each is started once and kept
 * warm; a cancelled one is terminated and started afresh next time.
 */
const pool: (Worker | null)[] = [null, null, null];
let nextId = 1;

function workerCount(): number {
  return (navigator.hardwareConcurrency ?? 1) >= 4 ? 3 : 1;
}

function poolWorker(index: number): Worker {
  const running = pool[index];
  if (running) return running;
  const started = performance.now();
  const w = startModuleWorker(svdWorkerUrl, `svd-${index}`);
  if (index === 0) {
    // Marks for the first-view benchmark (scripts/bench-first-view.ts): when a worker was ready for work.
    const onWarm = (event: MessageEvent<SvdWarmMessage>) => {
      if (event.data.type !== 'warm') return;
      w.removeEventListener('message', onWarm);
      performance.mark('rankbook:svd-worker-warm');
      performance.measure('rankbook:svd-worker-start', { start: started, end: performance.now() });
      performance.measure('rankbook:svd-warm-up', { start: performance.now() - event.data.milliseconds, duration: event.data.milliseconds });
    };
    w.addEventListener('message', onWarm);
  }
  pool[index] = w;
  return w;
}

/**
 * Starts the SVD workers now, so that they load their code and warm up while the page is still fetching and
 * decoding the image, rather than after.
 */
export function prepareSvdWorkers(): void {
  for (let i = 0; i < workerCount(); i++) poolWorker(i);
}

type Done = Extract<SvdWorkerResponse, { type: 'done' }>;

/** One channel's SVD on one worker. Aborting the signal stops that worker at once. */
function decomposeOn(index: number, request: SvdWorkerRequest & { id: number }, transfer: Transferable[],
  signal: AbortSignal, onProgress: (fraction: number) => void): Promise<Done> {
  return new Promise((resolve, reject) => {
    const w = poolWorker(index);
    const stop = () => {
      w.terminate();
      if (pool[index] === w) pool[index] = null;
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
      if (message.id !== request.id) return;
      if (message.type === 'progress') onProgress(message.fraction);
      else {
        finish();
        if (message.type === 'error') reject(new Error(message.message));
        else resolve(message);
      }
    };
    const onError = (event: ErrorEvent) => { finish(); reject(new Error(event.message || 'the SVD worker failed')); };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request, transfer);
  });
}

/**
 * Decomposes an image off the main thread, each colour channel on its own worker or all on one (the pixels
 * are already at most 512 on a side). With one worker, the page's thread does not even split the channels:
 * the worker takes the RGBA bytes and sends back the picture it decomposed. Aborting the signal stops the
 * workers at once.
 */
export async function decomposeImage(
  pixels: ImageData, mode: ImageMode, centred: boolean,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (fraction: number) => void },
): Promise<ImageDecomposition> {
  const { width, height } = pixels;
  const id = nextId++;
  const perChannel = mode === 'colour' && workerCount() >= 3;
  // Lanes: one request per worker, a worker holding one channel of a colour image drawing it as grey.
  const lanes: (SvdWorkerRequest & { id: number })[] = perChannel
    ? channelsFromRgba(pixels, mode).map((channel) => ({ id, mode: 'grey', centred, channels: [channel], width, height }))
    : [{ id, mode, centred, rgba: pixels.data.slice(), width, height }];
  const fractions = lanes.map(() => 0);
  const dones = await Promise.all(lanes.map((lane, i) => decomposeOn(i, lane,
    'rgba' in lane ? [lane.rgba.buffer] : lane.channels.map((c) => c.buffer), signal,
    (fraction) => { fractions[i] = fraction; onProgress(fractions.reduce((a, b) => a + b, 0) / fractions.length); })));
  performance.mark('rankbook:svd-decomposed');
  const milliseconds = Math.max(...dones.map((d) => d.milliseconds));
  performance.measure('rankbook:svd-decomposition', { start: performance.now() - milliseconds, duration: milliseconds });
  const original = new ImageData(combineChannels(dones.map((d) => d.rgba)) as Uint8ClampedArray<ArrayBuffer>, width, height);
  const workers = lanes.map((_, i) => pool[i]!);
  const values = dones.flatMap((d) => d.result.channels.map((f) => f.values));
  return {
    width, height, values, centred, original, milliseconds, rank: numericRank(values, width, height),
    render: channelRenderer(workers, id, original, () => workers.every((w, c) => pool[c] === w)),
  };
}

function numericRank(values: Float64Array[], width: number, height: number): number {
  const top = Math.max(...values.map((v) => v[0] ?? 0));
  const tolerance = Math.max(width, height) * Number.EPSILON * top;
  return Math.max(1, ...values.map((v) => v.filter((s) => s > tolerance).length));
}
