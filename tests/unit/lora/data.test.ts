import { describe, expect, test } from 'vitest';
import { END, START, cleanWords, decodeIds, encodeWindows, normalizeWord, sampleBatch, createRng, splitWords } from '../../../src/lora/index';

const words = ['Rex', 'ankylosaurus', 'stegosaurus', 'triceratops', 'Mr. Mime', 'Flabébé', 'rex', 'velociraptor', 'iguanodon', 'micropachycephalosaurus'];

describe('data', () => {
  test('normalises into a-z', () => {
    expect(normalizeWord('Mr. Mime')).toBe('mrmime');
    expect(normalizeWord('Flabébé')).toBe('flabebe');
    expect(normalizeWord('Porygon2')).toBe('porygon');
    expect(cleanWords(words)).toHaveLength(9); // "Rex" and "rex" are one word
  });

  test('the split is deterministic, disjoint and complete', () => {
    const a = splitWords(words, 0.3, 42);
    const b = splitWords(words, 0.3, 42);
    const c = splitWords(words, 0.3, 43);
    expect(a).toEqual(b);
    expect(a.validation).toHaveLength(3);
    expect([...a.train, ...a.validation].sort()).toEqual(cleanWords(words).sort());
    expect(a.train.filter((w) => a.validation.includes(w))).toEqual([]);
    expect([...c.train, ...c.validation]).not.toEqual([...a.train, ...a.validation]);
  });

  test('a short word is one window: ^rex -> rex$', () => {
    const set = encodeWindows(['rex'], 16);
    expect(set.count).toBe(1);
    expect(Array.from(set.inputs.subarray(0, 4))).toEqual([START, 19, 6, 25]);
    expect(decodeIds(Array.from(set.targets.subarray(0, 3)))).toBe('rex');
    expect(set.targets[3]).toBe(END);
    expect(Array.from(set.mask)).toEqual([1, 1, 1, 1, ...new Array(12).fill(0)]);
  });

  test('a long word is covered by overlapping windows, each target counted once', () => {
    const word = 'micropachycephalosaurus'; // 23 letters -> 24 targets
    const set = encodeWindows([word], 16);
    expect(set.count).toBe(2);
    expect(set.mask.reduce((a, b) => a + b, 0)).toBe(word.length + 1);
    // Reassemble the counted targets: they spell the word and the end token.
    const counted: number[] = [];
    for (let i = 0; i < set.mask.length; i++) if (set.mask[i]) counted.push(set.targets[i]);
    expect(decodeIds(counted)).toBe(word);
    expect(counted[counted.length - 1]).toBe(END);
    // The second window starts mid-word, so its first input is not the start token.
    expect(set.inputs[16]).not.toBe(START);
  });

  test('seeded batches repeat', () => {
    const set = encodeWindows(cleanWords(words), 16);
    const a = sampleBatch(set, 5, createRng(3));
    const b = sampleBatch(set, 5, createRng(3));
    expect(a).toEqual(b);
  });
});
