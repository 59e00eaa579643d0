import { describe, it, expect } from 'vitest';
import { anatomyLayout } from '../../../src/widgets/lora-anatomy-figure';

describe('anatomyLayout: W0, B and A to one scale', () => {
  it('draws every side as entries x scale, with B as tall as W0 and A as wide', () => {
    const { scale, W0, B, A, width } = anatomyLayout(96, 64, 8);
    expect(W0.width).toBeCloseTo(64 * scale, 9);
    expect(W0.height).toBeCloseTo(96 * scale, 9);
    expect(B).toMatchObject({ height: W0.height, tooThin: false });
    expect(B.width).toBeCloseTo(8 * scale, 9);
    expect(A.width).toBeCloseTo(W0.width, 9);
    expect(A.height).toBeCloseTo(B.width, 9);
    expect(A.x + A.width).toBeLessThanOrEqual(width);
  });
  it('keeps B and A visible at GPT-3 size (2 units thick) and says they were widened', () => {
    const { scale, W0, B, A, width } = anatomyLayout(12288, 12288, 4);
    expect(4 * scale).toBeLessThan(0.1);
    expect(B).toMatchObject({ width: 2, tooThin: true });
    expect(A).toMatchObject({ height: 2, tooThin: true });
    expect(W0.tooThin).toBe(false);
    expect(A.x + A.width).toBeLessThanOrEqual(width);
  });
  it('fits a very tall or very wide W0 inside the drawing', () => {
    for (const [d, k] of [[12288, 1], [1, 12288], [1, 1]]) {
      const { A, W0, width, height } = anatomyLayout(d, k, 1);
      expect(A.x + A.width).toBeLessThanOrEqual(width);
      expect(W0.y + W0.height).toBeLessThanOrEqual(height);
    }
  });
  it('lays out at the width it is given, from a phone to a wide desktop', () => {
    for (const width of [300, 640, 900]) {
      for (const [d, k, r] of [[96, 64, 8], [12288, 12288, 4]]) {
        const layout = anatomyLayout(d, k, r, width);
        expect(layout.width).toBe(width);
        expect(layout.A.x + layout.A.width).toBeLessThanOrEqual(width);
        expect(layout.scale).toBeGreaterThan(0);
      }
    }
  });
});
