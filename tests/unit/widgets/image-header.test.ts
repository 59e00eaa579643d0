import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readImageHeader } from '../../../src/widgets/image-header';

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
    expect(readImageHeader(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 20, 0))).toEqual({ format: 'gif', width: 10, height: 20 });
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
