import { describe, expect, it } from 'vitest';
import { fillMessage, formatNumber, placeholderNames } from '../../../src/i18n/format';
import { matchLanguage, widgetLanguage } from '../../../src/i18n/languages';
import { translator } from '../../../src/i18n/translate';
import { de } from '../../../src/i18n/messages/de';

describe('fillMessage', () => {
  it('fills named values and formats numbers as prose in the language', () => {
    expect(fillMessage('en', '{n} numbers in {name}', { n: 12345, name: 'M' })).toBe('12,345 numbers in M');
    expect(fillMessage('de', '{n} Zahlen', { n: 12345.5 })).toBe('12.345,5 Zahlen');
    expect(fillMessage('vi', '{n} số', { n: 12345 })).toBe('12.345 số');
  });

  it('picks a plural form by the language, # standing for the number', () => {
    const rows = '{r, plural, one {# row} other {# rows}}';
    expect(fillMessage('en', rows, { r: 1 })).toBe('1 row');
    expect(fillMessage('en', rows, { r: 0 })).toBe('0 rows');
    expect(fillMessage('de', '{r, plural, one {# Zeile} other {# Zeilen}}', { r: 3 })).toBe('3 Zeilen');
    // Vietnamese and Chinese have one form only ('other').
    expect(fillMessage('zh-CN', '{r, plural, other {# 行}}', { r: 1 })).toBe('1 行');
  });

  it('leaves a placeholder with no value as written, rather than dropping it', () => {
    expect(fillMessage('en', 'rank {r}', {})).toBe('rank {r}');
  });

  it('lists placeholder names, plural ones included', () => {
    expect(placeholderNames('{a} and {b, plural, one {# x} other {# xs}} and {a}')).toEqual(['a', 'b']);
  });

  it('formats numbers with options', () => {
    expect(formatNumber('de', 0.25, { style: 'percent' })).toBe('25\u00a0%');
  });
});

describe('languages', () => {
  it('matches tags to catalogue languages, ignoring case and regions', () => {
    expect(matchLanguage('de-AT')).toBe('de');
    expect(matchLanguage('VI')).toBe('vi');
    expect(matchLanguage('zh-cn')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans')).toBe('zh-CN');
    expect(matchLanguage('en-XA')).toBe('en-XA');
  });

  it('has no match for languages it lacks, traditional Chinese included', () => {
    for (const tag of ['fr', 'zh-TW', 'zh-Hant', '', null, 'deutsch']) expect(matchLanguage(tag)).toBeNull();
  });

  it('takes a widget language from the nearest lang, English when unknown or absent', () => {
    const at = (lang: string | null) => ({ closest: () => (lang === null ? null : { getAttribute: () => lang }) });
    expect(widgetLanguage(at('de'))).toBe('de');
    expect(widgetLanguage(at('fr'))).toBe('en');
    expect(widgetLanguage(at(null))).toBe('en');
  });
});

describe('translator', () => {
  it('looks a key up in the language and fills it', () => {
    const t = translator('de', de);
    expect(t('stepper.caption', { step: 2, total: 5, operation: 'R1 ↔ R2' })).toBe('Schritt 2 von 5: R1 ↔ R2');
  });
});
