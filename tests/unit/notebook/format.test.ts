import { describe, it, expect } from 'vitest';
import Fraction from 'fraction.js';
import { formatValue, floatText, escapeTex, SHOWN_ROWS } from '../../../src/notebook/format';
import { createMathInstance } from '../../../src/notebook/math-instance';

const math = createMathInstance();
const fraction = (n: number, d = 1) => math.fraction(n, d);

describe('formatValue: results as text, TeX and words', () => {
  it('writes fractions exactly', () => {
    expect(formatValue(fraction(2, 3))).toEqual({ text: '2/3', tex: '\\frac{2}{3}', spoken: '2 over 3' });
    expect(formatValue(fraction(-1, 2))).toEqual({ text: '-1/2', tex: '-\\frac{1}{2}', spoken: 'minus 1 over 2' });
    expect(formatValue(fraction(7)).text).toBe('7');
  });

  it('shortens very long exact integers but says how long they are', () => {
    const big = formatValue(new Fraction(10n ** 100n));
    expect(big.text).toMatch(/^100000000000…000000$/);
    expect(big.tex).toContain('\\text{101 digits}');
  });

  it('writes floats with six significant digits, in exponent form when tiny or huge', () => {
    expect(floatText(Math.SQRT2)).toBe('1.41421');
    expect(floatText(0.5)).toBe('0.5');
    expect(floatText(1.5e-7)).toBe('1.5e-7');
    expect(floatText(6.02e23)).toBe('6.02e23');
    expect(formatValue(6.02e23).tex).toBe('6.02 \\times 10^{23}');
    expect(formatValue(Infinity).tex).toBe('\\infty');
  });

  it('typesets a matrix as a bmatrix and reads it out row by row', () => {
    const M = math.matrix([[fraction(1), fraction(1, 2)], [fraction(3), fraction(4)]]);
    expect(formatValue(M)).toEqual({
      text: '[[1, 1/2], [3, 4]]',
      tex: '\\begin{bmatrix} 1 & \\frac{1}{2} \\\\ 3 & 4 \\end{bmatrix}',
      spoken: '2 by 2 matrix: row 1: 1, 1 over 2; row 2: 3, 4',
    });
    expect(formatValue(math.matrix([1, 2, 3])).spoken).toBe('vector of 3: 1, 2, 3');
  });

  it('shows the corner of a large matrix with ellipses', () => {
    const big = Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 }, (_, j) => i + j));
    const out = formatValue(big);
    expect(out.tex).toContain('\\cdots');
    expect(out.tex).toContain('\\vdots');
    expect(out.tex).toContain('\\ddots');
    expect(out.tex.split('\\\\').length).toBe(SHOWN_ROWS + 1);
    expect(out.spoken).toMatch(/^30 by 30 matrix, too large to read out/);
  });

  it('writes complex numbers, booleans and strings, escaping TeX in strings', () => {
    expect(formatValue(math.complex(0, 2)).text).toBe('2i');
    expect(formatValue(math.complex(1, -1)).text).toBe('1 - 1i');
    expect(formatValue(true).text).toBe('true');
    expect(formatValue('a_b').tex).toBe('\\texttt{"a\\_b"}');
    expect(escapeTex('\\href{x}')).toBe('\\textbackslash{}href\\{x\\}');
  });
});
