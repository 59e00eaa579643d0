import { describe, it, expect } from 'vitest';
import { tickIndices } from '../../../src/plots/heatmap';

describe('tickIndices(n, size): which rows or columns of a heatmap get an index label', () => {
  it('labels every one when they are at least 30 px apart', () => {
    expect(tickIndices(8, 30)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('labels 1 and every 4th of 64 columns 9 px wide, as the LoRA paper does', () => {
    const ticks = tickIndices(64, 9);
    expect(ticks.map((i) => i + 1)).toEqual([1, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
  });
  it('keeps labels at least 30 px apart on a phone', () => {
    const ticks = tickIndices(64, 4.4);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(63);
    for (let t = 1; t < ticks.length; t++) expect((ticks[t] - ticks[t - 1]) * 4.4).toBeGreaterThanOrEqual(28);
  });
  it('gives nothing for an empty grid', () => {
    expect(tickIndices(0, 10)).toEqual([]);
  });
});
