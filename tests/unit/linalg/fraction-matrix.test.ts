import { describe, it, expect } from 'vitest';
import { parseEntry, fractionTex } from '../../../src/linalg/fraction-matrix';
import { parseMatrixText, checkSize } from '../../../src/linalg/matrix-text';

const value = (t: string) => {
  const r = parseEntry(t);
  return r.ok ? r.value.toFraction() : `error: ${r.problem}`;
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
    expect(value('')).toBe('error: empty');
    expect(parseEntry(' abc ')).toEqual({ ok: false, problem: 'notNumber', text: 'abc' });
    expect(value('1/2/3')).toBe('error: notNumber');
    expect(value('1/0')).toBe('error: divisionByZero');
    expect(value('1e400')).toBe('error: tooLarge');
    expect(value('1e-400')).toBe('error: tooSmall');
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

  it('says what is wrong, as a code', () => {
    expect(parseMatrixText('[[1,2]')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseMatrixText('{"a":1}')).toEqual({ ok: false, problem: 'notRows' });
    expect(parseMatrixText('[[1,{}]]')).toEqual({ ok: false, problem: 'entryType' });
    expect(parseMatrixText('1 2\n3')).toEqual({ ok: false, problem: 'ragged' });
    expect(parseMatrixText('  ')).toEqual({ ok: false, problem: 'nothingToRead' });
  });

  it('checks the size against a limit', () => {
    const big = Array.from({ length: 40 }, () => Array(40).fill('1'));
    expect(checkSize(big, 8, 8)).toEqual({ m: 40, n: 40 });
    expect(checkSize([['1']], 8, 8)).toBeNull();
  });
});
