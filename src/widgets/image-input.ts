import { readImageHeader } from './image-header';

export const MAX_SOURCE_SIDE = 8192;
export const MIN_SIDE = 8;
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const FORMAT_NAMES: Record<string, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };

export type LoadedImage =
  | { ok: true; pixels: ImageData; name: string; note: string }
  | { ok: false; message: string };

/**
 * Turns a file (picked, dropped or pasted) into RGBA pixels whose long side is at most maxSide, or a
 * message a reader can act on. Reads the true size from the header before decoding, so huge or fake images
 * cost nothing, and refuses a file whose size cannot be found.
 */
export async function loadImageFile(file: Blob & { name?: string }, maxSide: number): Promise<LoadedImage> {
  const name = file.name || 'pasted image';
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `“${name}” is ${Math.round(file.size / 2 ** 20)} MB; images up to 40 MB are accepted.` };
  // The whole file (at most MAX_FILE_BYTES): a JPEG's or GIF's size may sit after megabytes of comments.
  const header = readImageHeader(new Uint8Array(await file.arrayBuffer()));
  if (header.format === 'svg') {
    return { ok: false, message: `“${name}” is an SVG drawing, which has no pixels to decompose. Export it as PNG or JPEG first.` };
  }
  if (header.format === 'unknown') {
    return { ok: false, message: `“${name}” is not an image this page can read. Use a PNG, JPEG, GIF, WebP or BMP file.` };
  }
  const { width, height } = header;
  if (width === undefined || height === undefined) {
    return { ok: false, message: `“${name}” is a ${FORMAT_NAMES[header.format]} file whose size could not be found in its header: it is cut short or damaged.` };
  }
  if (width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
    return { ok: false, message: `“${name}” is ${width} × ${height} pixels, larger than ${MAX_SOURCE_SIDE} on a side. Resize it first.` };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: `“${name}” could not be decoded: the file looks damaged.` };
  }
  if (bitmap.width < MIN_SIDE || bitmap.height < MIN_SIDE) {
    const message = `“${name}” is only ${bitmap.width} × ${bitmap.height} pixels; use an image at least ${MIN_SIDE} pixels on each side.`;
    bitmap.close();
    return { ok: false, message };
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const pixels = context.getImageData(0, 0, w, h);
  const notes: string[] = [];
  if (scale < 1) notes.push(`scaled down to ${w} × ${h}`);
  if (hasTransparency(pixels)) {
    flattenOnWhite(pixels);
    notes.push('its transparent parts are shown on white');
  }
  return { ok: true, pixels, name, note: notes.length ? `“${name}”: ${notes.join('; ')}.` : '' };
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
