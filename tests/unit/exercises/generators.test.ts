import { exerciseEnglish } from '../../../src/exercises/messages/every-language';
import { readFileSync } from 'node:fs';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { EXERCISES, LESSONS, lessonExercises } from '../../../src/exercises/catalogue';
import { checkResponse } from '../../../src/exercises/checking';
import { english } from '../../../src/i18n/translate';
import { GENERATORS } from '../../../src/exercises/registry';
import { sweepData } from '../../../src/exercises/sweep-data';
import type { Expected, Variant } from '../../../src/exercises/types';

const data = { sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) };
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);
const matrixText = (M: Fraction[][]) => M.map((row) => row.map((x) => x.toFraction()).join(' ')).join('\n');

/** The computed answer as a reader would type it. */
function rightText(expected: Expected): string {
  switch (expected.kind) {
    case 'number': return String(expected.value);
    case 'fraction': return expected.value.toFraction();
    case 'matrix': return matrixText(expected.value);
    default: return '';
  }
}

/** Answers that must be marked wrong: each computed from the right one. */
function perturbed(expected: Expected): string[] {
  switch (expected.kind) {
    case 'number': {
      const off = Math.max(expected.tolerance * 3, Math.abs(expected.value) * 0.05, 1);
      return [String(expected.value + off), String(expected.value - off)];
    }
    case 'fraction': return [expected.value.add(1).toFraction(), expected.value.mul(-1).sub(new Fraction(1, 7)).toFraction()];
    case 'matrix': {
      const M = expected.value;
      const last = M.length - 1;
      return [matrixText(M.map((row, i) => row.map((x, j) => (i === last && j === 0 ? x.add(1) : x)))),
        matrixText(M.map((row, i) => row.map((x, j) => (i === 0 && j === row.length - 1 ? x.sub(new Fraction(1, 2)) : x))))];
    }
    default: return [];
  }
}

describe('exercise catalogue', () => {
  it('has at least 4 exercises a lesson, a generator for each, recall to transfer', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(32);
    for (const lesson of LESSONS) {
      const list = lessonExercises(lesson);
      expect(list.length, lesson).toBeGreaterThanOrEqual(4);
      expect(list.some((x) => x.level === 'recall' || x.level === 'apply'), lesson).toBe(true);
      expect(list.some((x) => x.level !== 'recall'), lesson).toBe(true);
    }
    expect(Object.keys(GENERATORS).sort()).toEqual(EXERCISES.map((x) => x.id).sort());
    const kinds = new Set(EXERCISES.map((x) => x.kind));
    expect([...kinds].sort()).toEqual(['choice', 'fraction', 'matrix', 'number', 'widget']);
  });
});

describe.each(EXERCISES.filter((x) => x.kind !== 'widget'))('$id over 500 seeds', (entry) => {
  it('is well-posed, accepts its computed answer and rejects perturbed ones', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const variant: Variant = GENERATORS[entry.id].generate(seed, data, exerciseEnglish);
      expect(variant.expected.kind).toBe(entry.kind);
      expect(variant.solution.length).toBeGreaterThan(0);
      seen.add(JSON.stringify(variant.prompt));
      // A count of one reads in the singular ("the first layer", not "the first 1 layers").
      for (const text of variant.prompt.flatMap((b) => (b.type === 'text' ? [b.text] : []))) {
        expect(text, `${entry.id} seed ${seed}`).not.toMatch(/\b(first|last) 1 \w+s\b/);
      }
      for (const block of variant.prompt) {
        // A matrix to reduce never gives itself away: no zero row or column, no repeated row.
        if (block.type !== 'matrix' || block.label !== 'M' || !['rank-of-matrix', 'rref', 'column-row'].includes(entry.id)) continue;
        expect(block.rows.some((row) => row.every((x) => x === '0')), `${entry.id} seed ${seed}`).toBe(false);
        expect(new Set(block.rows.map((row) => row.join())).size, `${entry.id} seed ${seed}`).toBe(block.rows.length);
      }
      const expected = variant.expected;
      if (expected.kind === 'choice') {
        expect(expected.options.length).toBeGreaterThanOrEqual(3);
        expect(new Set(expected.options.map((o) => o.text)).size).toBe(expected.options.length);
        expect(checkResponse(variant, { choice: expected.correct }, english).status).toBe('right');
        for (let i = 0; i < expected.options.length; i++) {
          expect(expected.options[i].explanation.length).toBeGreaterThan(10);
          if (i !== expected.correct) expect(checkResponse(variant, { choice: i }, english).status).toBe('wrong');
        }
        continue;
      }
      if (expected.kind === 'number') expect(Number.isFinite(expected.value)).toBe(true);
      if (expected.kind === 'fraction') expect(expected.value.d <= 1000n).toBe(true); // readable
      if (expected.kind === 'matrix') expect(expected.value.flat().every((x) => x.d <= 100n)).toBe(true);
      const verdict = checkResponse(variant, { text: rightText(expected) }, english);
      expect(verdict.status, `${entry.id} seed ${seed}: ${verdict.message}`).toBe('right');
      for (const text of perturbed(expected)) {
        const wrong = checkResponse(variant, { text }, english);
        expect(wrong.status, `${entry.id} seed ${seed} accepted ${text}`).toBe('wrong');
        expect(wrong.message.length).toBeGreaterThan(0);
      }
    }
    expect(seen.size, 'seeds give different variants').toBeGreaterThan(entry.needs === 'sweep' ? 1 : 3); // the shipped sweep has few budgets to draw from
  });
});
