import { fromNumbers, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { eliminate } from '../linalg/rref';
import { seededRandom } from '../linalg/seeded-random';
import { parameterCounts } from '../lora/anatomy';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, numIn, pick, readableMatrix, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 4: the update ΔW, its rank, what full fine-tuning trains, and what Adam keeps for it. */

function beforeAfter(seed: number, n: number, deltaRank: number) {
  const random = seededRandom(seed);
  const W0 = Array.from({ length: 3 }, () => Array.from({ length: n }, () => int(random, -5, 5)));
  const delta = readableMatrix(() => integerMatrixOfRank(3, n, deltaRank, random));
  const W = W0.map((row, i) => row.map((x, j) => x + delta[i][j]));
  return { random, W0, W, delta };
}

export const deltaW: ExerciseGenerator = {
  id: 'delta-w',
  generate(seed, _data, t) {
    const { W0, W, delta } = beforeAfter(seed, 3, 1 + (seed % 2));
    const exact = fromNumbers(delta);
    return {
      prompt: [{ type: 'text', text: t('delta-w.prompt') },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'W', rows: rowsText(W) }],
      expected: { kind: 'matrix', value: exact },
      solution: [t('delta-w.solutionEntries'), `ΔW = ${inline(delta)}.`],
      diagnose(given) {
        const g = given as FractionMatrix;
        if (g.every((row, i) => row.every((x, j) => x.equals(-delta[i][j])))) return t('delta-w.reversed');
        const row = firstWrongRow(g, exact);
        return t('delta-w.wrongRow', { row: row + 1, delta: inline([delta[row]]) });
      },
    };
  },
};

export const deltaWRank: ExerciseGenerator = {
  id: 'delta-w-rank',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2]);
    const { W0, W, delta } = beforeAfter(seed + 7919, 4, r);
    const found = eliminate(fromNumbers(delta));
    const rankW = eliminate(fromNumbers(W)).rank;
    return {
      prompt: [{ type: 'text', text: t('delta-w-rank.prompt') },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'W', rows: rowsText(W) }],
      expected: { kind: 'number', value: found.rank, tolerance: 0 },
      solution: [`ΔW = ${inline(delta)}.`, t('delta-w-rank.solutionReduced', { rref: inline(found.rref), rank: found.rank }),
        t('delta-w-rank.solutionBet')],
      diagnose: (given) => slipMessage(given as number, [
        [rankW, t('delta-w-rank.rankOfW', { rankW })],
      ]) ?? ((given as number) > found.rank
        ? t('delta-w-rank.tooMany', { rank: found.rank })
        : (given as number) <= 1 ? t('delta-w-rank.tooFewOne') : t('delta-w-rank.tooFew')),
    };
  },
};

export const fullCount: ExerciseGenerator = {
  id: 'full-count',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const layers = pick(random, [2, 4, 6, 12, 24]);
    const d = pick(random, [64, 128, 256, 512, 768]);
    const attention = 4 * parameterCounts(d, d, 1).full;
    const mlp = 2 * parameterCounts(d, 4 * d, 1).full;
    const total = layers * (attention + mlp);
    return {
      prompt: [{ type: 'text', text: t('full-count.prompt', { layers, d: String(d) }) }],
      expected: { kind: 'number', value: total, tolerance: 0 },
      solution: [t('full-count.solutionBlock', { d: String(d), d4: String(4 * d), attention: num(attention), mlp: num(mlp) }),
        t('full-count.solutionTotal', { layers: String(layers), block: num(attention + mlp), total: num(total) })],
      diagnose: (given) => slipMessage(given as number, [
        [attention + mlp, t('full-count.oneBlock', { layers })],
        [layers * attention, t('full-count.noMlp', { mlp: num(mlp) })],
        [layers * mlp, t('full-count.noAttention', { attention: num(attention) })],
        [layers * (attention + 2 * d * d), t('full-count.mlpShape')],
        [layers * (parameterCounts(d, d, 1).full + mlp), t('full-count.fourAttention')],
      ]),
    };
  },
};

export const adamMemory: ExerciseGenerator = {
  id: 'adam-memory',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const billions = pick(random, [0.125, 0.35, 1.3, 7, 13, 70, 175]);
    const params = billions * 1e9;
    const gb = (8 * params) / 1e9;
    return {
      prompt: [{ type: 'text', text: t('adam-memory.prompt', { billions }) }],
      expected: { kind: 'number', value: gb, tolerance: gb * 0.005, unit: 'GB' },
      solution: [t('adam-memory.solutionBytes'), t('adam-memory.solutionTotal', { params: num(params), bytes: num(8 * params), gb: num(gb) })],
      diagnose: (given) => slipMessage(given as number, [
        [gb / 2, t('adam-memory.oneNumber')],
        [2 * gb, t('adam-memory.weightsToo')],
        [(8 * params) / 2 ** 30, t('adam-memory.gib')],
        [gb / 4, t('adam-memory.fourBytes')],
      ], gb * 0.005),
    };
  },
};

export const lessonFour = [deltaW, deltaWRank, fullCount, adamMemory];
