import Fraction from 'fraction.js';
import { seededRandom } from '../linalg/seeded-random';
import { subspaceSimilarity } from '../linalg/subspace';
import { slipMessage } from './checking';
import { fixed, int, pick } from './draw';
import type { ExerciseGenerator, SweepData, Verdict } from './types';

/** Lesson 7: φ for two rank-1 adapters and for random subspaces, the amplification factor, choosing r. */

const NAMES: Record<string, string> = { wq: 'Wq', wk: 'Wk', wv: 'Wv', wo: 'Wo' };
const label = (targets: string[]) => `{${targets.map((t) => NAMES[t] ?? t).join(', ')}}`;

function needSweep(data: { sweep?: SweepData }): SweepData {
  if (!data.sweep) throw new Error('this exercise needs the shipped rank sweep');
  return data.sweep;
}

export const phiRankOne: ExerciseGenerator = {
  id: 'phi-rank-one',
  generate(seed) {
    const random = seededRandom(seed);
    const k = pick(random, [3, 4]);
    const vector = () => {
      for (;;) {
        const v = Array.from({ length: k }, () => int(random, -3, 3));
        if (v.some((x) => x !== 0)) return v;
      }
    };
    const u = vector(), v = vector();
    // Rounded to 12 places: orthogonal rows give 0, not a rounding residue a reader cannot type.
    const phi = Number(subspaceSimilarity([u], [v], 1, 1).toFixed(12));
    const dot = u.reduce((s, x, t) => s + x * v[t], 0);
    const uu = u.reduce((s, x) => s + x * x, 0), vv = v.reduce((s, x) => s + x * x, 0);
    return {
      prompt: [{ type: 'text', text: `Two rank-1 adapters have A₁ = [${u.join(', ')}] and A₂ = [${v.join(', ')}] (each 1 × ${k}). What is φ(A₁, A₂, 1, 1)? Two decimals.` }],
      expected: { kind: 'number', value: phi, tolerance: 0.006 },
      solution: ['With one row each, the top right singular vectors are the rows themselves, normalised.',
        `φ = (u · v)² / (‖u‖² ‖v‖²) = ${dot}² / (${uu} × ${vv}) = ${dot * dot}/${uu * vv} ≈ ${fixed(phi, 2)}: the squared cosine of the angle between them.`],
      diagnose: (given) => slipMessage(given as number, [
        [Math.abs(dot) / Math.sqrt(uu * vv), 'That is the cosine; φ squares it.'],
        [dot * dot, 'Normalise first: divide by ‖u‖² ‖v‖².'],
      ], 0.006),
    };
  },
};

export const phiRandom: ExerciseGenerator = {
  id: 'phi-random',
  generate(seed) {
    const random = seededRandom(seed);
    const k = pick(random, [64, 128, 256, 512]);
    const i = pick(random, [1, 2, 4, 8]);
    const j = pick(random, [8, 16, 32, 64].filter((x) => x >= i));
    const value = new Fraction(Math.max(i, j), k);
    return {
      prompt: [{ type: 'text', text: `Two random subspaces of ℝ^${k}, of dimensions i = ${i} and j = ${j}: about what value of φ(i, j) would chance alone give? An exact fraction or a decimal.` }],
      expected: { kind: 'fraction', value },
      solution: [`Each of the i top directions of one has an expected squared projection of j / k onto the other subspace, so ‖U_iᵀ V_j‖² ≈ i j / k.`,
        `Dividing by min(i, j) = ${Math.min(i, j)} gives φ ≈ max(i, j) / k = ${Math.max(i, j)}/${k} = ${value.toFraction()}: a trained pair well above this shares directions.`],
      diagnose: (given) => slipMessage(given as number, [
        [Math.min(i, j) / k, 'That is min(i, j) / k: the sum i j / k is divided by min(i, j), which leaves max(i, j) / k.'],
        [(i * j) / k, 'That is ‖U_iᵀ V_j‖² itself; φ divides it by min(i, j).'],
      ], 1e-9),
    };
  },
};

export const amplification: ExerciseGenerator = {
  id: 'amplification',
  generate(seed) {
    const random = seededRandom(seed);
    const r = pick(random, [2, 3, 4]);
    const s = Array.from({ length: r }, () => int(random, 1, 9)).sort((a, b) => b - a);
    const deltaNorm = Math.hypot(...s);
    const projected = int(random, 2, 40) / 10;
    const factor = deltaNorm / projected;
    return {
      prompt: [{ type: 'text', text: `A rank-${r} ΔW has singular values ${s.join(', ')}. Projected onto ΔW’s own ${r} singular directions, W has ‖Uᵀ W Vᵀ‖_F = ${projected}. What is the amplification factor ‖ΔW‖_F / ‖Uᵀ W Vᵀ‖_F? One decimal.` }],
      expected: { kind: 'number', value: factor, tolerance: 0.051 },
      solution: [`‖ΔW‖_F = √(${s.map((x) => `${x}²`).join(' + ')}) = √${s.reduce((a, x) => a + x * x, 0)} ≈ ${fixed(deltaNorm, 3)}.`,
        `${fixed(deltaNorm, 3)} / ${projected} ≈ ${fixed(factor, 1)}: ΔW strengthens directions W already has but barely uses.`],
      diagnose: (given) => slipMessage(given as number, [
        [s[0] / projected, 'That uses σ₁ alone (the spectral norm); the Frobenius norm adds every σ².'],
        [s.reduce((a, x) => a + x, 0) / projected, 'Square the σ before adding, then take the square root.'],
        [projected / deltaNorm, 'Upside down: ‖ΔW‖_F goes on top.'],
      ], 0.051),
    };
  },
};

