import { seededRandom } from '../linalg/seeded-random';
import { parameterCounts } from '../lora/anatomy';
import { DEFAULT_MODEL_CONFIG } from '../lora/config';
import { slipMessage } from './checking';
import { choice, pick } from './draw';
import { localeFixed } from '../i18n/numbers';
import type { ExerciseTranslate } from './messages/translate';
import type { ExerciseGenerator, SweepData, Verdict } from './types';

/** Lesson 6: trainable numbers and share in the shipped tiny model, the same budget spent differently, a task. */

const NAMES: Record<string, string> = { wq: 'Wq', wk: 'Wk', wv: 'Wv', wo: 'Wo' };
const label = (targets: string[]) => `{${targets.map((t) => NAMES[t] ?? t).join(', ')}}`;
const { dModel, nLayers } = DEFAULT_MODEL_CONFIG;
/** Trainable numbers for attention targets of the tiny model (each dModel x dModel). */
const tinyTrainable = (r: number, targets: number) => nLayers * targets * parameterCounts(dModel, dModel, r).lora;

/** A run of the sweep by its adapter, "r = 4 on {Wq, Wv}": shared with lesson 7's exercises. */
export const adapterText = (t: ExerciseTranslate, cell: { r: number; targets: string[] }): string =>
  t('sweep.adapter', { r: String(cell.r), targets: label(cell.targets) });

function needSweep(data: { sweep?: SweepData }): SweepData {
  if (!data.sweep) throw new Error('this exercise needs the shipped rank sweep');
  return data.sweep;
}

export const tinyTrainableCount: ExerciseGenerator = {
  id: 'tiny-trainable',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2, 4, 8, 16, 64]);
    const targets = pick(random, [['wq'], ['wq', 'wv'], ['wq', 'wk', 'wv', 'wo'], ['wk', 'wo']]);
    const total = tinyTrainable(r, targets.length);
    const one = parameterCounts(dModel, dModel, r).lora;
    return {
      prompt: [{ type: 'text', text: t('tiny-trainable.prompt', { blocks: nLayers, width: String(dModel), r: String(r), targets: label(targets) }) }],
      expected: { kind: 'number', value: total, tolerance: 0 },
      solution: [t('tiny-trainable.solutionOne', { r: String(r), d: String(dModel), one }),
        t('tiny-trainable.solutionTotal', { blocks: nLayers, matrices: targets.length, one, total })],
      diagnose: (given) => slipMessage(given as number, [
        [total / nLayers, t('tiny-trainable.slipOneBlock', { blocks: nLayers })],
        [one, t('tiny-trainable.slipOneMatrix', { targets: label(targets), blocks: nLayers, matrices: nLayers * targets.length })],
        [nLayers * targets.length * dModel * dModel, t('tiny-trainable.slipFrozen')],
        [nLayers * targets.length * r * dModel, t('tiny-trainable.slipBOnly')],
      ]),
    };
  },
};

export const trainableShare: ExerciseGenerator = {
  id: 'trainable-share',
  generate(seed, data, t) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const cell = pick(random, sweep.cells);
    const percent = (100 * cell.trainableParams) / sweep.totalParams;
    return {
      prompt: [{ type: 'text', text: t('trainable-share.prompt', { total: sweep.totalParams, adapter: adapterText(t, cell), trainable: cell.trainableParams }) }],
      expected: { kind: 'number', value: percent, tolerance: 0.0051, unit: '%' },
      solution: [t('trainable-share.solutionShare', { n: cell.trainableParams, m: sweep.totalParams, p: localeFixed(t.lang, percent, 2) }),
        t('trainable-share.solutionFrozen', { frozen: localeFixed(t.lang, 100 - percent, 2) })],
      diagnose: (given) => slipMessage(given as number, [
        [percent / 100, t('trainable-share.slipFraction')],
        [100 - percent, t('trainable-share.slipFrozen')],
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
  generate(seed, data, t) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const budget = pick(random, sharedBudgets(sweep));
    const cells = sweep.cells.filter((c) => c.trainableParams === budget).sort((a, b) => a.validationLoss - b.validationLoss);
    const best = cells[0];
    const text = (c: typeof best) => adapterText(t, c);
    const loss = (c: typeof best) => localeFixed(t.lang, c.validationLoss, 3);
    const option = (c: typeof best) => ({
      text: text(c),
      explanation: c === best
        ? t('same-budget.explainBest', { adapter: text(c), loss: loss(c), count: cells.length })
        : t('same-budget.explainOther', { adapter: text(c), loss: loss(c), best: loss(best), bestAdapter: text(best) }),
    });
    const options = cells.map(option);
    return {
      prompt: [{ type: 'text', text: t('same-budget.prompt', { budget, steps: sweep.steps }) }],
      expected: choice(random, options[0], options.slice(1)),
      solution: cells.map((c) => t('same-budget.solutionRun', { adapter: text(c), loss: loss(c) })),
    };
  },
};

/** The widget task on the trainer: a budget the shipped runs show is reachable, and a loss under it. */
export const trainerBudget: ExerciseGenerator = {
  id: 'trainer-budget',
  generate(_seed, data, t) {
    const sweep = needSweep(data);
    const lossTarget = 1.8;
    const reaching = sweep.cells.filter((c) => c.validationLoss < lossTarget);
    const cheapest = reaching.reduce((a, b) => (b.trainableParams < a.trainableParams ? b : a));
    // The budget: the cheapest shipped run that gets there, rounded up to the next tenth of a percent.
    const budget = Math.ceil((1000 * cheapest.trainableParams) / sweep.totalParams) / 10;
    return {
      prompt: [{ type: 'text', text: t('trainer-budget.prompt', { budget, target: lossTarget }) }],
      expected: { kind: 'widget', tag: 'rankbook-lora-trainer' },
      solution: [t('trainer-budget.solutionRun', { adapter: adapterText(t, cheapest), trainable: cheapest.trainableParams,
        percent: localeFixed(t.lang, (100 * cheapest.trainableParams) / sweep.totalParams, 2), loss: localeFixed(t.lang, cheapest.validationLoss, 3), steps: sweep.steps }),
        t('trainer-budget.solutionHint')],
      checkState(state): Verdict {
        const trainable = Number(state.trainableParams), total = Number(state.totalParams);
        if (!(total > 0)) return { status: 'invalid', message: t('trainer-budget.waitModel') };
        if (state.busy || state.status === 'training' || state.status === 'loading') return { status: 'invalid', message: t('trainer-budget.waitTraining') };
        const share = (100 * trainable) / total;
        const percent = localeFixed(t.lang, share, 2);
        if (share >= budget) return { status: 'wrong', message: t('trainer-budget.overBudget', { trainable, percent, budget }) };
        const losses = Array.isArray(state.valLoss) ? (state.valLoss as number[]) : [];
        const last = losses[losses.length - 1];
        if (last === undefined || Number(state.step) === 0) return { status: 'invalid', message: t('trainer-budget.nowTrain', { percent }) };
        if (last >= lossTarget) return { status: 'wrong', message: t('trainer-budget.lossHigh', { percent, loss: localeFixed(t.lang, last, 3) }) };
        return { status: 'right', message: t('trainer-budget.right', { percent, loss: localeFixed(t.lang, last, 3) }) };
      },
    };
  },
};

export const lessonSix = [tinyTrainableCount, trainableShare, sameBudget, trainerBudget];
