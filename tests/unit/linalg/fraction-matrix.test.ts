import { describe, it, expect } from 'vitest';
import { parseEntry, fractionTex } from '../../../src/linalg/fraction-matrix';
import { parseMatrixText, checkSize } from '../../../src/linalg/matrix-text';

const value = (t: string) => {
  const r = parseEntry(t);
  return r.ok ? r.value.toFraction() : `error: ${r.message}`;
};

describe('parseEntry', () => {
  it('reads integers, decimals, fractions and exponents exactly', () => {
    expect(value('2/3')).toBe('2/3');
    expect(value(' -0.5 ')).toBe('-1/2');
    expect(value('0.1')).toBe('1/10');
    expect(value('1.5e3')).toBe('1500');
    expect(value('3/-4')).toBe('-3/4');
    expect(value('.25')).toBe('1/4');
  });

  it('refuses empty cells, text, division by zero and sizes floating point cannot check', () => {
    expect(value('')).toMatch(/empty/);
    expect(value('abc')).toMatch(/not a number/);
    expect(value('1/2/3')).toMatch(/not a number/);
    expect(value('1/0')).toMatch(/Division by zero/);
    expect(value('1e400')).toMatch(/Too large/);
    expect(value('1e-400')).toMatch(/Too small/);
    expect(value('0')).toBe('0');
  });

  it('typesets fractions for TeX', () => {
    const r = parseEntry('-2/3');
    expect(r.ok && fractionTex(r.value)).toBe('-\\tfrac{2}{3}');
  });
});

describe('parseMatrixText', () => {
  it('reads JSON and plain rows', () => {
    expect(parseMatrixText('[[1,"2/3"],[3,4]]')).toEqual({ ok: true, entries: [['1', '2/3'], ['3', '4']] });
    expect(parseMatrixText('1 2\t3\n4, 5, 6\n')).toEqual({ ok: true, entries: [['1', '2', '3'], ['4', '5', '6']] });
  });

  it('explains what is wrong', () => {
    expect(parseMatrixText('[[1,2]')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(parseMatrixText('{"a":1}')).toMatchObject({ ok: false });
    expect(parseMatrixText('[[1,{}]]')).toMatchObject({ ok: false, message: expect.stringMatching(/number or a string/) });
    expect(parseMatrixText('1 2\n3')).toMatchObject({ ok: false, message: expect.stringMatching(/different lengths/) });
    expect(parseMatrixText('  ')).toMatchObject({ ok: false });
  });

  it('checks the size against a limit', () => {
    const big = Array.from({ length: 40 }, () => Array(40).fill('1'));
    expect(checkSize(big, 8, 8)).toMatch(/40 × 40/);
    expect(checkSize([['1']], 8, 8)).toBe('');
  });
});
