import { describe, it, expect } from 'vitest';
import { factorShapeLayout, breakEvenRank } from '../../../src/linalg/factor-shapes';

describe('the shape picture of M = L_k R_k', () => {
  it('draws every entry the same size: widths and heights are proportional to the matrix shapes', () => {
    const l = factorShapeLayout(12, 8, 3, 640);
    expect(l.M.width / l.M.cols).toBeCloseTo(l.scale, 12);
    expect(l.L.width).toBeCloseTo(3 * l.scale, 12);
    expect(l.L.height).toBeCloseTo(l.M.height, 12); // L has M's rows
    expect(l.R.width).toBeCloseTo(l.M.width, 12); // R has M's columns
    expect(l.R.height).toBeCloseTo(3 * l.scale, 12);
    expect(l.width).toBeLessThanOrEqual(640);
  });

  it('fits a phone-width picture, and the boxes never overlap the signs between them', () => {
    const l = factorShapeLayout(64, 64, 64, 330);
    expect(l.width).toBeLessThanOrEqual(330 + 1e-9);
    expect(l.equals.x).toBeGreaterThan(l.M.x + l.M.width);
    expect(l.equals.x).toBeLessThan(l.L.x);
    expect(l.times.x).toBeGreaterThan(l.L.x + l.L.width);
    expect(l.times.x).toBeLessThan(l.R.x);
  });

  it('keeps a factor too thin to see at 2 px and says it was thickened', () => {
    const l = factorShapeLayout(4096, 4096, 1, 330);
    expect(l.L.width).toBe(2);
    expect(l.L.thickened).toBe(true);
    expect(l.M.thickened).toBe(false);
  });

  it('caps the height for a tall matrix', () => {
    expect(factorShapeLayout(4096, 8, 2, 1000, { maxHeight: 200 }).M.height).toBeCloseTo(200, 9);
  });
});

describe('break-even rank', () => {
  it('is m n / (m + n): n / 2 for a square matrix', () => {
    expect(breakEvenRank(4096, 4096)).toBe(2048);
    expect(breakEvenRank(12, 8)).toBeCloseTo(4.8, 12);
  });
});
