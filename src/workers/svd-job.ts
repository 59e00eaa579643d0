import { channelsFromRgba, downscaleRgba, rgbaFromChannels } from '../linalg/image';
import { decomposeChannels } from '../linalg/image-svd';
import type { SvdWorkerRequest, SvdWorkerResponse } from './svd-messages';

export type Post = (message: SvdWorkerResponse, transfer: Transferable[]) => void;

/** What the worker does with one request, apart from the messaging itself (so it runs in tests too). */
export function runSvdJob(request: SvdWorkerRequest, post: Post): void {
  const { id } = request;
  try {
    const start = performance.now();
    let channels: Float64Array[];
    let width: number, height: number;
    if ('rgba' in request) {
      const image = downscaleRgba({ width: request.width, height: request.height, data: request.rgba }, request.maxSide ?? 512);
      ({ width, height } = image);
      channels = channelsFromRgba(image, request.mode);
    } else {
      ({ width, height, channels } = request);
      if (channels.length !== (request.mode === 'grey' ? 1 : 3)) {
        throw new RangeError(`mode '${request.mode}' needs ${request.mode === 'grey' ? 1 : 3} channels, got ${channels.length}`);
      }
    }
    let lastPosted = -1;
    const result = decomposeChannels(channels, width, height, {
      centred: request.centred ?? false,
      onProgress: (fraction) => {
        // Whole percents are plenty for a progress bar.
        if (fraction < 1 && fraction - lastPosted < 0.01) return;
        lastPosted = fraction;
        post({ type: 'progress', id, fraction }, []);
      },
    });
    const rgba = rgbaFromChannels(channels, width, height);
    const transfer = [
      ...result.channels.flatMap((f) => [f.values.buffer, f.left.buffer, f.right.buffer]),
      ...channels.map((c) => c.buffer), rgba.buffer,
    ];
    post({ type: 'done', id, result, channels, rgba, milliseconds: performance.now() - start }, uniqueBuffers(transfer));
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }, []);
  }
}

/** postMessage rejects a transfer list that names a buffer twice. */
function uniqueBuffers(buffers: ArrayBufferLike[]): Transferable[] {
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
