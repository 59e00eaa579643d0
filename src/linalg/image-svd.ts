import { RankReconstruction, type RankReconstructionOptions } from './lowrank';
import { svd, type SvdFactors, type SvdMethod } from './svd';
import { rgbaFromChannels, type ColourMode } from './image';
import { centreChannels } from './centring';

/** The SVD of every channel of an image: what the worker computes and the slider redraws from. */
export interface ImageSvd {
  width: number;
  height: number;
  mode: ColourMode;
  channels: SvdFactors[]; // one (grey) or three (R, G, B), each height x width
  /** Whether each channel's mean was taken out before the SVD (see centring.ts). */
  centred: boolean;
  /** The mean added back to every pixel of each channel when drawing: zeros unless centred. */
  means: number[];
}

/**
 * Decomposes each channel matrix (height x width, row-major) with the fast Gram route unless told otherwise,
 * after taking out each channel's mean when `centred`. Progress runs 0 -> 1 across all channels.
 */
export function decomposeChannels(
  channels: readonly Float64Array[], width: number, height: number,
  options: { method?: SvdMethod | 'auto'; onProgress?: (fraction: number) => void; centred?: boolean } = {},
): ImageSvd {
  if (channels.length !== 1 && channels.length !== 3) throw new RangeError('decomposeChannels: need 1 or 3 channels');
  const method = options.method ?? 'gram';
  const centred = options.centred ?? false;
  const { centred: input, means } = centred ? centreChannels(channels) : { centred: channels, means: channels.map(() => 0) };
  const out = input.map((data, c) => {
    if (data.length !== width * height) throw new RangeError(`channel ${c} has ${data.length} values, expected ${width * height}`);
    const onProgress = options.onProgress && ((f: number) => options.onProgress!((c + f) / channels.length));
    return svd({ rows: height, cols: width, data }, { method, onProgress });
  });
  return { width, height, mode: channels.length === 1 ? 'grey' : 'colour', channels: out, centred, means };
}

/** Rank-k images for a slider: one RankReconstruction per channel, rendered into RGBA bytes. */
export class ImageRankReconstruction {
  readonly width: number;
  readonly height: number;
  readonly maxRank: number;
  private readonly channels: RankReconstruction[];
  private readonly means: number[];
  private readonly pixels: Uint8ClampedArray;

  constructor(image: ImageSvd, options?: RankReconstructionOptions) {
    this.width = image.width;
    this.height = image.height;
    this.channels = image.channels.map((f) => new RankReconstruction(f, options));
    this.means = image.means;
    this.maxRank = Math.min(...this.channels.map((c) => c.maxRank));
    this.pixels = new Uint8ClampedArray(this.width * this.height * 4);
  }

  /**
   * RGBA bytes of the rank-k image (k clamped to [0, maxRank]; a centred image at k = 0 is its mean colour);
   * the same buffer is reused by every call.
   */
  render(k: number): Uint8ClampedArray {
    const views = this.channels.map((c) => c.setRank(k));
    return rgbaFromChannels(views, this.width, this.height, this.channels[0].stride, this.pixels, this.means);
  }
}
