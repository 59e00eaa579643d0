import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readImageHeader } from '../../../src/widgets/image-header';
import { IMAGE_MESSAGES, MAX_SOURCE_SIDE, loadImageFile } from '../../../src/widgets/image-input';
import { fillMessage } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages/en';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);

/** A PNG signature and IHDR header claiming the given size, with no pixel data. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

describe('readImageHeader', () => {
  it('reads the size of the sample photographs', () => {
    expect(readImageHeader(new Uint8Array(readFileSync('public/images/astronaut.png')))).toEqual({ format: 'png', width: 512, height: 512 });
    expect(readImageHeader(new Uint8Array(readFileSync('public/images/coffee.png')))).toEqual({ format: 'png', width: 600, height: 400 });
  });

  it('reads a huge size from the header alone', () => {
    expect(readImageHeader(pngHeader(20000, 20000))).toEqual({ format: 'png', width: 20000, height: 20000 });
  });

  it('reads JPEG, GIF and BMP sizes', () => {
    // SOI, an APP0 segment of length 4, then SOF0 with height 300 and width 451.
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 1, 0x2c, 1, 0xc3, 3);
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 451, height: 300 });
    expect(readImageHeader(gif([10, 20], [0, 0, 10, 20]))).toEqual({ format: 'gif', width: 10, height: 20 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 64, true);
    new DataView(bmp.buffer).setInt32(22, -32, true); // top-down BMPs store a negative height
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 64, height: 32 });
  });

  it('tells SVG and non-images apart from pictures', () => {
    expect(readImageHeader(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')).format).toBe('svg');
    expect(readImageHeader(text('  <svg viewBox="0 0 1 1"/>')).format).toBe('svg');
    expect(readImageHeader(text('%PDF-1.7')).format).toBe('unknown');
    expect(readImageHeader(new Uint8Array(0)).format).toBe('unknown');
  });
});

/** Little builders for hostile headers: each declares a size, with as little else as the format allows. */
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const le24 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];
const riff = (...chunks: number[][]) => {
  const body = chunks.flat();
  return Uint8Array.from([...text('RIFF'), ...le32(body.length + 4), ...text('WEBP'), ...body]);
};
const chunk = (type: string, data: number[]) => [...text(type), ...le32(data.length), ...data, ...(data.length & 1 ? [0] : [])];
const vp8x = (w: number, h: number) => chunk('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);
const vp8l = (w: number, h: number) => {
  const bits = ((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14);
  return chunk('VP8L', [0x2f, ...le32(bits), 0, 0, 0]);
};
const vp8 = (w: number, h: number) => chunk('VP8 ', [0x50, 0x0d, 0x00, 0x9d, 0x01, 0x2a, w & 255, w >> 8, h & 255, h >> 8]);
const anmf = (x: number, y: number, w: number, h: number) => chunk('ANMF', [...le24(x / 2), ...le24(y / 2), ...le24(w - 1), ...le24(h - 1), 0, 0, 0, 0]);

/** A JPEG: SOI, the given segments, then SOF0 (or none). */
const segment = (marker: number, payload: number) => [0xff, marker, (payload + 2) >> 8, (payload + 2) & 255, ...Array(payload).fill(0x41)];
const sof = (marker: number, w: number, h: number) => [0xff, marker, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, ...Array(9).fill(0)];
const jpeg = (...parts: number[][]) => Uint8Array.from([0xff, 0xd8, ...parts.flat()]);

const gif = (screen: [number, number], frame: [number, number, number, number], extensions: number[][] = [], table = 0) => Uint8Array.from([
  ...text('GIF89a'), screen[0] & 255, screen[0] >> 8, screen[1] & 255, screen[1] >> 8, table ? 0x80 | (table - 1) : 0, 0, 0,
  ...Array(table ? 3 * 2 ** table : 0).fill(0), ...extensions.flat(),
  0x2c, ...frame.flatMap((n) => [n & 255, n >> 8]), 0,
]);
/** A comment extension of n bytes, in 255-byte sub-blocks. */
const comment = (n: number) => {
  const out = [0x21, 0xfe];
  for (let left = n; left > 0; left -= 255) out.push(Math.min(255, left), ...Array(Math.min(255, left)).fill(0x61));
  return [...out, 0];
};

describe('readImageHeader: the true size wherever the format puts it (classes of hostile header)', () => {
  it('WebP: a 30-byte VP8X, a VP8L and a VP8 declaring 10000 x 10000', () => {
    const tiny = riff(vp8x(10000, 10000));
    expect(tiny.length).toBe(30);
    expect(readImageHeader(tiny)).toEqual({ format: 'webp', width: 10000, height: 10000 });
    expect(readImageHeader(riff(vp8l(10000, 10000)))).toEqual({ format: 'webp', width: 10000, height: 10000 });
    expect(readImageHeader(riff(vp8(10000, 10000)))).toEqual({ format: 'webp', width: 10000, height: 10000 });
    expect(readImageHeader(riff(vp8l(640, 480)))).toEqual({ format: 'webp', width: 640, height: 480 });
  });

  it('WebP: the largest of canvas, bitstream and animation frames, after chunks of any length', () => {
    expect(readImageHeader(riff(vp8x(100, 100), chunk('ICCP', Array(70_001).fill(1)), vp8l(9000, 50)))).toEqual({ format: 'webp', width: 9000, height: 100 });
    expect(readImageHeader(riff(vp8x(100, 100), anmf(8000, 0, 500, 100)))).toEqual({ format: 'webp', width: 8500, height: 100 });
    expect(readImageHeader(riff(chunk('EXIF', [1, 2, 3])))).toEqual({ format: 'webp' });
  });

  it('JPEG: the frame header after long comments, many segments, fill bytes and restart markers', () => {
    const longComments = Array.from({ length: 5 }, () => segment(0xfe, 65_533)); // 320 KB before the size
    expect(readImageHeader(jpeg(...longComments, sof(0xc0, 10000, 10000)))).toEqual({ format: 'jpeg', width: 10000, height: 10000 });
    expect(readImageHeader(jpeg(segment(0xe1, 30_000), [0xff, 0xff, 0xff], [0xff, 0xd0], segment(0xdb, 67), sof(0xc2, 12000, 40)))).toEqual({ format: 'jpeg', width: 12000, height: 40 });
    for (const marker of [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(readImageHeader(jpeg(segment(0xe0, 14), sof(marker, 9000, 9000))).width).toBe(9000);
    }
    // DHT (c4), JPG (c8) and DAC (cc) look like frame markers but are not.
    expect(readImageHeader(jpeg(segment(0xc4, 20), segment(0xcc, 2), sof(0xc0, 300, 200)))).toEqual({ format: 'jpeg', width: 300, height: 200 });
  });

  it('JPEG: no size when it cannot be trusted (cut short, a scan or the end first, height left to later)', () => {
    const whole = jpeg(segment(0xfe, 1000), sof(0xc0, 10000, 10000));
    expect(readImageHeader(whole.subarray(0, 1000))).toEqual({ format: 'jpeg' });
    expect(readImageHeader(jpeg(segment(0xda, 10), sof(0xc0, 10, 10)))).toEqual({ format: 'jpeg' });
    expect(readImageHeader(jpeg([0xff, 0xd9], sof(0xc0, 10, 10)))).toEqual({ format: 'jpeg' });
    expect(readImageHeader(jpeg(sof(0xc0, 10000, 0)))).toEqual({ format: 'jpeg' });
    expect(readImageHeader(jpeg([0x00, 0x00], sof(0xc0, 10, 10)))).toEqual({ format: 'jpeg' });
  });

  it('GIF: a first frame larger than the screen, after long comments and a colour table', () => {
    expect(readImageHeader(gif([10, 10], [0, 0, 10, 10]))).toEqual({ format: 'gif', width: 10, height: 10 });
    expect(readImageHeader(gif([10, 10], [0, 0, 10000, 10000], [comment(200_000)], 8))).toEqual({ format: 'gif', width: 10000, height: 10000 });
    expect(readImageHeader(gif([10, 10], [60000, 5, 10, 10]))).toEqual({ format: 'gif', width: 60010, height: 15 });
    expect(readImageHeader(gif([10, 10], [0, 0, 10, 10]).subarray(0, 15))).toEqual({ format: 'gif' });
  });

  it('PNG and BMP: the header layout each actually has', () => {
    const notIhdr = pngHeader(20000, 20000);
    notIhdr.set(text('tEXt'), 12);
    expect(readImageHeader(notIhdr)).toEqual({ format: 'png' });
    expect(readImageHeader(pngHeader(20000, 20000).subarray(0, 20))).toEqual({ format: 'png' });
    const core = new Uint8Array(26); // BITMAPCOREHEADER: 16-bit sizes at 18 and 20
    core.set([0x42, 0x4d]);
    new DataView(core.buffer).setUint32(14, 12, true);
    new DataView(core.buffer).setUint16(18, 10000, true);
    new DataView(core.buffer).setUint16(20, 9000, true);
    expect(readImageHeader(core)).toEqual({ format: 'bmp', width: 10000, height: 9000 });
    const info = new Uint8Array(26);
    info.set([0x42, 0x4d]);
    new DataView(info.buffer).setUint32(14, 40, true);
    new DataView(info.buffer).setInt32(18, 100, true);
    new DataView(info.buffer).setInt32(22, -(2 ** 31), true);
    expect(readImageHeader(info)).toEqual({ format: 'bmp', width: 100, height: 2 ** 31 });
  });
});

describe('loadImageFile: refuses before decoding, saying what is wrong (as a code the widget words)', () => {
  const file = (data: Uint8Array, name: string) => Object.assign(new Blob([data as BlobPart]), { name });
  it.each([
    ['tiny.webp', riff(vp8x(10000, 10000))],
    ['comment.jpg', jpeg(segment(0xfe, 65_533), segment(0xfe, 65_533), sof(0xc0, 10000, 10000))],
    ['frame.gif', gif([10, 10], [0, 0, 10000, 10000], [comment(100_000)])],
    ['core.bmp', (() => { const b = new Uint8Array(26); b.set([0x42, 0x4d]); const v = new DataView(b.buffer); v.setUint32(14, 12, true); v.setUint16(18, 10000, true); v.setUint16(20, 10000, true); return b; })()],
  ])('%s: "10000 × 10000 pixels, larger than 8192 on a side"', async (name, data) => {
    const loaded = await loadImageFile(file(data, name), 512);
    expect(loaded).toEqual({ ok: false, problem: { code: 'tooLarge', name, width: '10000', height: '10000', max: String(MAX_SOURCE_SIDE) } });
    if (!loaded.ok) expect(fillMessage('en', en[IMAGE_MESSAGES.tooLarge], loaded.problem)).toBe(`“${name}” is 10000 × 10000 pixels, larger than 8192 on a side. Resize it first.`);
  });

  it('a size that cannot be found is refused, not guessed', async () => {
    const loaded = await loadImageFile(file(jpeg(segment(0xfe, 100)), 'cut.jpg'), 512);
    expect(loaded).toEqual({ ok: false, problem: { code: 'noSize', name: 'cut.jpg', format: 'JPEG' } });
    if (!loaded.ok) expect(fillMessage('en', en[IMAGE_MESSAGES.noSize], loaded.problem)).toBe('“cut.jpg” is a JPEG file whose size could not be found in its header: it is cut short or damaged.');
  });
});
