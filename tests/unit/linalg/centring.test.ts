import { describe, expect, it } from 'vitest';
import { centreChannels } from '../../../src/linalg/centring';
import { decomposeChannels, ImageRankReconstruction } from '../../../src/linalg/image-svd';
import { compressionFigures } from '../../../src/linalg/compression';
import { rgbaFromChannels } from '../../../src/linalg/image';
import { truncatedSvd } from '../../../src/linalg/lowrank';
import { seededRandom } from '../../../src/linalg/seeded-random';
import { imageLikeMatrix } from './random-matrix';

const width = 36, height = 30;
const noise = (seed: number) => Float64Array.from({ length: width * height }, seededRandom(seed)).map((x) => 255 * x);

describe('centreChannels', () => {
  it('takes out each channel’s mean, in copies, and reports the means', () => {
    const a = Float64Array.from([1, 2, 3, 6]), b = Float64Array.from([10, 10, 10, 10]);
    const { centred, means } = centreChannels([a, b]);
    expect(means).toEqual([3, 10]);
    expect(Array.from(centred[0])).toEqual([-2, -1, 0, 3]);
    expect(Array.from(centred[1])).toEqual([0, 0, 0, 0]);
    expect(Array.from(a)).toEqual([1, 2, 3, 6]);
  });
});

describe('a centred decomposition', () => {
  const channels = [imageLikeMatrix(height, width, 1), imageLikeMatrix(height, width, 2), imageLikeMatrix(height, width, 3)];

  it('draws mean + k layers: the mean colour at k = 0, the image itself at full rank', () => {
    const svd = decomposeChannels(channels, width, height, { centred: true });
    expect(svd.centred).toBe(true);
    svd.means.forEach((mean, c) => expect(mean).toBeCloseTo(channels[c].reduce((s, x) => s + x, 0) / channels[c].length, 9));
    const rec = new ImageRankReconstruction(svd);
    const flat = rec.render(0);
    for (let c = 0; c < 3; c++) expect(Math.abs(flat[c] - svd.means[c])).toBeLessThanOrEqual(0.5);
    expect(Array.from(rec.render(height))).toEqual(Array.from(rgbaFromChannels(channels, width, height)));
  });

  it('has error, and so PSNR, equal to the energy of the dropped centred layers (Eckart-Young holds after centring)', () => {
    const svd = decomposeChannels(channels, width, height, { centred: true });
    const k = 3;
    let squared = 0;
    svd.channels.forEach((f, c) => {
      const layers = truncatedSvd(f, k);
      for (let i = 0; i < layers.length; i++) squared += (channels[c][i] - (svd.means[c] + layers[i])) ** 2;
    });
    const figures = compressionFigures(svd.channels.map((f) => f.values), k, width, height, { centred: true });
    expect(figures.psnr).toBeCloseTo(10 * Math.log10((255 ** 2 * 3 * width * height) / squared), 8);
  });

  it('shows that uniform noise has no low-rank structure, which the raw energy hides behind the mean', () => {
    const image = [noise(1), noise(2), noise(3)];
    const share = (centred: boolean) => {
      const svd = decomposeChannels(image, width, height, { centred });
      return compressionFigures(svd.channels.map((f) => f.values), 1, width, height, { centred });
    };
    // Raw: the mean layer holds mean² / (mean² + variance) = 127.5² / (127.5² + 255²/12) = 3/4 of the energy.
    expect(share(false).energyKept).toBeGreaterThan(0.7);
    // Centred: one layer of 30 holds little more than its even share (1/30) of the variation.
    expect(share(true).energyKept).toBeLessThan(0.15);
    // And the PSNR of the one-layer image is no better for the raw measure's 75%: both are the same picture.
    expect(share(true).psnr).toBeLessThan(share(false).psnr + 1);
  });

  it('costs one extra stored number per channel: the mean', () => {
    const sigma = [4, 2, 1];
    expect(compressionFigures([sigma, sigma, sigma], 20, 512, 512, { centred: true }).storedNumbers).toBe(3 * (20 * 1024 + 1));
  });

  it('leaves a constant image nothing to decompose, and reports it exact at every rank', () => {
    const flat = new Float64Array(width * height).fill(90);
    const svd = decomposeChannels([flat], width, height, { centred: true });
    expect(svd.means).toEqual([90]);
    expect(Math.max(...svd.channels[0].values)).toBeLessThan(1e-9);
    const figures = compressionFigures([new Float64Array(svd.channels[0].values.length)], 1, width, height, { centred: true });
    expect(figures.psnr).toBe(Infinity);
    expect(figures.relativeError).toBe(0);
  });
});
