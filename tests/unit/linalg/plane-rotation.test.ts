import { describe, expect, it } from 'vitest';
import { rotateRows } from '../../../src/linalg/plane-rotation';

describe('rotateRows', () => {
  it('turns two rows in their plane and leaves the others alone', () => {
    // Rows of a 3 x 2 array: rotate rows 0 and 2 by 90 degrees (c = 0, s = 1).
    const M = Float64Array.from([1, 2, 9, 9, 3, 4]);
    rotateRows(M, 0, 4, 2, 0, 1);
    expect([...M]).toEqual([3, 4, 9, 9, -1, -2]);
  });

  it('keeps each column pair\'s length (an orthogonal change of basis)', () => {
    const angle = 0.7, c = Math.cos(angle), s = Math.sin(angle);
    const M = Float64Array.from([0.3, -1.2, 2.5, 4, 0.1, -0.6]);
    const before = [0, 1, 2].map((k) => Math.hypot(M[k], M[3 + k]));
    rotateRows(M, 0, 3, 3, c, s);
    [0, 1, 2].forEach((k) => expect(Math.hypot(M[k], M[3 + k])).toBeCloseTo(before[k], 14));
    expect(M[0]).toBeCloseTo(c * 0.3 + s * 4, 14);
    expect(M[3]).toBeCloseTo(c * 4 - s * 0.3, 14);
  });
});
