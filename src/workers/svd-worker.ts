/// <reference lib="webworker" />
/**
 * Web Worker that decomposes an image's channels off the main thread (see svd-messages.ts for the protocol).
 * Create it with
 *   new Worker(new URL('../workers/svd-worker.ts', import.meta.url), { type: 'module' })
 * and cancel with worker.terminate(): the SVD runs as one synchronous job, so no message could interrupt it.
 */
import { warmUpSvd } from '../linalg/svd';
import { ImageRankReconstruction } from '../linalg/image-svd';
import { runSvdJob } from './svd-job';
import type { SvdWorkerRequest, SvdRenderRequest, SvdRenderResponse, SvdWarmMessage } from './svd-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The slider's reconstruction of the last image decomposed here, and that request's id. */
let slider: { id: number; reconstruction: ImageRankReconstruction } | null = null;

/** Set by the first request, which ends the warm-up. */
let jobArrived = false;

scope.onmessage = (event: MessageEvent<SvdWorkerRequest | SvdRenderRequest>) => {
  jobArrived = true;
  endWarmUp();
  const request = event.data;
  if ('render' in request) {
    if (!slider || slider.id !== request.id) {
      // A newer image replaced it here: say so, so the page does not wait for pixels that will not come.
      scope.postMessage({ type: 'error', id: request.id, message: 'this image is no longer held by the worker' });
      return;
    }
    const rgba = slider.reconstruction.render(request.render).slice();
    const reply: SvdRenderResponse = { type: 'pixels', id: request.id, k: request.render, rgba };
    scope.postMessage(reply, [rgba.buffer]);
    return;
  }
  runSvdJob(request, (message, transfer) => {
    // Build the slider's reconstruction (it copies the factors) before they are transferred to the page.
    if (message.type === 'done') slider = { id: message.id ?? 0, reconstruction: new ImageRankReconstruction(message.result) };
    scope.postMessage(message, transfer);
  });
};

// Optimise the code paths now, while the page is still fetching and decoding the image: one small SVD per
// task, so that an image arriving mid-way ends the warm-up (the first round, the most useful, always runs).
const WARM_ROUNDS = 3;
const warmStart = performance.now();
let warmRounds = 0;
let warmEnded = false;
function endWarmUp(): void {
  if (warmEnded) return;
  warmEnded = true;
  scope.postMessage({ type: 'warm', milliseconds: performance.now() - warmStart, rounds: warmRounds } satisfies SvdWarmMessage);
}
const warmUp = () => {
  if (jobArrived) return;
  warmUpSvd(1);
  warmRounds++;
  if (warmRounds < WARM_ROUNDS) setTimeout(warmUp, 0);
  else endWarmUp();
};
warmUp();
