import { describe, it, expect } from 'vitest';
import { numericRankSentence, randomRank } from '../../../src/widgets/rank-explorer-words';
import { singularValues } from '../../../src/linalg/svd';

describe('the rank explorer in words', () => {
  it('says what numpy\'s tolerance is and why, with its value for this matrix', () => {
    const M = [[1, 2, 3], [2, 4, 6], [3, 6, 9]];
    const text = numericRankSentence(singularValues(M), 3, 3, 1);
    expect(text).toMatch(/^In floating point, as numpy computes them, the singular values are 14\.00, 0, 0\./);
    expect(text).toContain('Rounding leaves tiny non-zero values where exact arithmetic gives 0');
    expect(text).toContain('max(m, n) × machine epsilon × the largest one = 3 × 2.2 × 10⁻¹⁶ × 14.00 ≈ 9.3 × 10⁻¹⁵');
    expect(text).toMatch(/1 value is larger, so the numeric rank is 1, the same as the exact rank\.$/);
    expect(text).not.toContain('above numpy');
  });

  it('says when floating point disagrees with the exact rank', () => {
    const tiny = 1e-17;
    const text = numericRankSentence([1, tiny], 2, 2, 2);
    expect(text).toContain('1 value is larger, so the numeric rank is 1, not the exact rank 2');
  });

  it('a random matrix of rank k: k kept when possible, clamped with the reason otherwise', () => {
    expect(randomRank('3', 5, 5)).toEqual({ k: 3, message: '' });
    expect(randomRank('7', 5, 5)).toEqual({ k: 5, message: 'k = 7: a 5 × 5 matrix has rank at most 5, so the random matrix has rank 5.' });
    expect(randomRank('4', 2, 6).k).toBe(2);
    expect(randomRank('-1', 3, 3)).toEqual({ k: 0, message: 'k = -1: a rank is never negative, so the random matrix has rank 0.' });
    expect(randomRank('2.4', 3, 3).message).toContain('a rank is a whole number, so the random matrix has rank 2');
    expect(randomRank('x', 3, 3).message).toContain('is not a number');
  });
});
