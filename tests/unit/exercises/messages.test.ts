import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sourceTextOutside } from '../i18n/source-text';
import { EXERCISE_CATALOGUES } from '../../../src/exercises/messages/every-language';
import { EXERCISES, LESSONS } from '../../../src/exercises/catalogue';
import { placeholderNames } from '../../../src/i18n/format';

const en: Record<string, string> = EXERCISE_CATALOGUES.en;
const keys = Object.keys(en).sort();
const others = Object.entries(EXERCISE_CATALOGUES).filter(([lang]) => lang !== 'en') as [string, Record<string, string>][];

describe('exercise message catalogues', () => {
  for (const [lang, catalogue] of others) {
    it(`${lang}: has exactly the English keys, none empty, none left in English, the same placeholders`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      for (const key of keys) {
        expect(catalogue[key].trim(), key).not.toBe('');
        expect(placeholderNames(catalogue[key]), key).toEqual(placeholderNames(en[key]));
      }
      const untranslated = keys.filter((k) => /\p{L}{3,}/u.test(catalogue[k]) && catalogue[k] === en[k]);
      expect(untranslated).toEqual([]);
    });
  }

  it('names every exercise and lesson, and nothing else by id', () => {
    for (const x of EXERCISES) expect(en[`${x.id}.title`], x.id).toBeTruthy();
    for (const lesson of LESSONS) expect(en[`lesson.${lesson}`], lesson).toBeTruthy();
    const ids = new Set(EXERCISES.map((x) => x.id));
    expect(keys.filter((k) => k.endsWith('.title') && !ids.has(k.slice(0, -'.title'.length)))).toEqual([]);
  });

  it('has no unused keys: each other key is named in src/ or components/ outside the catalogues', () => {
    const text = sourceTextOutside(join('src', 'exercises', 'messages'));
    const named = (k: string) => k.endsWith('.title') || k.startsWith('lesson.');
    expect(keys.filter((k) => !named(k) && !text.includes(`'${k}'`))).toEqual([]);
  });
});
