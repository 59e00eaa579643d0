import { fromNumbers, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { eliminate } from '../linalg/rref';
import { seededRandom } from '../linalg/seeded-random';
import { parameterCounts } from '../lora/anatomy';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, num, pick, readableMatrix, rowsText } from './draw';
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
  generate(seed) {
    const { W0, W, delta } = beforeAfter(seed, 3, 1 + (seed % 2));
    const exact = fromNumbers(delta);
    return {
      prompt: [{ type: 'text', text: 'Fine-tuning changed a layer’s weights from W₀ to W. What is the update ΔW?' },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'W', rows: rowsText(W) }],
      expected: { kind: 'matrix', value: exact },
      solution: ['ΔW = W − W₀, entry by entry:', `ΔW = ${inline(delta)}.`],
      diagnose(given) {
        const g = given as FractionMatrix;
        if (g.every((row, i) => row.every((x, j) => x.equals(-delta[i][j])))) return 'That is W₀ − W: the update is what is added to W₀, W − W₀.';
        const row = firstWrongRow(g, exact);
        return `Row ${row + 1} differs: W's row ${row + 1} minus W₀'s is ${inline([delta[row]])}.`;
      },
    };
  },
};

export const deltaWRank: ExerciseGenerator = {
  id: 'delta-w-rank',
  generate(seed) {
    const random = seededRandom(seed);
    const r = pick(random, [1, 2]);
    const { W0, W, delta } = beforeAfter(seed + 7919, 4, r);
    const found = eliminate(fromNumbers(delta));
    const rankW = eliminate(fromNumbers(W)).rank;
    return {
      prompt: [{ type: 'text', text: 'Fine-tuning changed W₀ into W. What is the rank of the update ΔW = W − W₀?' },
        { type: 'matrix', label: 'W₀', rows: rowsText(W0) }, { type: 'matrix', label: 'W', rows: rowsText(W) }],
      expected: { kind: 'number', value: found.rank, tolerance: 0 },
      solution: [`ΔW = ${inline(delta)}.`, `Its reduced form ${inline(found.rref)} has ${found.rank} non-zero row${found.rank === 1 ? '' : 's'}: rank ${found.rank}.`,
        'A large change to every entry can still have a low rank: that is the bet LoRA makes.'],
      diagnose: (given) => slipMessage(given as number, [
        [rankW, `${rankW} is the rank of W itself. Subtract W₀ first, then reduce ΔW.`],
      ]) ?? ((given as number) > found.rank
        ? `Too many: after elimination only ${found.rank} row${found.rank === 1 ? '' : 's'} of ΔW keep a pivot.`
        : `Too few: ΔW's rows are not all multiples of ${(given as number) <= 1 ? 'one row' : 'so few rows'}.`),
    };
  },
};

export const fullCount: ExerciseGenerator = {
  id: 'full-count',
  generate(seed) {
    const random = seededRandom(seed);
    const layers = pick(random, [2, 4, 6, 12, 24]);
    const d = pick(random, [64, 128, 256, 512, 768]);
    const attention = 4 * parameterCounts(d, d, 1).full;
    const mlp = 2 * parameterCounts(d, 4 * d, 1).full;
    const total = layers * (attention + mlp);
    return {
      prompt: [{ type: 'text', text: `A transformer has ${layers} blocks of width d = ${d}. Each block has four attention matrices (Wq, Wk, Wv, Wo, each d × d) and an MLP of two matrices (d × 4d and 4d × d). How many weights in these matrices does full fine-tuning train?` }],
      expected: { kind: 'number', value: total, tolerance: 0 },
      solution: [`Attention: 4 × ${d}² = ${num(attention)} per block. MLP: 2 × ${d} × ${4 * d} = ${num(mlp)} per block.`,
        `${layers} blocks × ${num(attention + mlp)} = ${num(total)}: every one of them gets a gradient and an update.`],
      diagnose: (given) => slipMessage(given as number, [
        [attention + mlp, `That is one block: there are ${layers}.`],
        [layers * attention, `That leaves out the MLP, ${num(mlp)} weights a block.`],
        [layers * mlp, `That leaves out attention, ${num(attention)} weights a block.`],
        [layers * (attention + 2 * d * d), 'Each MLP matrix is d × 4d, not d × d.'],
        [layers * (parameterCounts(d, d, 1).full + mlp), 'There are four attention matrices, Wq, Wk, Wv and Wo.'],
      ]),
    };
  },
};

export const adamMemory: ExerciseGenerator = {
  id: 'adam-memory',
  generate(seed) {
    const random = seededRandom(seed);
    const billions = pick(random, [0.125, 0.35, 1.3, 7, 13, 70, 175]);
    const params = billions * 1e9;
    const gb = (8 * params) / 1e9;
    return {
      prompt: [{ type: 'text', text: `Adam keeps two 32-bit numbers (the moving averages m and v) for every parameter it trains. Full fine-tuning of a ${num(billions)}-billion-parameter model: how many gigabytes (10⁹ bytes) of optimizer state is that?` }],
      expected: { kind: 'number', value: gb, tolerance: gb * 0.005, unit: 'GB' },
      solution: [`2 numbers × 4 bytes = 8 bytes a parameter.`, `8 × ${num(params)} = ${num(8 * params)} bytes ≈ ${num(gb)} GB, on top of the weights and their gradients.`],
      diagnose: (given) => slipMessage(given as number, [
        [gb / 2, 'That counts one number a parameter: Adam keeps two, m and v.'],
        [2 * gb, 'That adds the weights and gradients too; the question asks for the optimizer state only.'],
        [(8 * params) / 2 ** 30, 'That is in GiB (2³⁰ bytes); the question asks for GB, 10⁹ bytes.'],
        [gb / 4, 'Each number is 4 bytes (32 bits).'],
      ], gb * 0.005),
    };
  },
};

export const lessonFour = [deltaW, deltaWRank, fullCount, adamMemory];
