import { describe, it, expect } from 'vitest';
import { heatmapDomain, cellTint, tintFill, chooseYScale, logTickFormat, plotColours } from '../../../src/plots/scales';

describe('heatmapDomain', () => {
  it('is symmetric about zero for a diverging scheme, so equal magnitudes get equal strength', () => {
    expect(heatmapDomain([[1, -3], [2, 0]], 'diverging')).toEqual([-3, 3]);
    expect(heatmapDomain([[0.5, 2]], 'diverging')).toEqual([-2, 2]);
  });
  it('spans min to max for a sequential scheme', () => {
    expect(heatmapDomain([[4, 1], [9, 2]], 'sequential')).toEqual([1, 9]);
  });
  it('never returns a zero-width range (all zeros, a constant, empty, or non-finite entries)', () => {
    expect(heatmapDomain([[0, 0], [0, 0]], 'diverging')).toEqual([-1, 1]);
    expect(heatmapDomain([[5, 5]], 'sequential')).toEqual([5, 6]);
    expect(heatmapDomain([], 'sequential')).toEqual([0, 1]);
    expect(heatmapDomain([[NaN, Infinity, 2]], 'diverging')).toEqual([-2, 2]);
  });
});

describe('cellTint', () => {
  it('paints zero transparent and the extremes fully, in the hue of their sign', () => {
    expect(cellTint(0, [-2, 2], 'diverging').opacity).toBe(0);
    expect(cellTint(2, [-2, 2], 'diverging')).toEqual({ colour: plotColours.positive, opacity: 1 });
    expect(cellTint(-1, [-2, 2], 'diverging')).toEqual({ colour: plotColours.negative, opacity: 0.5 });
  });
  it('clamps values outside the domain and ignores non-finite ones', () => {
    expect(cellTint(10, [-2, 2], 'diverging').opacity).toBe(1);
    expect(cellTint(-1, [0, 4], 'sequential').opacity).toBe(0);
    expect(cellTint(NaN, [0, 4], 'sequential').opacity).toBe(0);
    expect(cellTint(3, [0, 4], 'sequential')).toEqual({ colour: plotColours.sequential, opacity: 0.75 });
  });
  it('uses only CSS variables, so plots follow the light and dark themes', () => {
    for (const colour of [plotColours.positive, plotColours.negative, plotColours.sequential, ...plotColours.series]) {
      expect(colour).toMatch(/^var\(--rb-plot-[\w-]+\)$/);
    }
  });
});

describe('chooseYScale', () => {
  it('picks log for positive values spanning two decades or more', () => {
    expect(chooseYScale([4.2, 1.1, 0.03])).toBe('log');
    expect(chooseYScale([1000, 10])).toBe('log');
  });
  it('stays linear over a narrow range, or when any value is zero or negative', () => {
    expect(chooseYScale([4, 2, 1])).toBe('linear');
    expect(chooseYScale([100, 0])).toBe('linear');
    expect(chooseYScale([100, -1, 0.001])).toBe('linear');
    expect(chooseYScale([])).toBe('linear');
  });
  it('honours a custom threshold', () => {
    expect(chooseYScale([1, 20], 1)).toBe('log');
  });
});

describe('logTickFormat', () => {
  it('labels powers of ten only', () => {
    const format = logTickFormat([0.01, 0.02, 0.1, 1, 10, 20, 100]);
    expect(format(100)).toBe('100');
    expect(format(0.01)).toBe('0.01');
    expect(format(20)).toBe('');
    expect(format(0.3)).toBe('');
  });
  it('writes one axis one way: in full within 0.01 to 10,000, otherwise every power but 1 and 10 as a power', () => {
    const wide = logTickFormat([0.01, 1, 1e3, 1e4, 1e5]);
    expect([0.01, 0.1, 1, 10, 100, 1e4, 1e5].map(wide)).toEqual(['10⁻²', '10⁻¹', '1', '10', '10²', '10⁴', '10⁵']);
    expect(logTickFormat([1e-5, 1])(1e-5)).toBe('10⁻⁵');
    expect(logTickFormat([1, 1e6])(1e6)).toBe('10⁶');
    expect(logTickFormat([0.01, 1e4])(1e4)).toBe('10,000');
  });
  it('writes the labels in the reader\'s language', () => {
    expect(logTickFormat([1, 1e4], 'de')(10000)).toBe('10.000');
    expect(logTickFormat([0.01, 1], 'vi')(0.01)).toBe('0,01');
    expect(logTickFormat([1e-5, 1], 'de')(1e-5)).toBe('10⁻⁵');
  });
});

describe('tintFill', () => {
  it('mixes the theme colour into the plot background, so cells are opaque and follow the theme', () => {
    expect(tintFill({ colour: plotColours.positive, opacity: 0.25 })).toBe('color-mix(in srgb, var(--rb-plot-positive) 25%, var(--rb-plot-zero))');
    expect(tintFill(cellTint(0, [-1, 1], 'diverging'))).toContain(' 0%');
  });
});
