/**
 * Reads an image's format and true pixel size from its bytes, before anything is decoded, so that a
 * 20000 x 20000 upload can be refused without allocating gigabytes. Each format is walked the way its decoder
 * walks it, wherever the size sits: past any number of JPEG segments before the frame header, past GIF
 * extensions to the first frame (which may be larger than the stated screen), through a WebP's chunks (VP8,
 * VP8L, VP8X canvas and animation frames), past BMP's two header layouts. A size that cannot be found is left
 * out, and the caller refuses the file. Pure: bytes in, facts out.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'svg' | 'unknown';

export interface ImageHeader {
  format: ImageFormat;
  /** Pixel size, the largest the decoder would make; absent for SVG, unknown formats, or a size not found. */
  width?: number;
  height?: number;
}

type Size = { width?: number; height?: number };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', ...pngSize(bytes, view) };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { format: 'gif', ...gifSize(bytes, view) };
  if (startsWith(bytes, [0x42, 0x4d])) return { format: 'bmp', ...bmpSize(bytes, view) };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { format: 'webp', ...webpSize(bytes, view) };
  if (startsWith(bytes, [0xff, 0xd8])) return { format: 'jpeg', ...jpegSize(bytes, view) };
  const text = ascii(bytes, 0, 512).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { format: 'svg' };
  return { format: 'unknown' };
}

/** IHDR must be the first chunk: width and height big-endian at bytes 16 and 20. */
function pngSize(bytes: Uint8Array, view: DataView): Size {
  if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return {};
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The logical screen (bytes 6-9), grown to hold the first frame: decoders draw a first frame that overhangs
 * the screen at its full size. Extensions (comments, application data) before it are skipped block by block.
 */
function gifSize(bytes: Uint8Array, view: DataView): Size {
  if (bytes.length < 13) return {};
  let width = view.getUint16(6, true);
  let height = view.getUint16(8, true);
  const flags = bytes[10];
  let i = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  while (i < bytes.length) {
    const block = bytes[i];
    if (block === 0x2c) { // image descriptor: left, top, width, height
      if (i + 9 > bytes.length) return {};
      width = Math.max(width, view.getUint16(i + 1, true) + view.getUint16(i + 5, true));
      height = Math.max(height, view.getUint16(i + 3, true) + view.getUint16(i + 7, true));
      return { width, height };
    }
    if (block !== 0x21) return {}; // a trailer or junk before any frame: no picture to size
    i += 2; // introducer and label, then sub-blocks until an empty one
    while (i < bytes.length && bytes[i] !== 0) i += bytes[i] + 1;
    i += 1;
  }
  return {};
}

/** BITMAPCOREHEADER (12 bytes) stores 16-bit sizes; every later header 32-bit ones, the height negative when top-down. */
function bmpSize(bytes: Uint8Array, view: DataView): Size {
  if (bytes.length < 26) return {};
  if (view.getUint32(14, true) === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  const width = view.getInt32(18, true);
  const height = view.getInt32(22, true);
  return width > 0 ? { width, height: Math.abs(height) } : {};
}

/** The largest size any of a WebP's chunks declares: the VP8X canvas, a VP8 or VP8L bitstream, an animation frame. */
function webpSize(bytes: Uint8Array, view: DataView): Size {
  let width = 0;
  let height = 0;
  const take = (w: number, h: number) => { width = Math.max(width, w); height = Math.max(height, h); };
  const uint24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
  for (let i = 12; i + 8 <= bytes.length;) {
    const type = ascii(bytes, i, i + 4);
    const size = view.getUint32(i + 4, true);
    const data = i + 8;
    if (type === 'VP8X' && data + 10 <= bytes.length) take(uint24(data + 4) + 1, uint24(data + 7) + 1);
    if (type === 'ANMF' && data + 12 <= bytes.length) take(uint24(data) * 2 + uint24(data + 6) + 1, uint24(data + 3) * 2 + uint24(data + 9) + 1);
    if (type === 'VP8 ' && data + 10 <= bytes.length && startsWith(bytes, [0x9d, 0x01, 0x2a], data + 3)) {
      take(view.getUint16(data + 6, true) & 0x3fff, view.getUint16(data + 8, true) & 0x3fff);
    }
    if (type === 'VP8L' && data + 5 <= bytes.length && bytes[data] === 0x2f) {
      const bits = view.getUint32(data + 1, true);
      take((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    i = data + size + (size & 1);
  }
  return width > 0 && height > 0 ? { width, height } : {};
}

/**
 * Walks JPEG segments, however many and however long, to the first start-of-frame marker, which holds the
 * size; fill bytes and markers without a length are stepped over. A scan before any frame header means no size.
 */
function jpegSize(bytes: Uint8Array, view: DataView): Size {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return {};
    const marker = bytes[i + 1];
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { i += 2; continue; } // no length
    if (marker === 0xd9 || marker === 0xda) return {}; // end of image, or a scan, before any frame header
    const length = view.getUint16(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > bytes.length) return {};
      const height = view.getUint16(i + 5);
      const width = view.getUint16(i + 7);
      // Height 0 means "given later" (a DNL marker): no size to trust before decoding.
      return height > 0 && width > 0 ? { width, height } : {};
    }
    if (length < 2) return {};
    i += 2 + length;
  }
  return {};
}
