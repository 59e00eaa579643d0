import { describe, it, expect } from 'vitest';
import { compressionFigures, cumulativeShare, rankForShare } from '../../../src/linalg/compression';

describe('compressionFigures', () => {
  // sigma = (4, 2, 1): energies 16, 4, 1, total 21.
  const sigma = [4, 2, 1];

  it('splits energy between kept and dropped layers (Eckart-Young)', () => {
    const f = compressionFigures([sigma], 1, 3, 3);
    expect(f.energyKept).toBeCloseTo(16 / 21, 14);
    expect(f.relativeError).toBeCloseTo(Math.sqrt(5 / 21), 14);
    expect(f.sigmaShare).toBeCloseTo(4 / 7, 14);
    expect(compressionFigures([sigma], 3, 3, 3).relativeError).toBe(0);
  });

  it('computes PSNR from the dropped energy, in pixel units', () => {
    // Dropped energy 5 over 9 pixels: MSE 5/9.
    expect(compressionFigures([sigma], 1, 3, 3).psnr).toBeCloseTo(10 * Math.log10(255 ** 2 / (5 / 9)), 10);
    expect(compressionFigures([sigma], 3, 3, 3).psnr).toBe(Infinity);
  });

  it('counts storage as k(m + n) per channel (sigma folded into u, as L_k R_k) against mn', () => {
    const f = compressionFigures([sigma, sigma, sigma], 20, 512, 512);
    expect(f.storedNumbers).toBe(3 * 20 * 1024);
    expect(f.fullNumbers).toBe(3 * 512 * 512);
    expect(f.storageRatio).toBeCloseTo(20 * 1024 / (512 * 512), 14);
  });

  it('gives the PSNR at each of the 90/95/99% ranks', () => {
    const f = compressionFigures([sigma], 1, 3, 3);
    // 90% of 21 needs 19 (k = 2, dropping 1); 99% needs all three.
    expect(f.kForEnergy).toEqual({ '0.9': 2, '0.95': 2, '0.99': 3 });
    expect(f.psnrForEnergy['0.9']).toBeCloseTo(10 * Math.log10(255 ** 2 / (1 / 9)), 10);
    expect(f.psnrForEnergy['0.99']).toBe(Infinity);
  });

  it('pools colour channels layer by layer', () => {
    // Layer 1 holds 4² + 2² = 20 of the total 4² + 3² + 2² = 29.
    expect(compressionFigures([[4, 3], [2, 0]], 1, 2, 2).energyKept).toBeCloseTo(20 / 29, 14);
    expect(cumulativeShare([[4, 3], [2, 0]], (s) => s * s)).toEqual([20 / 29, 1]);
  });

  it('finds the rank for 90/95/99% of the energy', () => {
    const geometric = Array.from({ length: 50 }, (_, i) => 0.8 ** i);
    const curve = cumulativeShare([geometric], (s) => s * s);
    const f = compressionFigures([geometric], 1, 50, 50);
    for (const level of [0.9, 0.95, 0.99] as const) {
      const k = f.kForEnergy[String(level) as '0.9'];
      expect(curve[k - 1]).toBeGreaterThanOrEqual(level);
      expect(k === 1 || curve[k - 2] < level).toBe(true);
    }
    expect(rankForShare([0.5, 1], 0.99)).toBe(2);
  });

  it('keeps the error and PSNR of a nearly exact approximation (no cancellation in 1 - energy)', () => {
    // Dropped energy 1e-18 of a total 1 + 1e-18: 1 - energyKept rounds to 0 in floating point.
    const f = compressionFigures([[1, 1e-9]], 1, 2, 1);
    expect(f.relativeError).toBeCloseTo(1e-9, 20);
    expect(f.psnr).toBeCloseTo(10 * Math.log10((255 * 255) / (1e-18 / 2)), 8);
    expect(compressionFigures([[1, 1e-9]], 2, 2, 1).psnr).toBe(Infinity);
  });
});
