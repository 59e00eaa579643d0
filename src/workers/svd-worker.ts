/// <reference lib="webworker" />
/**
 * Web Worker that decomposes an image's channels off the main thread (see svd-messages.ts for the protocol).
 * Create it with
 *   new Worker(new URL('../workers/svd-worker.ts', import.meta.url), { type: 'module' })
 * and cancel with worker.terminate(): the SVD runs as one synchronous job, so no message could interrupt it.
 */
import { warmUpSvd } from '../linalg/svd';
import { runSvdJob } from './svd-job';
import type { SvdWorkerRequest } from './svd-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SvdWorkerRequest>) => {
  runSvdJob(event.data, (message, transfer) => scope.postMessage(message, transfer));
};

// Optimise the code paths now, while the page is still fetching and decoding the image.
warmUpSvd();
