import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../scripts/decode-png';
import { channelsFromRgba, downscaleRgba } from '../../../src/linalg/image';
import { decomposeChannels } from '../../../src/linalg/image-svd';
import { compressionFigures } from '../../../src/linalg/compression';

/** The figures lesson 3 states about a sample image, as the widget computes them (colour, long side <= 512). */
function figures(name: string, centred: boolean) {
  const png = decodePng(join(import.meta.dirname, '../../../public/images', `${name}.png`));
  const image = downscaleRgba({ width: png.width, height: png.height, data: png.rgba });
  const svd = decomposeChannels(channelsFromRgba(image, 'colour'), image.width, image.height, { centred });
  return compressionFigures(svd.channels.map((f) => f.values), 1, image.width, image.height, { centred });
}

const percent = (x: number) => Math.round(100 * x);

describe('lesson 3’s figures on raw and centred energy', () => {
  it('the cat: 94% of the raw energy in the first layer', () => {
    expect(percent(figures('chelsea', false).energyKept)).toBe(94);
  });

  it('the astronaut: raw 90% at k = 4; centred 90% at k = 14 and 99% at k = 75', () => {
    expect(figures('astronaut', false).kForEnergy['0.9']).toBe(4);
    expect(figures('astronaut', true).kForEnergy).toMatchObject({ '0.9': 14, '0.99': 75 });
  });

  it('uniform noise: 75% raw at k = 1, under 2% centred, and 90% only at k = 131 of 256, more numbers than pixels', () => {
    expect(percent(figures('noise', false).energyKept)).toBe(75);
    const centred = figures('noise', true);
    expect(centred.energyKept).toBeLessThan(0.02);
    expect(centred.kForEnergy['0.9']).toBe(131);
    expect(131 * (256 + 256) + 1).toBeGreaterThan(256 * 256);
  });
});
