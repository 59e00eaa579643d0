import { describe, expect, test } from 'vitest';
import { WORD_LIST_LIMITS, cleanEntries, foldCharacter, readWordListText, splitEntries, wordListHash } from '../../../src/lora/word-list';
import { makeDatasets } from '../../../src/lora/data';

const fold = (text: string) => [...text.normalize('NFC').toLowerCase()].map((ch) => foldCharacter(ch).to).join('');
const names = (n: number, prefix = 'name') => Array.from({ length: n }, (_, i) => `${prefix}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}`);

describe('foldCharacter: every accented letter of vi, de, fr and es becomes a-z', () => {
  test('German', () => {
    expect(fold('ÄäÖöÜüßẞ')).toBe('aaoouussss');
    expect(fold('Gießen Düsseldorf')).toBe('giessendusseldorf');
  });

  test('French', () => {
    expect(fold('àâæçéèêëîïôœùûüÿ')).toBe('aaaeceeeeiiooeuuuy');
    expect(fold('ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ')).toBe('aaaeceeeeiiooeuuuy');
  });

  test('Spanish', () => {
    expect(fold('áéíóúñüÁÉÍÓÚÑÜ')).toBe('aeiounuaeiounu');
    expect(foldCharacter('¿')).toEqual({ to: '', how: 'removed' });
  });

  test('Vietnamese: đ, and every vowel with its hat, horn or breve under each of the five tone marks', () => {
    expect(fold('Đđ')).toBe('dd');
    const vowels: Record<string, string> = { a: 'a', 'ă': 'a', 'â': 'a', e: 'e', 'ê': 'e', i: 'i', o: 'o', 'ô': 'o', 'ơ': 'o', u: 'u', 'ư': 'u', y: 'y' };
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    for (const [vowel, base] of Object.entries(vowels)) {
      for (const tone of tones) {
        const letter = (vowel + tone).normalize('NFC');
        expect([...letter]).toHaveLength(1); // one precomposed letter, e.g. ế or ợ
        expect(fold(letter)).toBe(base);
        expect(fold(letter.toUpperCase())).toBe(base);
      }
    }
    expect(fold('Nguyễn Thị Phượng')).toBe('nguyenthiphuong');
  });

  test('other letters without a decomposition, and text already in NFD form', () => {
    expect(fold('ØøŁłÐðÞþıſ')).toBe('oollddththis');
    expect(fold('Mu\u0308nchen')).toBe('munchen');
  });

  test('anything else is dropped, not guessed', () => {
    for (const ch of ['1', '-', ' ', "'", '.', 'λ', 'ж', '東', '😀']) expect(foldCharacter(ch).how).toBe('removed');
  });
});

describe('splitEntries', () => {
  test('one entry a line (any line ending), keeping spaces inside a name', () => {
    expect(splitEntries('Berlin\r\nFrankfurt am Main\n\n  Köln  \rBonn\n')).toEqual(['Berlin', 'Frankfurt am Main', 'Köln', 'Bonn']);
  });

  test('commas, semicolons and tabs separate as in a .csv; surrounding quotes go', () => {
    expect(splitEntries('"Anna","Ben"\nCarla;Dora\tEmil,')).toEqual(['Anna', 'Ben', 'Carla', 'Dora', 'Emil']);
  });

  test('a text with none of those is split at spaces', () => {
    expect(splitEntries('  anna ben   carla ')).toEqual(['anna', 'ben', 'carla']);
  });
});

