import Fraction from 'fraction.js';
import { multiply, type FractionMatrix } from '../linalg/fraction-matrix';
import { seededRandom } from '../linalg/seeded-random';
import { GPT3, gpt3Counts, parameterCounts } from '../lora/anatomy';
import { loraScale } from '../lora/config';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, num, pick, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 5: a LoRA layer's trainable count, alpha / r, the merge, and a GPT-3 checkpoint's size. */

export const loraLayerCount: ExerciseGenerator = {
  id: 'lora-layer-count',
  generate(seed) {
    const random = seededRandom(seed);
    const d = pick(random, [256, 512, 768, 1024, 4096]);
    const k = pick(random, [256, 512, 768, 1024, 3072]);
    const r = pick(random, [1, 2, 4, 8, 16]);
    const c = parameterCounts(d, k, r);
    return {
      prompt: [{ type: 'text', text: `LoRA adapts a ${d} × ${k} weight W₀ with B (${d} × r) and A (r × ${k}), r = ${r}. How many numbers train?` }],
      expected: { kind: 'number', value: c.lora, tolerance: 0 },
      solution: [`B has ${d} × ${r} = ${num(d * r)} entries, A has ${r} × ${k} = ${num(r * k)}.`,
        `r (d + k) = ${num(c.lora)}, against d k = ${num(c.full)} for W₀ itself: ${c.ratio.toFixed(0)} times fewer.`],
      diagnose: (given) => slipMessage(given as number, [
        [c.full, 'That is d k, the frozen W₀. Only B and A train.'],
        [d * r, `That is B alone; A adds r × k = ${num(r * k)}.`],
        [r * k, `That is A alone; B adds d × r = ${num(d * r)}.`],
        [d + k, `d + k is one column of B and one row of A: there are r = ${r} of each.`],
        [r * d * k, 'r d k multiplies everything: B and A hold d r + r k numbers.'],
      ]),
    };
  },
};

export const alphaR: ExerciseGenerator = {
  id: 'alpha-r',
  generate(seed) {
    const random = seededRandom(seed);
    const alpha = pick(random, [1, 4, 8, 16, 32]);
    const r = pick(random, [2, 3, 4, 6, 8, 12, 64].filter((x) => x !== alpha));
    const scale = new Fraction(alpha).div(r);
    if (Math.abs(scale.valueOf() - loraScale({ r, alpha, rsLora: false })) > 1e-12) throw new Error('alpha / r disagrees with loraScale');
    return {
      prompt: [{ type: 'text', text: `A LoRA layer has alpha = ${alpha} and rank r = ${r}. By what factor is B A x multiplied before it is added to W₀ x? Give an exact fraction or a decimal.` }],
      expected: { kind: 'fraction', value: scale },
      solution: [`h = W₀ x + (alpha / r) B A x, so the factor is ${alpha} / ${r} = ${scale.toFraction()}.`,
        'Dividing by r keeps the update’s size from growing with r, so a learning rate tuned at one rank works at another.'],
      diagnose: (given) => slipMessage(given as number, [
        [r / alpha, 'That is r / alpha, upside down: the factor is alpha / r.'],
        [alpha / Math.sqrt(r), 'That is rsLoRA’s alpha / √r; plain LoRA divides by r.'],
        [alpha, 'That is alpha alone: it is divided by r.'],
      ], 1e-9),
    };
  },
};

export const merge: ExerciseGenerator = {
  id: 'merge',
  generate(seed) {
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
      prompt: [{ type: 'text', text: `Merge this LoRA layer into one matrix: W = W₀ + (alpha / r) B A, with alpha = ${alpha} and r = ${r}.` },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'B', rows: rowsText(B) },
        { type: 'matrix', label: 'A', rows: rowsText(A) }],
      expected: { kind: 'matrix', value: merged },
      solution: [`B A = ${inline(BA)}.`, `alpha / r = ${scale.toFraction()}, so W = W₀ + ${scale.toFraction()} · B A = ${inline(merged)}.`,
        'The merged W gives the same outputs as W₀ x + (alpha / r) B A x, with one matrix product and no added latency.'],
      diagnose(given) {
        const g = given as FractionMatrix;
        if (!scale.equals(1) && same(g, add(new Fraction(1)))) return `You added B A unscaled: multiply it by alpha / r = ${scale.toFraction()} first.`;
        if (same(g, add(new Fraction(r).div(alpha)))) return 'That scales B A by r / alpha; the factor is alpha / r.';
        const row = firstWrongRow(g, merged);
        return `Row ${row + 1} differs: W₀'s row ${row + 1} plus ${scale.toFraction()} × (B A)'s row ${row + 1} is ${inline([merged[row]])}.`;
      },
    };
  },
};

export const gpt3Memory: ExerciseGenerator = {
  id: 'gpt3-memory',
  generate(seed) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8, 16]);
    const targets = pick(random, [['Wq'], ['Wq', 'Wv'], ['Wq', 'Wk', 'Wv', 'Wo']]);
    const counts = gpt3Counts(r, targets.length);
    const mb = counts.checkpointBytes / 1e6;
    const perMatrix = parameterCounts(GPT3.dModel, GPT3.dModel, r).lora;
    return {
      prompt: [{ type: 'text', text: `GPT-3 175B has ${GPT3.layers} layers of width ${num(GPT3.dModel)}. LoRA with r = ${r} adapts ${targets.join(', ')} (each ${num(GPT3.dModel)} × ${num(GPT3.dModel)}) in every layer, and the adapter is saved in 16-bit floats. How many megabytes (10⁶ bytes) is the checkpoint?` }],
      expected: { kind: 'number', value: mb, tolerance: Math.max(0.05, mb * 0.002), unit: 'MB' },
      solution: [`One matrix: r (d + k) = ${r} × ${num(2 * GPT3.dModel)} = ${num(perMatrix)} numbers.`,
        `${GPT3.layers} layers × ${targets.length} matrices × ${num(perMatrix)} = ${num(counts.trainable)} numbers; × 2 bytes = ${num(counts.checkpointBytes)} bytes ≈ ${num(Number(mb.toFixed(2)))} MB.`],
      diagnose: (given) => slipMessage(given as number, [
        [2 * mb, 'That is 32-bit floats (4 bytes); 16-bit floats take 2 bytes.'],
        [counts.trainable / 1e6, 'That is the number of parameters in millions; each takes 2 bytes.'],
        [mb / GPT3.layers, `That is one layer: there are ${GPT3.layers}.`],
        [mb / targets.length, `That is one matrix a layer: ${targets.length} are adapted.`],
        [counts.checkpointBytes / 2 ** 20, 'That is in MiB (2²⁰ bytes); the question asks for MB, 10⁶ bytes.'],
      ], Math.max(0.05, mb * 0.002)),
    };
  },
};

export const lessonFive = [loraLayerCount, alphaR, merge, gpt3Memory];
