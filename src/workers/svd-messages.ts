import type { ColourMode } from '../linalg/image';
import type { ImageSvd } from '../linalg/image-svd';

/**
 * Messages between the page and svd-worker.ts. The page sends one request; the worker answers with any
 * number of progress messages and then one done (or error). To cancel, the page terminates the worker.
 * After done, the worker keeps the rank-k reconstruction of that image: the page sends SvdRenderRequests
 * and gets the rank-k pixels back, so the slider's work never runs on the page's thread.
 */
export type SvdWorkerRequest = {
  /** Echoed in every reply, so a page can ignore answers to requests it has since replaced. */
  id?: number;
  mode: ColourMode;
  /** Take each channel's mean out before the SVD and add it back when drawing (default false). */
  centred?: boolean;
} & (
  | {
      /** RGBA bytes (ImageData.data); downscaled in the worker so the long side is at most maxSide. */
      rgba: Uint8ClampedArray | Uint8Array;
      width: number;
      height: number;
      maxSide?: number;
    }
  | {
      /** Ready-made channel matrices, height x width row-major: one for grey, three for colour. */
      channels: Float64Array[];
      width: number;
      height: number;
    }
);

export type SvdWorkerResponse =
  | { type: 'progress'; id?: number; fraction: number }
  | {
      type: 'done';
      id?: number;
      /** Singular values and vectors of every channel (buffers transferred, not copied). */
      result: ImageSvd;
      /** The channel matrices that were decomposed (after grey conversion and downscaling; never centred). */
      channels: Float64Array[];
      /** The same as RGBA bytes (a grey image for one channel): the page's "original" picture. */
      rgba: Uint8ClampedArray;
      milliseconds: number;
    }
  | { type: 'error'; id?: number; message: string };

/** Posted once by a new worker when its warm-up is over (for the first-view benchmark's marks). */
export interface SvdWarmMessage {
  type: 'warm';
  /** How long the warm-up took, and how many of its small SVDs ran before an image arrived. */
  milliseconds: number;
  rounds: number;
}

/** Draw the last decomposed image at rank k. */
export interface SvdRenderRequest {
  render: number;
  id: number;
}

export interface SvdRenderResponse {
  type: 'pixels';
  id: number;
  k: number;
  /** RGBA bytes of the rank-k image (a fresh buffer, transferred). */
  rgba: Uint8ClampedArray;
}
