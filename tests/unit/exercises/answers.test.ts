import { exerciseEnglish } from '../../../src/exercises/messages/every-language';
import { readFileSync } from 'node:fs';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { answerProblemText, parseMatrixAnswer, parseNumberAnswer } from '../../../src/exercises/answer-parsing';
import { checkResponse } from '../../../src/exercises/checking';
import { english } from '../../../src/i18n/translate';
import { GENERATORS } from '../../../src/exercises/registry';
import { sweepData } from '../../../src/exercises/sweep-data';
import type { Variant } from '../../../src/exercises/types';

const data = { sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) };
const value = (text: string, unit = '') => {
  const r = parseNumberAnswer(text, { unit });
  return r.ok ? r.value.valueOf() : r.problem;
};

describe('reading answers', () => {
  it('reads numbers in the forms people type', () => {
    expect(value('2/3')).toBeCloseTo(2 / 3, 12);
    expect(value(' 2 / 3 ')).toBeCloseTo(2 / 3, 12);
    expect(value('0.666...')).toBeCloseTo(0.666, 12);
    expect(value('0.666…')).toBeCloseTo(0.666, 12);
    expect(value('37,748,736')).toBe(37748736);
    expect(value('37 748 736')).toBe(37748736);
    expect(value('0,5')).toBe(0.5);
    expect(value('3.5e6')).toBe(3.5e6);
    expect(value('3.5 × 10^6')).toBe(3.5e6);
    expect(value('−4')).toBe(-4);
    expect(value('45.3 %', '%')).toBe(45.3);
    expect(value('31.2dB', 'dB')).toBe(31.2);
  });

  it('reads 1,234 and 12.288 as the page\'s language writes numbers', () => {
    const read = (text: string, lang: string, grouped = true) => { const r = parseNumberAnswer(text, { lang, grouped }); return r.ok ? r.value.valueOf() : r.problem; };
    expect(read('1,723', 'en')).toBe(1723);
    expect(read('1,723', 'zh-CN')).toBe(1723);
    expect(read('1,723', 'de')).toBe(1.723);
    expect(read('12.288', 'de')).toBe(12288);
    expect(read('12.288', 'vi')).toBe(12288);
    expect(read('12.288', 'en')).toBe(12.288);
    expect(read('1.234.567,5', 'de')).toBe(1234567.5);
    expect(read('12 288', 'de')).toBe(12288);
    // Forms that read one way only are read so everywhere.
    expect(read('0.5', 'de')).toBe(0.5);
    expect(read('3.25', 'de')).toBe(3.25);
    expect(read('0,5', 'en')).toBe(0.5);
    expect(read('37,748,736', 'de')).toBe('notNumber');
    // A fraction's decimal is no count: one and two thirds either way, in any language.
    expect(read('1,667', 'en', false)).toBe(1.667);
    expect(read('1.667', 'de', false)).toBe(1.667);
  });

  it('says why, not a value, for what it cannot read', () => {
    expect(['', 'abc', '1/0', '1 2', '2//3', '12,34,5', 'dB'].map((bad) => value(bad, 'dB')))
      .toEqual(['noNumber', 'notNumber', 'divisionByZero', 'spaces', 'notNumber', 'notNumber', 'noNumber']);
    const read = parseNumberAnswer('1 2');
    expect(!read.ok && answerProblemText(read, english)).toBe('“1 2” has spaces inside the number: type one number.');
    const empty = parseNumberAnswer(' ', { unit: '%' });
    expect(!empty.ok && answerProblemText(empty, english)).toBe('Type a number (in %).');
  });

  it('reads matrices as rows on lines, with ; or brackets, spaces or commas', () => {
    const want = [[1, 2 / 3], [-3, 4]];
    for (const text of ['1 2/3\n-3 4', '1, 2/3\n-3, 4', '1 2/3; -3 4', '[1 2/3]\n[-3 4]', '[[1, "2/3"], [-3, 4]]', '  1   2/3 \n\n -3 4  ']) {
      const r = parseMatrixAnswer(text);
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(r.value.map((row) => row.map((x) => x.valueOf()))).toEqual(want);
    }
    const ragged = parseMatrixAnswer('1 2\n3');
    expect(!ragged.ok && answerProblemText(ragged, english)).toMatch(/^Rows have different lengths/);
    const word = parseMatrixAnswer('1 x\n3 4');
    expect(!word.ok && answerProblemText(word, english)).toBe('Row 1, entry 2: “x” is not a number: type something like 2, -0.5 or 2/3.');
  });
});

describe('checking', () => {
  const fraction: Variant = { prompt: [], solution: ['.'], expected: { kind: 'fraction', value: new Fraction(2, 3) } };
  it('accepts equivalent forms of an exact fraction, and decimals to the places typed', () => {
    for (const text of ['2/3', '4/6', '0.67', '0.667', '0.6667', '0.666...', '0,667']) expect(checkResponse(fraction, { text }, english).status, text).toBe('right');
    for (const text of ['0.6', '0.7', '0.65', '0.677', '3/2', '2/5']) expect(checkResponse(fraction, { text }, english).status, text).toBe('wrong');
    expect(checkResponse(fraction, { text: 'two thirds' }, english).status).toBe('invalid');
  });

  it('never marks unreadable or mis-shaped input wrong', () => {
    const v = GENERATORS.rref.generate(3, data, exerciseEnglish);
    expect(checkResponse(v, { text: '1 0\n0 1' }, english).status).toBe('invalid');
    expect(checkResponse(v, { text: '' }, english).status).toBe('invalid');
    const n = GENERATORS['storage-count'].generate(3, data, exerciseEnglish);
    expect(checkResponse(n, { text: 'lots' }, english).status).toBe('invalid');
    const c = GENERATORS['max-rank'].generate(3, data, exerciseEnglish);
    expect(checkResponse(c, { choice: -1 }, english).status).toBe('invalid');
  });

  it('accepts counts typed with separators', () => {
    const v = GENERATORS['lora-layer-count'].generate(11, data, exerciseEnglish);
    if (v.expected.kind !== 'number') throw new Error('number');
    expect(checkResponse(v, { text: v.expected.value.toLocaleString('en-US') }, english).status).toBe('right');
    expect(checkResponse(v, { text: v.expected.value.toLocaleString('fr-FR') }, english).status).toBe('right');
  });
});
