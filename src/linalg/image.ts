/**
 * Pixels as matrices, with no DOM: RGBA bytes (as in ImageData) <-> one Float64 matrix per channel, grey
 * conversion, box-filter downscaling, and rank-k channels back into RGBA. Matrices are row-major,
 * height x width, values 0..255. Alpha is not decomposed: reconstructions are opaque.
 */
export type ColourMode = 'grey' | 'colour';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array; // 4 bytes per pixel, rows top to bottom
}

/** ITU-R BT.601 luma, the weights PIL's convert('L') and most "greyscale" buttons use. */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** One matrix for grey, three (R, G, B) for colour. */
export function channelsFromRgba(image: RgbaImage, mode: ColourMode): Float64Array[] {
  const { width, height, data } = image;
  checkSize(image);
  const count = width * height;
  if (mode === 'grey') {
    const grey = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      grey[i] = LUMA[0] * data[4 * i] + LUMA[1] * data[4 * i + 1] + LUMA[2] * data[4 * i + 2];
    }
    return [grey];
  }
  const channels = [new Float64Array(count), new Float64Array(count), new Float64Array(count)];
  for (let i = 0; i < count; i++) {
    channels[0][i] = data[4 * i];
    channels[1][i] = data[4 * i + 1];
    channels[2][i] = data[4 * i + 2];
  }
  return channels;
}

/**
 * RGBA bytes from one (grey) or three channel matrices, rounded and clamped to 0..255 (rank-k
 * approximations overshoot). `stride` is the row stride of the channel arrays when padded (default width);
 * `offsets` adds a constant per channel (the means a centred decomposition took out).
 */
export function rgbaFromChannels(
  channels: readonly ArrayLike<number>[], width: number, height: number,
  stride = width, out: Uint8ClampedArray = new Uint8ClampedArray(width * height * 4), offsets: readonly number[] = [],
): Uint8ClampedArray {
  if (channels.length !== 1 && channels.length !== 3) throw new RangeError('rgbaFromChannels: need 1 or 3 channels');
  const [r, g = r, b = r] = channels;
  const [dr = 0, dg = dr, db = dr] = offsets;
  let o = 0;
  for (let y = 0; y < height; y++) {
    let i = y * stride;
    for (let x = 0; x < width; x++, i++, o += 4) {
      // Uint8ClampedArray rounds half to even and clamps on assignment.
      out[o] = r[i] + dr;
      out[o + 1] = g[i] + dg;
      out[o + 2] = b[i] + db;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Size after scaling down (never up) so that the longer side is at most maxSide, keeping the aspect ratio. */
export function fittedSize(width: number, height: number, maxSide = 512): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Downscales so the longer side is at most maxSide, averaging every source pixel that each target pixel
 * covers (an area / box filter, weighted by fractional overlap), which avoids the aliasing of point sampling.
 * Returns the image itself when it already fits.
 */
export function downscaleRgba(image: RgbaImage, maxSide = 512): RgbaImage {
  checkSize(image);
  const target = fittedSize(image.width, image.height, maxSide);
  if (target.width === image.width && target.height === image.height) return image;
  // Separable: columns first (width -> target width), then rows.
  const wide = resampleAxis(image.data, image.width, image.height, target.width, true);
  const both = resampleAxis(wide, target.width, image.height, target.height, false);
  const data = new Uint8ClampedArray(both.length);
  data.set(both);
  return { width: target.width, height: target.height, data };
}

/** Box-resamples RGBA (as floats) along x (horizontal) or y, from `from` samples to `to`. */
function resampleAxis(src: ArrayLike<number>, width: number, height: number, to: number, horizontal: boolean): Float64Array {
  const from = horizontal ? width : height;
  const outWidth = horizontal ? to : width, outHeight = horizontal ? height : to;
  const out = new Float64Array(outWidth * outHeight * 4);
  const scale = from / to;
  for (let t = 0; t < to; t++) {
    const start = t * scale, end = start + scale;
    const first = Math.floor(start), last = Math.min(from, Math.ceil(end));
    for (let s = first; s < last; s++) {
      const weight = (Math.min(end, s + 1) - Math.max(start, s)) / scale;
      if (weight <= 0) continue;
      const lines = horizontal ? height : width;
      for (let line = 0; line < lines; line++) {
        const si = horizontal ? (line * width + s) * 4 : (s * width + line) * 4;
        const oi = horizontal ? (line * outWidth + t) * 4 : (t * outWidth + line) * 4;
        out[oi] += weight * src[si];
        out[oi + 1] += weight * src[si + 1];
        out[oi + 2] += weight * src[si + 2];
        out[oi + 3] += weight * src[si + 3];
      }
    }
  }
  return out;
}

function checkSize({ width, height, data }: RgbaImage): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive integers, got ${width} x ${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} RGBA bytes for ${width} x ${height}, got ${data.length}`);
  }
}
