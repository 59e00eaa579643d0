import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../scripts/decode-png';
import { channelsFromRgba } from '../../../src/linalg/image';
import { decomposeChannels } from '../../../src/linalg/image-svd';

// Reference: numpy 2.4.6, np.linalg.svd(red, compute_uv=False) (LAPACK dgesdd) on this machine, where red
// is the 300 x 451 red channel of public/images/chelsea.png as float64 (pixel sum 19980169).
const CHELSEA_RED = {
  first: [54513.85939968324, 5287.451576388857, 4924.292017470901, 3404.4904247862173, 3029.6735215862027, 2487.9230524898903],
  at: { 49: 344.40493515344326, 99: 158.16325016641525, 299: 6.0247532785093165 } as Record<number, number>,
  sum: 131003.42365911175,
};

describe('fast SVD of a sample photo against LAPACK', () => {
  it('matches numpy on the red channel of chelsea.png (300 x 451) to ~1e-12', () => {
    const png = decodePng(join(import.meta.dirname, '../../../public/images/chelsea.png'));
    const [red] = channelsFromRgba({ width: png.width, height: png.height, data: png.rgba }, 'colour');
    expect([png.width, png.height]).toEqual([451, 300]);
    expect(red.reduce((s, x) => s + x, 0)).toBe(19980169);
    const { channels } = decomposeChannels([red], png.width, png.height);
    const values = channels[0].values;
    expect(values).toHaveLength(300);
    CHELSEA_RED.first.forEach((s, i) => expect(Math.abs(values[i] - s) / s).toBeLessThan(1e-12));
    for (const [i, s] of Object.entries(CHELSEA_RED.at)) expect(Math.abs(values[Number(i)] - s) / s).toBeLessThan(1e-11);
    expect(Math.abs(values.reduce((a, b) => a + b, 0) - CHELSEA_RED.sum) / CHELSEA_RED.sum).toBeLessThan(1e-12);
  });
});
