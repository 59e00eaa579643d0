import { seededRandom } from '../linalg/seeded-random';
import { parameterCounts } from '../lora/anatomy';
import { DEFAULT_MODEL_CONFIG } from '../lora/config';
import { slipMessage } from './checking';
import { choice, fixed, num, pick } from './draw';
import type { ExerciseGenerator, SweepData, Verdict } from './types';

/** Lesson 6: trainable numbers and share in the shipped tiny model, the same budget spent differently, a task. */

const NAMES: Record<string, string> = { wq: 'Wq', wk: 'Wk', wv: 'Wv', wo: 'Wo' };
const label = (targets: string[]) => `{${targets.map((t) => NAMES[t] ?? t).join(', ')}}`;
const { dModel, nLayers } = DEFAULT_MODEL_CONFIG;
/** Trainable numbers for attention targets of the tiny model (each dModel x dModel). */
const tinyTrainable = (r: number, targets: number) => nLayers * targets * parameterCounts(dModel, dModel, r).lora;

function needSweep(data: { sweep?: SweepData }): SweepData {
  if (!data.sweep) throw new Error('this exercise needs the shipped rank sweep');
  return data.sweep;
}

export const tinyTrainableCount: ExerciseGenerator = {
  id: 'tiny-trainable',
  generate(seed) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8, 16, 64]);
    const targets = pick(random, [['wq'], ['wq', 'wv'], ['wq', 'wk', 'wv', 'wo'], ['wk', 'wo']]);
    const total = tinyTrainable(r, targets.length);
    const one = parameterCounts(dModel, dModel, r).lora;
    return {
      prompt: [{ type: 'text', text: `The course’s tiny model has ${nLayers} blocks of width ${dModel}; its attention matrices are ${dModel} × ${dModel}. LoRA with r = ${r} on ${label(targets)} in every block: how many numbers train?` }],
      expected: { kind: 'number', value: total, tolerance: 0 },
      solution: [`One matrix: r (d + k) = ${r} × (${dModel} + ${dModel}) = ${num(one)}.`,
        `${nLayers} blocks × ${targets.length} matrices × ${num(one)} = ${num(total)}.`],
      diagnose: (given) => slipMessage(given as number, [
        [total / nLayers, `That is one block: there are ${nLayers}.`],
        [one, `That is one matrix: ${label(targets)} in ${nLayers} blocks is ${nLayers * targets.length} matrices.`],
        [nLayers * targets.length * dModel * dModel, 'That is the frozen matrices themselves; B and A hold r (d + k) each.'],
        [nLayers * targets.length * r * dModel, 'That counts B only; A adds r × k more for each matrix.'],
      ]),
    };
  },
};

export const trainableShare: ExerciseGenerator = {
  id: 'trainable-share',
  generate(seed, data) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const cell = pick(random, sweep.cells);
    const percent = (100 * cell.trainableParams) / sweep.totalParams;
    return {
      prompt: [{ type: 'text', text: `The tiny model has ${num(sweep.totalParams)} parameters. LoRA with r = ${cell.r} on ${label(cell.targets)} trains ${num(cell.trainableParams)} of them. What percentage is that? Two decimals.` }],
      expected: { kind: 'number', value: percent, tolerance: 0.0051, unit: '%' },
      solution: [`${num(cell.trainableParams)} / ${num(sweep.totalParams)} × 100 ≈ ${fixed(percent, 2)}%.`,
        `The other ${fixed(100 - percent, 2)}% stay frozen: they need no gradients and no optimizer state.`],
      diagnose: (given) => slipMessage(given as number, [
        [percent / 100, 'That is a fraction; multiply by 100 for a percentage.'],
        [100 - percent, 'That is the share that stays frozen.'],
      ], 0.0051),
    };
  },
};

