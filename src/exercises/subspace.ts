import Fraction from 'fraction.js';
import { seededRandom } from '../linalg/seeded-random';
import { subspaceSimilarity } from '../linalg/subspace';
import { slipMessage } from './checking';
import { fixed, int, pick } from './draw';
import { localeFixed } from '../i18n/numbers';
import { adapterText } from './training';
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
  generate(seed, _data, t) {
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
      prompt: [{ type: 'text', text: t('phi-rank-one.prompt', { u: u.join(', '), v: v.join(', '), k: String(k) }) }],
      expected: { kind: 'number', value: phi, tolerance: 0.006 },
      solution: [t('phi-rank-one.solutionRows'),
        t('phi-rank-one.solutionPhi', { dot: String(dot), uu: String(uu), vv: String(vv), top: String(dot * dot), bottom: String(uu * vv), phi: localeFixed(t.lang, phi, 2) })],
      diagnose: (given) => slipMessage(given as number, [
        [Math.abs(dot) / Math.sqrt(uu * vv), t('phi-rank-one.slipCosine')],
        [dot * dot, t('phi-rank-one.slipNormalise')],
      ], 0.006),
    };
  },
};

export const phiRandom: ExerciseGenerator = {
  id: 'phi-random',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const k = pick(random, [64, 128, 256, 512]);
    const i = pick(random, [1, 2, 4, 8]);
    const j = pick(random, [8, 16, 32, 64].filter((x) => x >= i));
    const value = new Fraction(Math.max(i, j), k);
    return {
      prompt: [{ type: 'text', text: t('phi-random.prompt', { k: String(k), i: String(i), j: String(j) }) }],
      expected: { kind: 'fraction', value },
      solution: [t('phi-random.solutionProjection'),
        t('phi-random.solutionPhi', { min: String(Math.min(i, j)), max: String(Math.max(i, j)), k: String(k), value: value.toFraction() })],
      diagnose: (given) => slipMessage(given as number, [
        [Math.min(i, j) / k, t('phi-random.slipMin')],
        [(i * j) / k, t('phi-random.slipUndivided')],
      ], 1e-9),
    };
  },
};

export const amplification: ExerciseGenerator = {
  id: 'amplification',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const r = pick(random, [2, 3, 4]);
    const s = Array.from({ length: r }, () => int(random, 1, 9)).sort((a, b) => b - a);
    const deltaNorm = Math.hypot(...s);
    const projected = int(random, 2, 40) / 10;
    const factor = deltaNorm / projected;
    return {
      prompt: [{ type: 'text', text: t('amplification.prompt', { r: String(r), values: s.join(', '), projected: String(projected) }) }],
      expected: { kind: 'number', value: factor, tolerance: 0.051 },
      solution: [`‖ΔW‖_F = √(${s.map((x) => `${x}²`).join(' + ')}) = √${s.reduce((a, x) => a + x * x, 0)} ≈ ${fixed(deltaNorm, 3)}.`,
        t('amplification.solutionFactor', { norm: fixed(deltaNorm, 3), projected: String(projected), factor: fixed(factor, 1) })],
      diagnose: (given) => slipMessage(given as number, [
        [s[0] / projected, t('amplification.slipSpectral')],
        [s.reduce((a, x) => a + x, 0) / projected, t('amplification.slipSquare')],
        [projected / deltaNorm, t('amplification.slipUpsideDown')],
      ], 0.051),
    };
  },
};

export const chooseR: ExerciseGenerator = {
  id: 'choose-r',
  generate(seed, data, t) {
    const sweep = needSweep(data);
    const random = seededRandom(seed);
    const keys = [...new Set(sweep.cells.map((c) => c.targets.join('-')))];
    const key = pick(random, keys);
    const row = sweep.cells.filter((c) => c.targets.join('-') === key).sort((a, b) => a.r - b.r);
    const margin = pick(random, [0.02, 0.05, 0.1, 0.2]);
    const best = Math.min(...row.map((c) => c.validationLoss));
    const chosen = row.find((c) => c.validationLoss <= best + margin)!;
    const bestCell = row.find((c) => c.validationLoss === best)!;
    const loss = (x: number) => localeFixed(t.lang, x, 3);
    return {
      prompt: [{ type: 'text', text: t('choose-r.prompt', { steps: sweep.steps, targets: label(row[0].targets),
        losses: row.map((c) => `r = ${c.r}: ${loss(c.validationLoss)}`).join(t('sweep.listSeparator')), margin }) }],
      expected: { kind: 'number', value: chosen.r, tolerance: 0 },
      solution: [t('choose-r.solutionBest', { best: loss(best), r: String(bestCell.r), margin, limit: loss(best + margin) }),
        t('choose-r.solutionFirst', { r: String(chosen.r), loss: loss(chosen.validationLoss) })],
      diagnose(given) {
        const cell = row.find((c) => c.r === given);
        if (!cell) return t('choose-r.slipUntried', { ranks: row.map((c) => c.r).join(', ') });
        if (cell.validationLoss > best + margin) return t('choose-r.slipTooHigh', { r: String(cell.r), loss: loss(cell.validationLoss), margin, best: loss(best) });
        return t('choose-r.slipNotSmallest', { r: String(cell.r), margin });
      },
    };
  },
};

/** The widget task: pick, in the rank sweep, the cheapest cell under a loss drawn from the seed. */
export const sweepCell: ExerciseGenerator = {
  id: 'sweep-cell',
  generate(seed, data, t) {
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
    const loss = (x: number) => localeFixed(t.lang, x, 3);
    return {
      prompt: [{ type: 'text', text: t('sweep-cell.prompt', { threshold }) }],
      expected: { kind: 'widget', tag: 'rankbook-rank-sweep' },
      solution: [t('sweep-cell.solutionCells', { threshold, cells: under.map((c) => t('sweep-cell.cellText',
        { adapter: adapterText(t, c), trainable: c.trainableParams, loss: loss(c.validationLoss) })).join(t('sweep.listSeparator')) }),
        t('sweep-cell.solutionCheapest', { adapter: adapterText(t, answer) })],
      checkState(state): Verdict {
        if (state.status !== 'ready') return { status: 'invalid', message: t('sweep-cell.waitSweep') };
        const cell = sweep.cells.find((c) => c.targets.join('-') === state.targets && c.r === state.r);
        if (!cell) return { status: 'invalid', message: t('sweep-cell.chooseCell') };
        const what = adapterText(t, cell);
        const reached = loss(cell.validationLoss);
        if (cell.targets.join('-') === key && cell.r === answer.r) return { status: 'right', message: t('sweep-cell.right', { adapter: what, trainable: cell.trainableParams, loss: reached }) };
        if (cell.validationLoss >= threshold) return { status: 'wrong', message: t('sweep-cell.notBelow', { adapter: what, loss: reached, threshold }) };
        return { status: 'wrong', message: cell.trainableParams > answer.trainableParams
          ? t('sweep-cell.cheaperExists', { adapter: what, threshold }) : t('sweep-cell.lowerLossExists', { adapter: what, threshold }) };
      },
    };
  },
};

export const lessonSeven = [phiRankOne, phiRandom, amplification, chooseR, sweepCell];
