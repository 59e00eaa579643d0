import Fraction from 'fraction.js';
import { multiply, type FractionMatrix } from '../linalg/fraction-matrix';
import { seededRandom } from '../linalg/seeded-random';
import { GPT3, gpt3Counts, parameterCounts } from '../lora/anatomy';
import { loraScale } from '../lora/config';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, pick, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 5: a LoRA layer's trainable count, alpha / r, the merge, and a GPT-3 checkpoint's size. */

export const loraLayerCount: ExerciseGenerator = {
  id: 'lora-layer-count',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const d = pick(random, [256, 512, 768, 1024, 4096]);
    const k = pick(random, [256, 512, 768, 1024, 3072]);
    const r = pick(random, [1, 2, 4, 8, 16]);
    const c = parameterCounts(d, k, r);
    return {
      prompt: [{ type: 'text', text: t('lora-layer-count.prompt', { d: String(d), k: String(k), r: String(r) }) }],
      expected: { kind: 'number', value: c.lora, tolerance: 0 },
      solution: [t('lora-layer-count.solutionEntries', { d: String(d), k: String(k), r: String(r), dr: d * r, rk: r * k }),
        t('lora-layer-count.solutionTotal', { lora: c.lora, full: c.full, ratio: Math.round(c.ratio) })],
      diagnose: (given) => slipMessage(given as number, [
        [c.full, t('lora-layer-count.slipFrozen')],
        [d * r, t('lora-layer-count.slipBAlone', { rk: r * k })],
        [r * k, t('lora-layer-count.slipAAlone', { dr: d * r })],
        [d + k, t('lora-layer-count.slipSum', { r: String(r) })],
        [r * d * k, t('lora-layer-count.slipProduct')],
      ]),
    };
  },
};

export const alphaR: ExerciseGenerator = {
  id: 'alpha-r',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const alpha = pick(random, [1, 4, 8, 16, 32]);
    const r = pick(random, [2, 3, 4, 6, 8, 12, 64].filter((x) => x !== alpha));
    const scale = new Fraction(alpha).div(r);
    if (Math.abs(scale.valueOf() - loraScale({ r, alpha, rsLora: false })) > 1e-12) throw new Error('alpha / r disagrees with loraScale');
    return {
      prompt: [{ type: 'text', text: t('alpha-r.prompt', { alpha: String(alpha), r: String(r) }) }],
      expected: { kind: 'fraction', value: scale },
      solution: [t('alpha-r.solutionFactor', { alpha: String(alpha), r: String(r), scale: scale.toFraction() }),
        t('alpha-r.solutionWhy')],
      diagnose: (given) => slipMessage(given as number, [
        [r / alpha, t('alpha-r.slipUpsideDown')],
        [alpha / Math.sqrt(r), t('alpha-r.slipRsLora')],
        [alpha, t('alpha-r.slipAlphaAlone')],
      ], 1e-9),
    };
  },
};

export const merge: ExerciseGenerator = {
  id: 'merge',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2]);
    const alpha = pick(random, [1, 2, 4].filter((a) => a !== r));
    const small = () => int(random, -3, 3);
    const W0 = [[small(), small(), small()], [small(), small(), small()]];
    const B = [[small(), small()].slice(0, r), [small(), small()].slice(0, r)].map((row) => row.map((x) => x || 1));
    const A = Array.from({ length: r }, () => [small() || 1, small(), small()]);
    const frac = (M: number[][]) => M.map((row) => row.map((x) => new Fraction(x)));
    const BA = multiply(frac(B), frac(A));
    const scale = new Fraction(alpha).div(r);
    const merged = frac(W0).map((row, i) => row.map((x, j) => x.add(scale.mul(BA[i][j]))));
    const add = (s: Fraction) => frac(W0).map((row, i) => row.map((x, j) => x.add(s.mul(BA[i][j]))));
    const same = (a: FractionMatrix, b: FractionMatrix) => firstWrongRow(a, b) < 0;
    return {
      prompt: [{ type: 'text', text: t('merge.prompt', { alpha: String(alpha), r: String(r) }) },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'B', rows: rowsText(B) },
        { type: 'matrix', label: 'A', rows: rowsText(A) }],
      expected: { kind: 'matrix', value: merged },
      solution: [`B A = ${inline(BA)}.`, t('merge.solutionMerged', { scale: scale.toFraction(), merged: inline(merged) }),
        t('merge.solutionSame')],
      diagnose(given) {
        const g = given as FractionMatrix;
        if (!scale.equals(1) && same(g, add(new Fraction(1)))) return t('merge.slipUnscaled', { scale: scale.toFraction() });
        if (same(g, add(new Fraction(r).div(alpha)))) return t('merge.slipUpsideDown');
        const row = firstWrongRow(g, merged);
        return t('merge.slipRow', { row: row + 1, scale: scale.toFraction(), merged: inline([merged[row]]) });
      },
    };
  },
};

export const gpt3Memory: ExerciseGenerator = {
  id: 'gpt3-memory',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8, 16]);
    const targets = pick(random, [['Wq'], ['Wq', 'Wv'], ['Wq', 'Wk', 'Wv', 'Wo']]);
    const counts = gpt3Counts(r, targets.length);
    const mb = counts.checkpointBytes / 1e6;
    const perMatrix = parameterCounts(GPT3.dModel, GPT3.dModel, r).lora;
    return {
      prompt: [{ type: 'text', text: t('gpt3-memory.prompt', { layers: GPT3.layers, width: GPT3.dModel, r: String(r), targets: targets.join(', ') }) }],
      expected: { kind: 'number', value: mb, tolerance: Math.max(0.05, mb * 0.002), unit: 'MB' },
      solution: [t('gpt3-memory.solutionOne', { r: String(r), twoD: 2 * GPT3.dModel, perMatrix }),
        t('gpt3-memory.solutionTotal', { layers: GPT3.layers, matrices: targets.length, perMatrix, trainable: counts.trainable,
          bytes: counts.checkpointBytes, mb: Number(mb.toFixed(2)) })],
      diagnose: (given) => slipMessage(given as number, [
        [2 * mb, t('gpt3-memory.slip32Bit')],
        [counts.trainable / 1e6, t('gpt3-memory.slipMillions')],
        [mb / GPT3.layers, t('gpt3-memory.slipOneLayer', { layers: GPT3.layers })],
        [mb / targets.length, t('gpt3-memory.slipOneMatrix', { matrices: targets.length })],
        [counts.checkpointBytes / 2 ** 20, t('gpt3-memory.slipMiB')],
      ], Math.max(0.05, mb * 0.002)),
    };
  },
};

export const lessonFive = [loraLayerCount, alphaR, merge, gpt3Memory];
