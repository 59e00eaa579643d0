import { seededRandom } from '../linalg/seeded-random';
import { GPT3, gpt3Counts, parameterCounts } from '../lora/anatomy';
import { slipMessage } from './checking';
import { choice, num, pick } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 8: the thread of the course, asked across lessons. */

export const rankOfBA: ExerciseGenerator = {
  id: 'rank-of-ba',
  generate(seed) {
    const random = seededRandom(seed);
    const d = pick(random, [64, 128, 512, 4096]);
    const k = pick(random, [64, 256, 1024, 12288]);
    const r = pick(random, [2, 4, 8, 16]);
    return {
      prompt: [{ type: 'text', text: `B is ${d} × ${r} and A is ${r} × ${k}. What is the largest rank ΔW = B A can have?` }],
      expected: choice(random,
        { text: `r = ${r}`, explanation: `Right: every column of B A is a mix of B’s ${r} columns, so rank(B A) ≤ ${r}.` },
        [
          { text: `min(d, k) = ${Math.min(d, k)}`, explanation: `That bounds any ${d} × ${k} matrix; B A is squeezed through ${r} dimensions first.` },
          { text: `r² = ${r * r}`, explanation: `Ranks do not multiply: B A’s columns all lie in the span of B’s ${r} columns.` },
          { text: `r (d + k) = ${num(r * (d + k))}`, explanation: 'That is the number of entries of B and A, not a rank.' },
        ]),
      solution: [`B A x = B (A x): whatever x is, the result is a combination of B’s ${r} columns.`,
        `So the column space of ΔW has dimension at most ${r}: LoRA’s update is low-rank by construction.`],
    };
  },
};

export const gpt3Ratio: ExerciseGenerator = {
  id: 'gpt3-ratio',
  generate(seed) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8]);
    const perLayer = pick(random, [1, 2, 4]);
    const counts = gpt3Counts(r, perLayer);
    return {
      prompt: [{ type: 'text', text: `GPT-3 has ${num(GPT3.parameters)} parameters in ${GPT3.layers} layers of width ${num(GPT3.dModel)}. LoRA with r = ${r} on ${perLayer} square matrix${perLayer === 1 ? '' : 'es'} a layer: how many times fewer numbers train than in full fine-tuning? Within 1%.` }],
      expected: { kind: 'number', value: counts.ratio, tolerance: counts.ratio * 0.01 },
      solution: [`Trainable: ${GPT3.layers} × ${perLayer} × ${r} × (${num(GPT3.dModel)} + ${num(GPT3.dModel)}) = ${num(counts.trainable)}.`,
        `${num(GPT3.parameters)} / ${num(counts.trainable)} ≈ ${num(Math.round(counts.ratio))}.`],
      diagnose: (given) => slipMessage(given as number, [
        [counts.ratio * GPT3.layers, `That counts one layer’s adapters: there are ${GPT3.layers} layers.`],
        [parameterCounts(GPT3.dModel, GPT3.dModel, r).ratio, 'That compares one matrix with its own B and A; the question compares the whole model.'],
      ], counts.ratio * 0.01),
    };
  },
};

export const rankForBudget: ExerciseGenerator = {
  id: 'rank-for-budget',
  generate(seed) {
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
      prompt: [{ type: 'text', text: `A model has ${layers} layers of width ${num(d)}. You adapt ${matrices} square ${num(d)} × ${num(d)} matrices a layer and can afford at most ${num(budget)} trainable numbers. What is the largest r that fits?` }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [`Each unit of rank costs ${layers} × ${matrices} × (${num(d)} + ${num(d)}) = ${num(perRank)} numbers.`,
        `${num(budget)} / ${num(perRank)} ≈ ${(budget / perRank).toFixed(2)}, so r = ${r} (${num(r * perRank)} numbers).`],
      diagnose: (given) => slipMessage(given as number, [
        [Math.floor(budget / (matrices * parameterCounts(d, d, 1).lora)), `That fits one layer; all ${layers} layers get adapters.`],
        [Math.floor(budget / (layers * matrices * d)), 'Each rank adds a column of B and a row of A: d + k numbers, not d.'],
      ]) ?? ((given as number) > r ? `r = ${given} needs ${num((given as number) * perRank)} numbers, over the budget.` : `r = ${(given as number) + 1} still fits: ${num(((given as number) + 1) * perRank)} numbers.`),
    };
  },
};

export const loraNotCompression: ExerciseGenerator = {
  id: 'lora-not-compression',
  generate(seed) {
    const random = seededRandom(seed);
    const d = pick(random, [768, 1024, 4096]);
    const r = pick(random, [4, 8, 16]);
    const c = parameterCounts(d, d, r);
    return {
      prompt: [{ type: 'text', text: `A ${num(d)} × ${num(d)} layer gets a rank-${r} LoRA update, which is then merged. Which statement is true?` }],
      expected: choice(random,
        { text: `The merged layer still holds ${num(c.full)} numbers; LoRA only trained ${num(c.lora)} of them.`, explanation: 'Right: W = W₀ + (alpha / r) B A is a full d × k matrix. LoRA saves training memory and checkpoint size, not model size.' },
        [
          { text: `The merged layer holds ${num(c.lora)} numbers, so the model is ${c.ratio.toFixed(0)} times smaller.`, explanation: 'No: merging adds B A into W₀, which keeps every one of its d k entries.' },
          { text: 'LoRA replaces W₀ by its best rank-r approximation, as SVD compression does.', explanation: 'No: W₀ stays whole and frozen; only the change ΔW is low-rank.' },
          { text: 'The merged layer runs faster than W₀ did.', explanation: 'No: merging adds no latency, but the product with a d × k matrix costs the same as before.' },
        ]),
      solution: ['SVD compression shrinks a matrix by keeping its top r layers: it loses information.',
        'LoRA keeps W₀ whole and learns a low-rank change: only training and the stored adapter get smaller.'],
    };
  },
};

export const lessonEight = [rankOfBA, gpt3Ratio, rankForBudget, loraNotCompression];
