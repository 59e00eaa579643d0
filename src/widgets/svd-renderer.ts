import type { SvdRenderRequest, SvdRenderResponse, SvdWorkerResponse } from '../workers/svd-messages';

export type ImageView = 'approx' | 'difference';
export type RenderImage = (k: number, view: ImageView, options?: { keep?: boolean }) => Promise<ImageData>;

/**
 * Asks the workers holding an image's channels (one for grey, one per channel for colour) for rank-k
 * pixels and puts the channels together. At most one request is in flight; waiting, the latest slider
 * request (served first) and the kept ones in order. `alive` says whether the workers still hold the image.
 */
export function channelRenderer(workers: Worker[], id: number, original: ImageData, alive: () => boolean): RenderImage {
  type Job = { k: number; view: ImageView; resolve: (image: ImageData) => void; reject: (error: Error) => void };
  let running: Job | null = null;
  let parts: (Uint8ClampedArray | undefined)[] = [];
  let waiting: Job | null = null;
  const kept: Job[] = [];
  const failAll = (message: string) => {
    for (const job of [running, waiting, ...kept.splice(0)]) job?.reject(new Error(message));
    running = waiting = null;
  };
  const sendNext = () => {
    const next = waiting ?? kept.shift();
    if (!next) return;
    if (next === waiting) waiting = null;
    if (!alive()) {
      running = next;
      return failAll('the worker holding this image was stopped');
    }
    running = next;
    parts = [];
    const request: SvdRenderRequest = { render: next.k, id };
    for (const w of workers) w.postMessage(request);
  };
  workers.forEach((w, c) => w.addEventListener('message', (event: MessageEvent<SvdRenderResponse | SvdWorkerResponse>) => {
    const message = event.data;
    if ((message.type !== 'pixels' && message.type !== 'error') || message.id !== id || !running) return;
    if (message.type === 'error') return failAll(message.message);
    parts[c] = message.rgba;
    if (parts.filter(Boolean).length < workers.length) return;
    const job = running;
    running = null;
    const rgba = combineChannels(parts as Uint8ClampedArray[]);
    sendNext();
    job.resolve(toImage(rgba, job.view, original));
  }));
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

/** One picture from one worker, or one grey picture per colour channel (one worker each) -> one colour picture. */
export function combineChannels(parts: Uint8ClampedArray[]): Uint8ClampedArray {
  if (parts.length === 1) return parts[0];
  const [out, green, blue] = parts;
  for (let i = 0; i < out.length; i += 4) {
    out[i + 1] = green[i];
    out[i + 2] = blue[i];
  }
  return out;
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