describe('cleanEntries: the account of what was done', () => {
  test('counts kept, dropped (no letters, too long), duplicates, folded and removed characters', () => {
    const list = cleanEntries(['München', 'MÜNCHEN', 'Köln', 'Frankfurt am Main', '1984', 'x'.repeat(41), 'Straße', 'munchen', 'Saint-Étienne'], 16);
    expect(list.words).toEqual(['munchen', 'koln', 'frankfurtammain', 'strasse', 'saintetienne']);
    expect(list).toMatchObject({ entries: 9, noLetters: 1, tooLong: 1, duplicates: 2, longerThanContext: 0 });
    expect(list.folded).toEqual([
      { from: 'ü', to: 'u', count: 2 }, { from: 'ö', to: 'o', count: 1 }, { from: 'ß', to: 'ss', count: 1 }, { from: 'é', to: 'e', count: 1 },
    ]);
    expect(list.foldedCount).toBe(5);
    expect(list.removed.map((r) => [r.char, r.count])).toEqual([[' ', 2], ['1', 1], ['9', 1], ['8', 1], ['4', 1], ['-', 1]]);
    expect(list.removedCount).toBe(7);
    expect([list.foldedKinds, list.removedKinds]).toEqual([4, 6]);
  });

  test('lists at most 20 kinds of character, but counts them all', () => {
    const cjk = Array.from({ length: 30 }, (_, i) => `ab${String.fromCharCode(0x4e00 + i)}`);
    const list = cleanEntries(cjk, 16);
    expect(list.removed).toHaveLength(20);
    expect([list.removedKinds, list.removedCount]).toEqual([30, 30]);
  });

  test('names longer than the context are kept and counted', () => {
    // ^ + 15 letters + $: 16 targets fit one window of 16; 16 letters do not.
    const list = cleanEntries(['a'.repeat(15), 'b'.repeat(16), 'c'.repeat(40)], 16);
    expect(list.words).toHaveLength(3);
    expect(list.longerThanContext).toBe(2);
  });
});

describe('readWordListText: limits', () => {
  test('fewer than 30 usable words is refused, with the cleaning account', () => {
    // 31 entries, but the 30th repeats the first and the 31st has no letters: 29 usable words.
    const reading = readWordListText([...names(29), 'NameAA', '42'].join('\n'), 16);
    if (reading.ok || reading.problem.kind !== 'too-few') throw new Error('expected too-few');
    expect(reading.problem.list.words).toHaveLength(29);
    expect(reading.problem.list).toMatchObject({ entries: 31, duplicates: 1, noLetters: 1 });
  });

  test('30 words is enough; more than 50,000 entries and more than 2 MB are refused before cleaning', () => {
    expect(readWordListText(names(30).join(','), 16)).toMatchObject({ ok: true, list: { entries: 30 } });
    const many = Array.from({ length: WORD_LIST_LIMITS.maxWords + 1 }, () => 'ab').join('\n');
    expect(readWordListText(many, 16)).toEqual({ ok: false, problem: { kind: 'too-many', entries: 50_001 } });
    expect(readWordListText('ab\n'.repeat(50_000), 16).ok).toBe(false); // 50,000 entries, but only one distinct word
    const large = 'é'.repeat(WORD_LIST_LIMITS.maxBytes / 2 + 1); // two bytes each in UTF-8
    expect(readWordListText(large, 16)).toEqual({ ok: false, problem: { kind: 'too-large', bytes: WORD_LIST_LIMITS.maxBytes + 2 } });
  });
});

describe('wordListHash', () => {
  test('depends on every word and on their order, and has a fixed form', () => {
    const a = wordListHash(['berlin', 'bonn']);
    expect(a).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(wordListHash(['berlin', 'bonn'])).toBe(a);
    expect(wordListHash(['bonn', 'berlin'])).not.toBe(a);
    expect(wordListHash(['berlin', 'bonm'])).not.toBe(a);
    expect(wordListHash(['berlinbonn'])).not.toBe(a);
    // FNV-1a 64 of the empty string is its offset basis; of "a", the published test vector.
    expect(wordListHash([])).toBe('fnv1a64:cbf29ce484222325');
    expect(wordListHash(['a'])).toBe('fnv1a64:af63dc4c8601ec8c');
  });
});

describe('the split of a cleaned list', () => {
  test('is seeded (same seed, same split) and disjoint, and covers every word once', () => {
    const reading = readWordListText(names(120, 'stadt').join('\n'), 16);
    if (!reading.ok) throw new Error('expected a usable list');
    const words = reading.list.words;
    const one = makeDatasets(words, { contextLength: 16, validationFraction: 0.1, seed: 1 });
    const again = makeDatasets(words, { contextLength: 16, validationFraction: 0.1, seed: 1 });
    const other = makeDatasets(words, { contextLength: 16, validationFraction: 0.1, seed: 2 });
    expect(again.validationWords).toEqual(one.validationWords);
    expect(other.validationWords).not.toEqual(one.validationWords);
    expect(one.validationWords).toHaveLength(12);
    const train = new Set(one.trainWords);
    expect(one.validationWords.filter((w) => train.has(w))).toEqual([]);
    expect([...one.trainWords, ...one.validationWords].sort()).toEqual(words.slice().sort());
  });
});
