import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, readLesson, readProgressFile, recordAttempt, resetProgress, seedFor, storageKey, summarise } from '../../../src/exercises/progress';

const memoryStore = () => {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
};

describe('progress', () => {
  it('keeps a seed, counts attempts, and stays solved once right', () => {
    const store = memoryStore();
    const seed = seedFor(store, '01-rank', 'rref', () => 42);
    expect(seed).toBe(42);
    expect(seedFor(store, '01-rank', 'rref', () => 7)).toBe(42);
    recordAttempt(store, '01-rank', 'rref', 42, false);
    recordAttempt(store, '01-rank', 'rref', 42, true);
    const r = recordAttempt(store, '01-rank', 'rref', 42, false);
    expect(r).toMatchObject({ attempts: 3, score: 1, max: 1 });
    recordAttempt(store, '01-rank', 'max-rank', 5, false);
    expect(summarise(store, '01-rank')).toEqual({ lesson: '01-rank', total: 4, solved: 1, attempted: 2 });
    expect(store.map.has(storageKey('01-rank'))).toBe(true);
  });

  it('exports a file that imports back to the same progress', () => {
    const store = memoryStore();
    recordAttempt(store, '05-lora', 'merge', 3, true);
    recordAttempt(store, '02-low-rank-factorisation', 'break-even', 9, false);
    const text = JSON.stringify(exportProgress(store));
    const other = memoryStore();
    const read = readProgressFile(text);
    expect(read.ok).toBe(true);
    if (read.ok) importProgress(other, read.file);
    expect(readLesson(other, '05-lora')).toEqual(readLesson(store, '05-lora'));
    expect(summarise(other, '02-low-rank-factorisation').attempted).toBe(1);
    resetProgress(other);
    expect(other.map.size).toBe(0);
  });

  it('refuses a bad file, saying why, and changes nothing', () => {
    const good = JSON.parse(JSON.stringify({ format: 'rankbook-progress', version: 1, exported: '2026-01-01T00:00:00Z',
      lessons: { '01-rank': { rref: { seed: 1, attempts: 1, score: 1, max: 1, updated: '2026-01-01T00:00:00Z' } } } }));
    const bad = [
      'not json',
      JSON.stringify({ ...good, format: 'something-else' }),
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, lessons: { '99-nope': {} } }),
      JSON.stringify({ ...good, lessons: { '01-rank': { merge: good.lessons['01-rank'].rref } } }),
      JSON.stringify({ ...good, lessons: { '01-rank': { rref: { ...good.lessons['01-rank'].rref, score: 5 } } } }),
      JSON.stringify({ ...good, lessons: { '01-rank': { rref: { ...good.lessons['01-rank'].rref, attempts: 0 } } } }),
      JSON.stringify({ ...good, lessons: { '01-rank': { rref: { ...good.lessons['01-rank'].rref, updated: 'yesterday' } } } }),
    ];
    const problems = bad.map((text) => { const r = readProgressFile(text); return r.ok ? 'read' : r.problem; });
    expect(problems).toEqual(['notJson', 'notProgressFile', 'version', 'unknownLesson', 'unknownExercise', 'badNumbers', 'badNumbers', 'badDate']);
    expect(readProgressFile(JSON.stringify(good)).ok).toBe(true);
  });

  it('ignores a corrupt stored lesson rather than failing', () => {
    const store = memoryStore();
    store.setItem(storageKey('01-rank'), '{not json');
    expect(readLesson(store, '01-rank')).toEqual({});
    expect(summarise(store, '01-rank').attempted).toBe(0);
  });
});
