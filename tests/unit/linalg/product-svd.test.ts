import { describe, it, expect } from 'vitest';
import { productSingularDirections } from '../../../src/linalg/product-svd';
import { svd } from '../../../src/linalg/svd';
import { gaussianMatrix } from '../../../src/linalg/gaussian';

const formed = (B: number[][], A: number[][], scale: number) =>
  B.map((b) => A[0].map((_, j) => scale * b.reduce((s, x, t) => s + x * A[t][j], 0)));
const dot = (u: number[], v: number[]) => u.reduce((s, x, t) => s + x * v[t], 0);

describe('productSingularDirections: the SVD of scale · B A from its factors', () => {
  const B = gaussianMatrix(40, 6, 1);
  const A = gaussianMatrix(6, 30, 2);

  it('has the singular values of the formed product', () => {
    const f = svd(formed(B, A, 0.5), { method: 'jacobi' });
    const { values } = productSingularDirections({ B, A, scale: 0.5 });
    expect(values).toHaveLength(6);
    values.forEach((v, i) => expect(Math.abs(v - f.values[i])).toBeLessThan(1e-12 * f.values[0]));
  });

  it('gives orthonormal directions that rebuild the product', () => {
    const { left, right, values } = productSingularDirections({ B, A, scale: 0.5 });
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        expect(dot(left[i], left[j])).toBeCloseTo(i === j ? 1 : 0, 12);
        expect(dot(right[i], right[j])).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    const M = formed(B, A, 0.5);
    let worst = 0;
    for (let x = 0; x < 40; x++) {
      for (let y = 0; y < 30; y++) {
        const rebuilt = values.reduce((s, v, i) => s + v * left[i][x] * right[i][y], 0);
        worst = Math.max(worst, Math.abs(rebuilt - M[x][y]));
      }
    }
    expect(worst).toBeLessThan(1e-12 * values[0]);
  });

  it('falls back to the formed product when B is rank-deficient, still orthonormal', () => {
    const deficient = B.map((row) => [...row.slice(0, 5), row[0] + row[1]]); // column 6 = column 1 + column 2
    const { left, values } = productSingularDirections({ B: deficient, A, scale: 1 });
    const f = svd(formed(deficient, A, 1), { method: 'jacobi' });
    values.forEach((v, i) => expect(Math.abs(v - f.values[i])).toBeLessThan(1e-12 * f.values[0]));
    expect(values[5]).toBeLessThan(1e-12 * values[0]);
    expect(dot(left[5], left[5])).toBeCloseTo(1, 12);
  });

  it('refuses factors whose inner sizes differ', () => {
    expect(() => productSingularDirections({ B, A: gaussianMatrix(5, 30, 3), scale: 1 })).toThrow(/as many columns/);
  });
});