export const chooseR: ExerciseGenerator = {
  id: 'choose-r',
  generate(seed, data) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const keys = [...new Set(sweep.cells.map((c) => c.targets.join('-')))];
    const key = pick(random, keys);
    const row = sweep.cells.filter((c) => c.targets.join('-') === key).sort((a, b) => a.r - b.r);
    const margin = pick(random, [0.02, 0.05, 0.1, 0.2]);
    const best = Math.min(...row.map((c) => c.validationLoss));
    const chosen = row.find((c) => c.validationLoss <= best + margin)!;
    const bestCell = row.find((c) => c.validationLoss === best)!;
    return {
      prompt: [{ type: 'text', text: `After ${sweep.steps} steps, LoRA on ${label(row[0].targets)} reached these validation losses: ${row.map((c) => `r = ${c.r}: ${c.validationLoss.toFixed(3)}`).join('; ')}. What is the smallest r within ${margin} of the best?` }],
      expected: { kind: 'number', value: chosen.r, tolerance: 0 },
      solution: [`The best is ${best.toFixed(3)} (r = ${bestCell.r}); within ${margin} means at most ${(best + margin).toFixed(3)}.`,
        `The first rank under that is r = ${chosen.r} (${chosen.validationLoss.toFixed(3)}): a larger r costs more numbers for little gain.`],
      diagnose(given) {
        const cell = row.find((c) => c.r === given);
        if (!cell) return `The sweep tried r = ${row.map((c) => c.r).join(', ')}.`;
        if (cell.validationLoss > best + margin) return `r = ${cell.r} reached ${cell.validationLoss.toFixed(3)}, more than ${margin} above the best, ${best.toFixed(3)}.`;
        return `r = ${cell.r} is within ${margin}, but a smaller r is too.`;
      },
    };
  },
};

/** The widget task: pick, in the rank sweep, the cheapest cell under a loss drawn from the seed. */
export const sweepCell: ExerciseGenerator = {
  id: 'sweep-cell',
  generate(seed, data) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const losses = [...new Set(sweep.cells.map((c) => c.validationLoss))].sort((a, b) => a - b);
    // A threshold between two neighbouring losses, above at least two cells, rounded to 2 decimals.
    const candidates = losses.slice(1, -1).map((x, i) => Math.ceil(((x + losses[i + 2]) / 2) * 100) / 100)
      .filter((t) => sweep.cells.some((c) => c.validationLoss < t));
    const threshold = pick(random, candidates);
    const under = sweep.cells.filter((c) => c.validationLoss < threshold)
      .sort((a, b) => a.trainableParams - b.trainableParams || a.validationLoss - b.validationLoss);
    const answer = under[0];
    const key = answer.targets.join('-');
    return {
      prompt: [{ type: 'text', text: `In the rank sweep above, choose the cell that trains the fewest numbers while keeping the validation loss below ${threshold} (on a tie, the lower loss). Press Check with it chosen.` }],
      expected: { kind: 'widget', tag: 'rankbook-rank-sweep' },
      solution: [`Cells under ${threshold}: ${under.map((c) => `r = ${c.r} on ${label(c.targets)} (${c.trainableParams} numbers, ${c.validationLoss.toFixed(3)})`).join('; ')}.`,
        `The cheapest is r = ${answer.r} on ${label(answer.targets)}.`],
      checkState(state): Verdict {
        if (state.status !== 'ready') return { status: 'invalid', message: 'Wait until the rank sweep has loaded.' };
        const cell = sweep.cells.find((c) => c.targets.join('-') === state.targets && c.r === state.r);
        if (!cell) return { status: 'invalid', message: 'Choose one of the cells of the table.' };
        const what = `r = ${cell.r} on ${label(cell.targets)}`;
        if (cell.targets.join('-') === key && cell.r === answer.r) return { status: 'right', message: `Right: ${what} trains ${cell.trainableParams} numbers and reaches ${cell.validationLoss.toFixed(3)}.` };
        if (cell.validationLoss >= threshold) return { status: 'wrong', message: `${what} reaches ${cell.validationLoss.toFixed(3)}, not below ${threshold}.` };
        return { status: 'wrong', message: `${what} is under ${threshold}, but another cell under it trains ${cell.trainableParams > answer.trainableParams ? 'fewer numbers' : 'as few numbers with a lower loss'}.` };
      },
    };
  },
};

export const lessonSeven = [phiRankOne, phiRandom, amplification, chooseR, sweepCell];
