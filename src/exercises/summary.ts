import { seededRandom } from '../linalg/seeded-random';
import { GPT3, gpt3Counts, parameterCounts } from '../lora/anatomy';
import { slipMessage } from './checking';
import { choice, pick } from './draw';
import { localeFixed } from '../i18n/numbers';
import type { ExerciseGenerator } from './types';

/** Lesson 8: the thread of the course, asked across lessons. */

export const rankOfBA: ExerciseGenerator = {
  id: 'rank-of-ba',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const d = pick(random, [64, 128, 512, 4096]);
    const k = pick(random, [64, 256, 1024, 12288]);
    const r = pick(random, [2, 4, 8, 16]);
    return {
      prompt: [{ type: 'text', text: t('rank-of-ba.prompt', { d: String(d), r: String(r), k: String(k) }) }],
      expected: choice(random,
        { text: `r = ${r}`, explanation: t('rank-of-ba.explainR', { r: String(r) }) },
        [
          { text: `min(d, k) = ${Math.min(d, k)}`, explanation: t('rank-of-ba.explainMin', { d: String(d), k: String(k), r: String(r) }) },
          { text: `r² = ${r * r}`, explanation: t('rank-of-ba.explainSquare', { r: String(r) }) },
          { text: t('rank-of-ba.optionEntries', { n: r * (d + k) }), explanation: t('rank-of-ba.explainEntries') },
        ]),
      solution: [t('rank-of-ba.solutionColumns', { r: String(r) }), t('rank-of-ba.solutionRank', { r: String(r) })],
    };
  },
};

export const gpt3Ratio: ExerciseGenerator = {
  id: 'gpt3-ratio',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8]);
    const perLayer = pick(random, [1, 2, 4]);
    const counts = gpt3Counts(r, perLayer);
    return {
      prompt: [{ type: 'text', text: t('gpt3-ratio.prompt', { parameters: GPT3.parameters, layers: GPT3.layers, width: GPT3.dModel, r: String(r), perLayer }) }],
      expected: { kind: 'number', value: counts.ratio, tolerance: counts.ratio * 0.01 },
      solution: [t('gpt3-ratio.solutionTrainable', { layers: GPT3.layers, perLayer, r: String(r), width: GPT3.dModel, trainable: counts.trainable }),
        t('gpt3-ratio.solutionRatio', { n: GPT3.parameters, m: counts.trainable, x: Math.round(counts.ratio) })],
      diagnose: (given) => slipMessage(given as number, [
        [counts.ratio * GPT3.layers, t('gpt3-ratio.slipOneLayer', { layers: GPT3.layers })],
        [parameterCounts(GPT3.dModel, GPT3.dModel, r).ratio, t('gpt3-ratio.slipOneMatrix')],
      ], counts.ratio * 0.01),
    };
  },
};

export const rankForBudget: ExerciseGenerator = {
  id: 'rank-for-budget',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const d = pick(random, [512, 768, 1024, 2048, 4096]);
    const layers = pick(random, [12, 24, 32, 48]);
    const matrices = pick(random, [2, 4]);
    const perRank = layers * matrices * parameterCounts(d, d, 1).lora;
    // A budget a few ranks' worth, in round hundred-thousands, so some r >= 1 always fits.
    const budget = Math.ceil((perRank * pick(random, [1.3, 2.6, 4.4, 8.7, 16.5])) / 1e5) * 1e5;
    let r = 0;
    while (perRank * (r + 1) <= budget) r += 1;
    return {
      prompt: [{ type: 'text', text: t('rank-for-budget.prompt', { layers, width: d, matrices, budget }) }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [t('rank-for-budget.solutionCost', { layers, matrices, width: d, perRank }),
        t('rank-for-budget.solutionFit', { budget, perRank, quotient: localeFixed(t.lang, budget / perRank, 2), r: String(r), used: r * perRank })],
      diagnose: (given) => slipMessage(given as number, [
        [Math.floor(budget / (matrices * parameterCounts(d, d, 1).lora)), t('rank-for-budget.slipOneLayer', { layers })],
        [Math.floor(budget / (layers * matrices * d)), t('rank-for-budget.slipD')],
      ]) ?? ((given as number) > r ? t('rank-for-budget.slipOver', { r: String(given), count: (given as number) * perRank })
        : t('rank-for-budget.slipStillFits', { r: String((given as number) + 1), count: ((given as number) + 1) * perRank })),
    };
  },
};

export const loraNotCompression: ExerciseGenerator = {
  id: 'lora-not-compression',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const d = pick(random, [768, 1024, 4096]);
    const r = pick(random, [4, 8, 16]);
    const c = parameterCounts(d, d, r);
    return {
      prompt: [{ type: 'text', text: t('lora-not-compression.prompt', { width: d, r: String(r) }) }],
      expected: choice(random,
        { text: t('lora-not-compression.optionFull', { full: c.full, lora: c.lora }), explanation: t('lora-not-compression.explainFull') },
        [
          { text: t('lora-not-compression.optionSmaller', { lora: c.lora, ratio: Math.round(c.ratio) }), explanation: t('lora-not-compression.explainSmaller') },
          { text: t('lora-not-compression.optionSvd'), explanation: t('lora-not-compression.explainSvd') },
          { text: t('lora-not-compression.optionFaster'), explanation: t('lora-not-compression.explainFaster') },
        ]),
      solution: [t('lora-not-compression.solutionSvd'), t('lora-not-compression.solutionLora')],
    };
  },
};

export const lessonEight = [rankOfBA, gpt3Ratio, rankForBudget, loraNotCompression];
