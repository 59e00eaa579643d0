import { readImageHeader } from './image-header';
import type { MessageKey } from '../i18n/translate';

export const MAX_SOURCE_SIDE = 8192;
export const MIN_SIDE = 8;
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const FORMAT_NAMES: Record<string, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };

/**
 * Why a file was refused, as a code and the values its message needs: the widget words it in the page's
 * language (image.CODE in the catalogue). Sizes are strings, so they stay plain digits in every language.
 */
export type ImageProblem =
  | { code: 'tooManyBytes'; name: string; megabytes: string }
  | { code: 'svg' | 'unknown' | 'undecodable'; name: string }
  | { code: 'noSize'; name: string; format: string }
  | { code: 'tooLarge'; name: string; width: string; height: string; max: string }
  | { code: 'tooSmall'; name: string; width: string; height: string; min: string };

/** What was done to a file that was used: scaled down (to width x height), its transparency put on white. */
export type ImageNote = { code: 'scaled'; width: string; height: string } | { code: 'transparent' };

/** The catalogue message for each problem and note (named in full, so the catalogue test sees each used). */
export const IMAGE_MESSAGES = {
  tooManyBytes: 'image.tooManyBytes', svg: 'image.svg', unknown: 'image.unknown', noSize: 'image.noSize',
  tooLarge: 'image.tooLarge', undecodable: 'image.undecodable', tooSmall: 'image.tooSmall',
  scaled: 'image.scaled', transparent: 'image.transparent',
} as const satisfies Record<ImageProblem['code'] | ImageNote['code'], MessageKey>;

export type LoadedImage =
  | { ok: true; pixels: ImageData; name: string; notes: ImageNote[] }
  | { ok: false; problem: ImageProblem };

/**
 * Turns a file (picked, dropped or pasted) into RGBA pixels whose long side is at most maxSide, or the
 * problem a reader can act on. Reads the true size from the header before decoding, so huge or fake images
 * cost nothing, and refuses a file whose size cannot be found.
 */
export async function loadImageFile(file: Blob & { name?: string }, maxSide: number): Promise<LoadedImage> {
  const name = file.name || 'pasted image';
  const refuse = (problem: ImageProblem): LoadedImage => ({ ok: false, problem });
  if (file.size > MAX_FILE_BYTES) return refuse({ code: 'tooManyBytes', name, megabytes: String(Math.round(file.size / 2 ** 20)) });
  // The whole file (at most MAX_FILE_BYTES): a JPEG's or GIF's size may sit after megabytes of comments.
  const header = readImageHeader(new Uint8Array(await file.arrayBuffer()));
  if (header.format === 'svg' || header.format === 'unknown') return refuse({ code: header.format, name });
  const { width, height } = header;
  if (width === undefined || height === undefined) return refuse({ code: 'noSize', name, format: FORMAT_NAMES[header.format] });
  if (width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
    return refuse({ code: 'tooLarge', name, width: String(width), height: String(height), max: String(MAX_SOURCE_SIDE) });
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return refuse({ code: 'undecodable', name });
  }
  if (bitmap.width < MIN_SIDE || bitmap.height < MIN_SIDE) {
    const problem: ImageProblem = { code: 'tooSmall', name, width: String(bitmap.width), height: String(bitmap.height), min: String(MIN_SIDE) };
    bitmap.close();
    return refuse(problem);
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const pixels = context.getImageData(0, 0, w, h);
  const notes: ImageNote[] = [];
  if (scale < 1) notes.push({ code: 'scaled', width: String(w), height: String(h) });
  if (hasTransparency(pixels)) {
    flattenOnWhite(pixels);
    notes.push({ code: 'transparent' });
  }
  return { ok: true, pixels, name, notes };
}

function hasTransparency(image: ImageData): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] < 255) return true;
  return false;
}

/** Composites onto white so transparent pixels do not decompose as black. */
function flattenOnWhite(image: ImageData): void {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3] / 255;
    for (let c = 0; c < 3; c++) d[i + c] = Math.round(d[i + c] * a + 255 * (1 - a));
    d[i + 3] = 255;
  }
}
