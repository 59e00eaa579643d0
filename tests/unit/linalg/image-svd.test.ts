import { describe, expect, it } from 'vitest';
import { decomposeChannels, ImageRankReconstruction } from '../../../src/linalg/image-svd';
import { channelsFromRgba, rgbaFromChannels } from '../../../src/linalg/image';
import { truncatedSvd } from '../../../src/linalg/lowrank';
import { imageLikeMatrix } from './random-matrix';

describe('decomposeChannels and ImageRankReconstruction', () => {
  const width = 40, height = 28;
  const channels = [imageLikeMatrix(height, width, 1), imageLikeMatrix(height, width, 2), imageLikeMatrix(height, width, 3)];
  const rgba = rgbaFromChannels(channels, width, height);

  it('decomposes each channel (height x width) with progress across all of them', () => {
    const seen: number[] = [];
    const svd = decomposeChannels(channelsFromRgba({ width, height, data: rgba }, 'colour'), width, height, { onProgress: (f) => seen.push(f) });
    expect(svd.mode).toBe('colour');
    expect(svd.channels).toHaveLength(3);
    expect(svd.channels[0].rows).toBe(height);
    expect(svd.channels[0].cols).toBe(width);
    expect(svd.channels[0].method).toBe('gram');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen.some((f) => f > 0.3 && f < 0.7)).toBe(true);
  });

  it('renders rank-k images that match the truncated SVD and the original at full rank', () => {
    const svd = decomposeChannels(channelsFromRgba({ width, height, data: rgba }, 'colour'), width, height);
    const rec = new ImageRankReconstruction(svd);
    expect(rec.maxRank).toBe(28);
    for (const k of [1, 5, 28, 3]) {
      const want = rgbaFromChannels(svd.channels.map((f) => truncatedSvd(f, k)), width, height);
      const got = rec.render(k);
      let worst = 0;
      for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst).toBeLessThanOrEqual(1); // float32 checkpoints may flip a rounding at .5
    }
    expect(Array.from(rec.render(28))).toEqual(Array.from(rgba));
  });

  it('handles grey images and rejects wrong channel counts or sizes', () => {
    const grey = decomposeChannels(channelsFromRgba({ width, height, data: rgba }, 'grey'), width, height);
    expect(grey.mode).toBe('grey');
    const pixels = new ImageRankReconstruction(grey).render(2);
    expect(pixels[0]).toBe(pixels[1]);
    expect(pixels[3]).toBe(255);
    expect(() => decomposeChannels([channels[0], channels[1]], width, height)).toThrow(RangeError);
    expect(() => decomposeChannels([channels[0]], width + 1, height)).toThrow(RangeError);
  });
});
