import { encodePng, pngChunk, PNG_SIGNATURE } from '../../scripts/encode-png';

/** A valid RGBA PNG whose pixel (x, y) is colour(x, y) = [r, g, b, a]. For upload tests. */
export function makePng(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number]): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(colour(x, y), 4 * (y * width + x));
  return encodePng(width, height, pixels, 4);
}

/** Only a signature and a header claiming a size: what a huge image looks like before decoding. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header)]);
}
