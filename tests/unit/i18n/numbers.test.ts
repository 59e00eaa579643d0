import { describe, it, expect } from 'vitest';
import { localeValue, powerOfTen, writesDecimalComma, localeCount, localeFixed, localePercent, localeList, joinSentences } from '../../../src/i18n/numbers';

describe('numbers in the LoRA widgets, per language', () => {
  it('keeps significant figures and a true minus sign, with the locale’s decimal mark', () => {
    expect(localeValue('en', -0.123456)).toBe('−0.123');
    expect(localeValue('de', -0.123456)).toBe('−0,123');
    expect(localeValue('en', 0.4567, 2)).toBe('0.46');
    expect(localeValue('zh-CN', 12288)).toBe('12,300');
    expect(localeValue('en', 0)).toBe('0');
  });

  it('writes very small and very large magnitudes as ×10ⁿ', () => {
    expect(localeValue('en', 1.234e-16)).toBe('1.23×10⁻¹⁶');
    expect(localeValue('de', -2.5e-9, 2)).toBe('−2,5×10⁻⁹');
    expect(localeValue('en', -2e20)).toBe('−2×10²⁰');
    expect(powerOfTen(6)).toBe('10⁶');
    expect(powerOfTen(-12)).toBe('10⁻¹²');
  });

  it('drops trailing zeros, rounds to the figures asked for, and writes infinities as ∞', () => {
    expect(localeValue('en', 2)).toBe('2');
    expect(localeValue('en', -0.012345)).toBe('−0.0123');
    expect(localeValue('en', 12288, 5)).toBe('12,288');
    expect(localeValue('de', 12288, 5)).toBe('12.288');
    expect(localeValue('en', 3.14159, 2)).toBe('3.1');
    expect(localeValue('en', -Infinity)).toBe('−∞');
    expect(localeValue('en', NaN)).toBe('?');
  });

  it('groups counts and fixes decimals as the locale does', () => {
    expect(localeCount('en', 12288)).toBe('12,288');
    expect(localeCount('de', 12288)).toBe('12.288');
    expect(localeFixed('en', 4.8, 1)).toBe('4.8');
    expect(localeFixed('vi', 4.8, 1)).toBe('4,8');
    expect(localePercent('en', 0.20833)).toBe('20.8%');
    expect(localePercent('de', 0.20833)).toBe('20,8\u00a0%');
  });

  it('knows which languages write decimals with a comma', () => {
    expect(['en', 'de', 'vi', 'zh-CN'].map(writesDecimalComma)).toEqual([false, true, true, false]);
  });

  it('separates a list by semicolons where the decimal mark is a comma', () => {
    expect(localeList('en', [1, 0.5, -0.25])).toBe('1, 0.5, −0.25');
    expect(localeList('de', [1, 0.5, -0.25])).toBe('1; 0,5; −0,25');
    expect(localeList('vi', [1, 0.5])).toBe('1; 0,5');
  });

  it('joins sentences without a space in Chinese only', () => {
    expect(joinSentences('en', ['A.', '', 'B.'])).toBe('A. B.');
    expect(joinSentences('zh-CN', ['甲。', '乙。'])).toBe('甲。乙。');
  });
});
