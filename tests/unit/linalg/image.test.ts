import { describe, expect, it } from 'vitest';
import { channelsFromRgba, downscaleRgba, fittedSize, rgbaFromChannels, type RgbaImage } from '../../../src/linalg/image';

function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(rgba, 4 * i);
  return { width, height, data };
}

describe('channels <-> RGBA', () => {
  const image: RgbaImage = { width: 2, height: 1, data: new Uint8ClampedArray([10, 20, 30, 255, 200, 100, 0, 128]) };

  it('splits colour into R, G, B matrices and grey into BT.601 luma', () => {
    const [r, g, b] = channelsFromRgba(image, 'colour');
    expect(Array.from(r)).toEqual([10, 200]);
    expect(Array.from(g)).toEqual([20, 100]);
    expect(Array.from(b)).toEqual([30, 0]);
    const [grey] = channelsFromRgba(image, 'grey');
    expect(grey[0]).toBeCloseTo(0.299 * 10 + 0.587 * 20 + 0.114 * 30, 12);
    expect(grey[1]).toBeCloseTo(0.299 * 200 + 0.587 * 100, 12);
  });

  it('round-trips colour, and rounds and clamps approximations', () => {
    const back = rgbaFromChannels(channelsFromRgba(image, 'colour'), 2, 1);
    expect(Array.from(back)).toEqual([10, 20, 30, 255, 200, 100, 0, 255]);
    const clamped = rgbaFromChannels([new Float64Array([-7.2, 300.4])], 2, 1);
    expect(Array.from(clamped)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    const rounded = rgbaFromChannels([new Float64Array([1.4, 1.6, 99, 99])], 2, 1, 2);
    expect(Array.from(rounded.subarray(0, 8))).toEqual([1, 1, 1, 255, 2, 2, 2, 255]);
  });

  it('reads padded rows through a stride', () => {
    const padded = new Float64Array([1, 2, 0, 3, 4, 0]);
    expect(Array.from(rgbaFromChannels([padded], 2, 2, 3)).filter((_, i) => i % 4 === 0)).toEqual([1, 2, 3, 4]);
  });

  it('rejects sizes that do not match the data', () => {
    expect(() => channelsFromRgba({ width: 3, height: 1, data: new Uint8ClampedArray(8) }, 'grey')).toThrow(RangeError);
    expect(() => channelsFromRgba({ width: 0, height: 1, data: new Uint8ClampedArray(0) }, 'grey')).toThrow(RangeError);
  });
});

describe('downscaling', () => {
  it('fits the long side within 512, keeping the aspect ratio, and never upscales', () => {
    expect(fittedSize(600, 400)).toEqual({ width: 512, height: 341 });
    expect(fittedSize(400, 1000)).toEqual({ width: 205, height: 512 });
    expect(fittedSize(451, 300)).toEqual({ width: 451, height: 300 });
    expect(fittedSize(4000, 3, 512).height).toBe(1);
  });

  it('returns a fitting image unchanged and keeps flat colour flat', () => {
    const small = solid(300, 200, [1, 2, 3, 255]);
    expect(downscaleRgba(small)).toBe(small);
    const big = downscaleRgba(solid(1000, 700, [200, 100, 50, 255]));
    expect([big.width, big.height]).toEqual([512, 358]);
    expect(big.data.every((x, i) => x === [200, 100, 50, 255][i % 4])).toBe(true);
  });

  it('averages the area each target pixel covers', () => {
    // 4 x 1 -> 2 x 1 by halving: pairs average; 3 x 1 -> 2 x 1: the middle pixel is split half and half.
    const four = { width: 4, height: 1, data: new Uint8ClampedArray([0, 0, 0, 255, 100, 0, 0, 255, 50, 0, 0, 255, 250, 0, 0, 255]) };
    expect(Array.from(downscaleRgba(four, 2).data).filter((_, i) => i % 4 === 0)).toEqual([50, 150]);
    const three = { width: 3, height: 1, data: new Uint8ClampedArray([0, 0, 0, 255, 90, 0, 0, 255, 180, 0, 0, 255]) };
    // Target pixel 0 covers [0, 1.5): (0 * 1 + 90 * 0.5) / 1.5 = 30; pixel 1: (90 * 0.5 + 180) / 1.5 = 150.
    expect(Array.from(downscaleRgba(three, 2).data).filter((_, i) => i % 4 === 0)).toEqual([30, 150]);
    const tall = downscaleRgba({ width: 1, height: 4, data: four.data }, 2);
    expect([tall.width, tall.height]).toEqual([1, 2]);
    expect(Array.from(tall.data).filter((_, i) => i % 4 === 0)).toEqual([50, 150]);
  });
});
