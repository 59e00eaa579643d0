import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/exercises/checking';
import { exerciseEn } from '../../../src/exercises/messages/en';
import { exerciseTranslatorFor } from '../../../src/exercises/messages/every-language';
import { lessonOne } from '../../../src/exercises/rank';
import { lessonTwo } from '../../../src/exercises/factorisation';
import { lessonThree } from '../../../src/exercises/svd';
import { lessonFour } from '../../../src/exercises/fine-tuning';
import { sweepData } from '../../../src/exercises/sweep-data';
import type { ExerciseGenerator, Variant } from '../../../src/exercises/types';
import { catalogueTranslator, pseudoCatalogue, translator } from '../../../src/i18n/translate';
import { pseudo as pseudoWidgets } from '../../../src/i18n/messages/pseudo';
import { PSEUDO } from '../../../src/i18n/languages';

const data = { sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) };
const pseudo = catalogueTranslator(PSEUDO, pseudoCatalogue(exerciseEn), exerciseEn);
/** Symbols that stay as they are in every language. */
const SYMBOLS = new Set(['rref', 'min', 'log', 'PSNR', 'MSE']);
/** The generic verdicts (Right., Not this one…) come from the widgets' catalogue, marked the same way. */
const words = translator(PSEUDO, pseudoWidgets);

/** Every text a reader can meet in a variant: question, options, solution, and feedback on slips. */
function texts(variant: Variant): string[] {
  const out = variant.prompt.map((b) => (b.type === 'text' ? b.text : b.label));
  out.push(...variant.solution);
  const e = variant.expected;
  if (e.kind === 'choice') out.push(...e.options.flatMap((o) => [o.text, o.explanation]));
  if (e.kind === 'number') for (const x of [e.value + 1, e.value - 1, e.value * 2, e.value / 2, e.value ** 2, 0.5]) out.push(checkResponse(variant, { text: String(x) }, words).message);
  if (e.kind === 'fraction') out.push(checkResponse(variant, { text: e.value.add(1).toFraction() }, words).message);
  if (e.kind === 'matrix') {
    const rows = e.value.map((row, i) => row.map((x, j) => (i === e.value.length - 1 && j === 0 ? x.add(1) : x.mul(2))));
    out.push(checkResponse(variant, { text: rows.map((r) => r.map((x) => x.toFraction()).join(' ')).join('\n') }, words).message);
  }
  if (variant.checkState) {
    const memory = new Map<string, number>();
    const state = (k: number, psnr: number) => ({ image: 'chelsea', mode: 'colour', status: 'ready', k, psnr });
    out.push(variant.checkState({ image: 'astronaut' }, memory).message, variant.checkState({ image: 'chelsea', status: 'busy' }, memory).message,
      variant.checkState(state(20, 27), memory).message, variant.checkState(state(1, 31), memory).message, variant.checkState(state(40, 31), memory).message);
    variant.remember!(state(39, 30.5), memory);
    out.push(variant.checkState(state(40, 31), memory).message);
    variant.remember!(state(38, 29), memory);
    out.push(variant.checkState(state(39, 30.5), memory).message);
  }
  return out;
}

const generators: ExerciseGenerator[] = [...lessonOne, ...lessonTwo, ...lessonThree, ...lessonFour];

describe('lessons 1-4: every word of an exercise comes from its catalogue', () => {
  it.each(generators.map((g) => [g.id, g] as const))('%s in the pseudo-locale shows no word outside ⟦…⟧', (_id, generator) => {
    for (let seed = 1; seed < 40; seed++) {
      for (const text of texts(generator.generate(seed, data, pseudo))) {
        const outside = text.replace(/⟦[^⟧]*⟧/g, ' ');
        const words = (outside.match(/\p{L}{3,}/gu) ?? []).filter((w) => !SYMBOLS.has(w));
        expect(words, `${generator.id} seed ${seed}: ${text}`).toEqual([]);
      }
    }
  });

  it('draws the same numbers in every language', () => {
    const numbers = (v: Variant) => JSON.stringify({
      expected: v.expected.kind === 'choice' ? { options: v.expected.options.map((o) => o.text), correct: v.expected.correct } : v.expected,
      matrices: v.prompt.filter((p) => p.type === 'matrix'),
    }, (_key, x) => (typeof x === 'bigint' ? String(x) : x));
    for (const lang of ['vi', 'de', 'zh-CN'] as const) {
      const t = exerciseTranslatorFor(lang);
      for (const generator of generators) {
        for (const seed of [3, 17]) expect(numbers(generator.generate(seed, data, t)), `${generator.id} ${lang}`).toBe(numbers(generator.generate(seed, data, pseudo)));
      }
    }
  });
});
