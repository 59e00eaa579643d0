import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sourceTextOutside } from './source-text';
import { en } from '../../../src/i18n/messages/en';
import { vi } from '../../../src/i18n/messages/vi';
import { de } from '../../../src/i18n/messages/de';
import { zhCN } from '../../../src/i18n/messages/zh-CN';
import { pseudo } from '../../../src/i18n/messages/pseudo';
import { placeholderNames } from '../../../src/i18n/format';
import { LANGUAGES } from '../../../src/i18n/languages';

const others = { vi, de, 'zh-CN': zhCN } as const;
const keys = Object.keys(en).sort();

describe('message catalogues', () => {
  it('has one catalogue per language besides English', () => {
    expect(Object.keys(others).sort()).toEqual(LANGUAGES.filter((l) => l !== 'en').sort());
  });

  for (const [lang, catalogue] of Object.entries(others)) {
    it(`${lang}: has exactly the English keys, none empty, none left in English`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      const record = catalogue as Record<string, string>;
      for (const key of keys) expect(record[key].trim(), key).not.toBe('');
      // A message with words that is word for word the English one was not translated (symbols-only ones may be).
      const untranslated = keys.filter((k) => /\p{L}{3,}/u.test(record[k]) && record[k] === (en as Record<string, string>)[k]);
      expect(untranslated).toEqual([]);
    });

    it(`${lang}: every message uses the same placeholders as the English one`, () => {
      const record = catalogue as Record<string, string>;
      for (const key of keys) expect(placeholderNames(record[key]), key).toEqual(placeholderNames((en as Record<string, string>)[key]));
    });
  }

  it('pseudo-locale marks every English message', () => {
    for (const key of keys) expect((pseudo as Record<string, string>)[key]).toBe(`⟦${(en as Record<string, string>)[key]}⟧`);
  });

  it('has no unused keys: each is named somewhere in src/ or components/ outside the catalogues', () => {
    const text = sourceTextOutside(join('src', 'i18n', 'messages'));
    const unused = keys.filter((key) => !text.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
