import { exerciseEnglish } from '../../../src/exercises/messages/every-language';
import { readFileSync } from 'node:fs';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/exercises/checking';
import { english } from '../../../src/i18n/translate';
import { GENERATORS } from '../../../src/exercises/registry';
import { sweepData } from '../../../src/exercises/sweep-data';
import type { Expected } from '../../../src/exercises/types';

const data = { sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) };
const rows = (M: Fraction[][]) => M.map((r) => r.map((x) => x.toFraction()).join(' ')).join('\n');
const matrixOf = (e: Expected) => { if (e.kind !== 'matrix') throw new Error('matrix'); return e.value; };
const numberOf = (e: Expected) => { if (e.kind !== 'number') throw new Error('number'); return e.value; };

describe('feedback says what is wrong', () => {
  it('points at the first wrong row of an RREF, and at an unscaled pivot', () => {
    for (let seed = 1; seed < 60; seed++) {
      const v = GENERATORS.rref.generate(seed, data, exerciseEnglish);
      const R = matrixOf(v.expected);
      if (!R[0][R[0].findIndex((x) => !x.equals(0))]) continue;
      const doubled = R.map((row, i) => row.map((x) => (i === 0 ? x.mul(2) : x)));
      expect(checkResponse(v, { text: rows(doubled) }, english).message).toMatch(/Row 1 is right up to a factor/);
      const last = R.length - 1;
      const broken = R.map((row, i) => row.map((x, j) => (i === last && j === row.length - 1 ? x.add(1) : x)));
      expect(checkResponse(v, { text: rows(broken) }, english).message).toMatch(new RegExp(`Row ${last + 1}`));
    }
  });

  it('names the term of a count that is off', () => {
    const v = GENERATORS['lora-layer-count'].generate(5, data, exerciseEnglish);
    const text = v.prompt[0].type === 'text' ? v.prompt[0].text : '';
    const [, d, k] = /a (\d+) × (\d+) weight/.exec(text)!.map(Number);
    expect(checkResponse(v, { text: String(d * k) }, english).message).toMatch(/frozen W₀/);
    const r = numberOf(v.expected) / (d + k);
    expect(checkResponse(v, { text: String(d * r) }, english).message).toMatch(/B alone/);
    const e = GENERATORS['eckart-young'].generate(5, data, exerciseEnglish);
    const error = numberOf(e.expected);
    expect(checkResponse(e, { text: String(error * error) }, english).message).toMatch(/square root/);
  });

  it('checks a missing entry by the rank it gives', () => {
    const v = GENERATORS['missing-entry'].generate(9, data, exerciseEnglish);
    expect(v.expected.kind).toBe('fraction');
    if (v.expected.kind !== 'fraction') return;
    expect(checkResponse(v, { text: v.expected.value.add(1).toFraction() }, english).message).toMatch(/rank 2/);
  });
});

describe('widget tasks read the widget state', () => {
  it('psnr-cat: smallest k with PSNR >= 30 dB, confirmed one step below', () => {
    const v = GENERATORS['psnr-cat'].generate(1, data, exerciseEnglish);
    const memory = new Map<string, number>();
    const state = (k: number, psnr: number) => ({ image: 'chelsea', mode: 'colour', status: 'ready', k, psnr });
    expect(v.checkState!({ ...state(40, 31), image: 'astronaut' }, memory).status).toBe('invalid');
    expect(v.checkState!(state(20, 27.5), memory).status).toBe('wrong');
    v.remember!(state(40, 31), memory);
    expect(v.checkState!(state(40, 31), memory).status).toBe('invalid'); // k - 1 not seen yet
    v.remember!(state(39, 30.4), memory);
    expect(v.checkState!(state(40, 31), memory).status).toBe('wrong');
    v.remember!(state(38, 29.9), memory);
    expect(v.checkState!(state(39, 30.4), memory).status).toBe('right');
  });

  it('trainer-budget: under the budget the shipped runs show is reachable, and a loss below 1.8', () => {
    const v = GENERATORS['trainer-budget'].generate(1, data, exerciseEnglish);
    const prompt = v.prompt[0].type === 'text' ? v.prompt[0].text : '';
    const budget = Number(/fewer than ([\d.]+)%/.exec(prompt)![1]);
    const total = data.sweep.totalParams;
    const reaching = data.sweep.cells.filter((c) => c.validationLoss < 1.8).map((c) => c.trainableParams / total * 100);
    expect(Math.min(...reaching)).toBeLessThan(budget); // a shipped run proves the task can be done
    const base = { totalParams: total, busy: '', status: 'ready', step: 300 };
    expect(v.checkState!({ ...base, trainableParams: total * 0.05, valLoss: [1.7] }, new Map()).status).toBe('wrong');
    expect(v.checkState!({ ...base, trainableParams: 1024, valLoss: [1.9] }, new Map()).status).toBe('wrong');
    expect(v.checkState!({ ...base, trainableParams: 1024, valLoss: [1.75] }, new Map()).status).toBe('right');
    expect(v.checkState!({ ...base, trainableParams: 1024, valLoss: [], step: 0 }, new Map()).status).toBe('invalid');
  });

  it('sweep-cell: the cheapest cell under the drawn loss, for every seed', () => {
    for (let seed = 1; seed < 200; seed++) {
      const v = GENERATORS['sweep-cell'].generate(seed, data, exerciseEnglish);
      const threshold = Number(/below ([\d.]+)/.exec(v.prompt[0].type === 'text' ? v.prompt[0].text : '')![1]);
      const verdicts = data.sweep.cells.map((c) => v.checkState!({ status: 'ready', targets: c.targets.join('-'), r: c.r }, new Map()).status);
      expect(verdicts.filter((s) => s === 'right')).toHaveLength(1);
      const right = data.sweep.cells[verdicts.indexOf('right')];
      expect(right.validationLoss).toBeLessThan(threshold);
      for (const c of data.sweep.cells) if (c.validationLoss < threshold) expect(c.trainableParams).toBeGreaterThanOrEqual(right.trainableParams);
    }
  });
});
