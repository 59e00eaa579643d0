import { describe, it, expect } from 'vitest';
import { readWholeNumber } from '../../../src/widgets/whole-number';

const rule = { name: 'd', min: 1, max: 12288, fallback: 96 };

describe('readWholeNumber', () => {
  it('takes whole numbers in range as they are, with no message', () => {
    expect(readWholeNumber('64', rule)).toEqual({ value: 64, message: '' });
    expect(readWholeNumber(' 12288 ', rule)).toEqual({ value: 12288, message: '' });
    expect(readWholeNumber('1e3', rule)).toEqual({ value: 1000, message: '' });
  });
  it('uses the fallback, silently, when there is no text', () => {
    expect(readWholeNumber(null, rule)).toEqual({ value: 96, message: '' });
  });
  it('clamps out-of-range values and says so', () => {
    expect(readWholeNumber('-5', { ...rule, name: 'r' })).toEqual({ value: 1, message: 'r = “-5” is below the range 1–12,288, so 1 is used.' });
    expect(readWholeNumber('1e999', rule)).toEqual({ value: 12288, message: 'd = “1e999” is above the range 1–12,288, so 12,288 is used.' });
    expect(readWholeNumber('-1e999', rule).value).toBe(1);
    expect(readWholeNumber('99999', rule).value).toBe(12288);
  });
  it('rounds fractions and says so', () => {
    expect(readWholeNumber('7.6', rule)).toEqual({ value: 8, message: 'd = “7.6” is not a whole number in the range 1–12,288, so 8 is used.' });
  });
  it('refuses text that is not a number, quoting it shortened, and keeps the fallback', () => {
    for (const bad of ['<script>alert(1)</script>', 'abc', '', '  ', '0x10', 'NaN', 'Infinity', '1,000']) {
      const reading = readWholeNumber(bad, rule);
      expect(reading.value).toBe(96);
      expect(reading.message).toMatch(/^d “.*” is not a number, so 96 is used\.$/);
    }
    expect(readWholeNumber('x'.repeat(100), rule).message.length).toBeLessThan(80);
  });
});