/** Budgets (trainable numbers) that at least three cells of the sweep share. */
function sharedBudgets(sweep: SweepData): number[] {
  const counts = new Map<number, number>();
  for (const c of sweep.cells) counts.set(c.trainableParams, (counts.get(c.trainableParams) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 3).map(([budget]) => budget).sort((a, b) => a - b);
}

export const sameBudget: ExerciseGenerator = {
  id: 'same-budget',
  generate(seed, data) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const budget = pick(random, sharedBudgets(sweep));
    const cells = sweep.cells.filter((c) => c.trainableParams === budget).sort((a, b) => a.validationLoss - b.validationLoss);
    const best = cells[0];
    const text = (c: typeof best) => `r = ${c.r} on ${label(c.targets)}`;
    const option = (c: typeof best) => ({
      text: text(c),
      explanation: c === best
        ? `Right: ${text(c)} reached ${c.validationLoss.toFixed(3)}, the lowest of the ${cells.length}. Spreading a budget over more matrices at a lower rank tends to beat a high rank on one.`
        : `${text(c)} reached ${c.validationLoss.toFixed(3)}, against ${best.validationLoss.toFixed(3)} for ${text(best)}.`,
    });
    const options = cells.map(option);
    return {
      prompt: [{ type: 'text', text: `Each of these LoRA runs trains exactly ${num(budget)} numbers of the tiny model on dinosaur names (${sweep.steps} steps). Which reached the lowest validation loss?` }],
      expected: choice(random, options[0], options.slice(1)),
      solution: cells.map((c) => `${text(c)}: validation loss ${c.validationLoss.toFixed(3)}.`),
    };
  },
};

/** The widget task on the trainer: a budget the shipped runs show is reachable, and a loss under it. */
export const trainerBudget: ExerciseGenerator = {
  id: 'trainer-budget',
  generate(_seed, data) {
    const sweep = needSweep(data);
    const lossTarget = 1.8;
    const reaching = sweep.cells.filter((c) => c.validationLoss < lossTarget);
    const cheapest = reaching.reduce((a, b) => (b.trainableParams < a.trainableParams ? b : a));
    // The budget: the cheapest shipped run that gets there, rounded up to the next tenth of a percent.
    const budget = Math.ceil((1000 * cheapest.trainableParams) / sweep.totalParams) / 10;
    return {
      prompt: [{ type: 'text', text: `In the trainer above, choose r and the matrices so that fewer than ${budget}% of the model’s numbers train, then train until the validation loss is below ${lossTarget}. Press Check when it is.` }],
      expected: { kind: 'widget', tag: 'rankbook-lora-trainer' },
      solution: [`In the shipped runs, r = ${cheapest.r} on ${label(cheapest.targets)} trains ${num(cheapest.trainableParams)} numbers (${fixed((100 * cheapest.trainableParams) / sweep.totalParams, 2)}%) and reaches ${cheapest.validationLoss.toFixed(3)} after ${sweep.steps} steps.`,
        'A low rank on several matrices is usually cheaper than a high rank on one for the same loss.'],
      checkState(state): Verdict {
        const trainable = Number(state.trainableParams), total = Number(state.totalParams);
        if (!(total > 0)) return { status: 'invalid', message: 'Wait until the trainer has loaded its model.' };
        if (state.busy || state.status === 'training' || state.status === 'loading') return { status: 'invalid', message: 'Wait until training stops, then check.' };
        const share = (100 * trainable) / total;
        if (share >= budget) return { status: 'wrong', message: `${num(trainable)} numbers train, ${fixed(share, 2)}% of the model: lower r or adapt fewer matrices to get under ${budget}%.` };
        const losses = Array.isArray(state.valLoss) ? (state.valLoss as number[]) : [];
        const last = losses[losses.length - 1];
        if (last === undefined || Number(state.step) === 0) return { status: 'invalid', message: `${fixed(share, 2)}% of the numbers train: within budget. Now train, then check.` };
        if (last >= lossTarget) return { status: 'wrong', message: `Within budget (${fixed(share, 2)}%), but the validation loss is ${last.toFixed(3)}: train longer, or spread the same budget over more matrices.` };
        return { status: 'right', message: `Right: ${fixed(share, 2)}% of the numbers train and the validation loss is ${last.toFixed(3)}.` };
      },
    };
  },
};

export const lessonSix = [tinyTrainableCount, trainableShare, sameBudget, trainerBudget];
