import { compressionFigures } from '../linalg/compression';
import { seededRandom, type Random } from '../linalg/seeded-random';
import { slipMessage } from './checking';
import { fixed, int, numIn, pick } from './draw';
import type { ExerciseGenerator, Verdict } from './types';

/** Lesson 3: Eckart-Young error, energy kept, PSNR and storage of a rank-k image, and a task on the cat. */

/** n distinct singular values, descending, whole numbers so a reader can square them by hand. */
function sigmas(random: Random, n: number, top: number): number[] {
  const values = new Set<number>();
  while (values.size < n) values.add(int(random, 1, top));
  return [...values].sort((a, b) => b - a);
}
const list = (s: number[]) => s.join(', ');
const sumSquares = (s: number[]) => s.reduce((a, x) => a + x * x, 0);

export const eckartYoung: ExerciseGenerator = {
  id: 'eckart-young',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const s = sigmas(random, 5, 20);
    const k = int(random, 1, 3);
    const tail = s.slice(k);
    const error = Math.sqrt(sumSquares(tail));
    return {
      prompt: [{ type: 'text', text: t('eckart-young.prompt', { values: list(s), k: String(k) }) }],
      expected: { kind: 'number', value: error, tolerance: 0.006 },
      solution: [t('eckart-young.solutionKeeps', { k: String(k), last: sub(k) }),
        `‖M − M${sub(k)}‖_F = √(${tail.map((x) => `${x}²`).join(' + ')}) = √${sumSquares(tail)} ≈ ${fixed(error, 2)}.`],
      diagnose: (given) => slipMessage(given as number, [
        [tail.reduce((a, x) => a + x, 0), t('eckart-young.notSquared')],
        [sumSquares(tail), t('eckart-young.noRoot')],
        [Math.sqrt(sumSquares(s.slice(k - 1))), t('eckart-young.oneTooMany', { kept: sub(k), k: String(k), first: sub(k + 1) })],
        [Math.sqrt(sumSquares(s.slice(0, k))), t('eckart-young.kept')],
        [s[k], t('eckart-young.spectral', { first: sub(k + 1) })],
      ], 0.006),
    };
  },
};

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).split('').map((d) => SUBSCRIPTS[Number(d)]).join('');

export const energyKept: ExerciseGenerator = {
  id: 'energy-kept',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const s = sigmas(random, 6, 30);
    const k = int(random, 1, 3);
    const f = compressionFigures([s], k, 6, 6);
    const percent = 100 * f.energyKept;
    return {
      prompt: [{ type: 'text', text: t('energy-kept.prompt', { values: list(s), k }) }],
      expected: { kind: 'number', value: percent, tolerance: 0.051, unit: '%' },
      solution: [t('energy-kept.solutionSums', { squares: s.slice(0, k).map((x) => `${x}²`).join(' + '), kept: String(sumSquares(s.slice(0, k))), total: String(sumSquares(s)) }),
        `${sumSquares(s.slice(0, k))} / ${sumSquares(s)} ≈ ${fixed(percent, 1)}%.`],
      diagnose: (given) => slipMessage(given as number, [
        [100 * f.sigmaShare, t('energy-kept.notSquared')],
        [f.energyKept, t('energy-kept.fraction')],
        [100 - percent, t('energy-kept.dropped')],
      ], 0.051),
    };
  },
};

export const psnr: ExerciseGenerator = {
  id: 'psnr',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const size = pick(random, [8, 10, 12]);
    // A spectrum like a photograph's: one large σ, then a fast decay.
    const s = sigmas(random, 5, 40).map((x, i) => (i === 0 ? x + 900 : x * 10));
    s.sort((a, b) => b - a);
    const k = int(random, 1, 3);
    const f = compressionFigures([s], k, size, size);
    const dropped = sumSquares(s.slice(k));
    const mse = dropped / (size * size);
    return {
      prompt: [{ type: 'text', text: t('psnr.prompt', { size: String(size), values: list(s), k: String(k) }) }],
      expected: { kind: 'number', value: f.psnr, tolerance: 0.051, unit: 'dB' },
      solution: [t('psnr.solutionError', { squares: s.slice(k).map((x) => `${x}²`).join(' + '), dropped: num(dropped), pixels: String(size * size), mse: fixed(mse, 2) }),
        `PSNR = 10 log₁₀(255² / MSE) = 10 log₁₀(65025 / ${fixed(mse, 2)}) ≈ ${fixed(f.psnr, 1)} dB.`],
      diagnose: (given) => slipMessage(given as number, [
        [10 * Math.log10(65025 / dropped), t('psnr.perPixel')],
        [10 * Math.log10(255 / mse), t('psnr.peakSquared')],
        [20 * Math.log10(65025 / mse), t('psnr.twenty')],
        [10 * Math.log10(65025 / (sumSquares(s.slice(0, k)) / (size * size))), t('psnr.keptEnergy')],
      ], 0.051),
    };
  },
};

export const svdStorage: ExerciseGenerator = {
  id: 'svd-storage',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const width = pick(random, [256, 320, 451, 512, 640]);
    const height = pick(random, [200, 300, 384, 480]);
    const k = pick(random, [5, 10, 20, 25, 50]);
    const channels = pick(random, [1, 3]);
    const zeros = Array.from({ length: channels }, () => new Float64Array(Math.min(width, height)));
    const f = compressionFigures(zeros, k, width, height);
    const colour = channels === 3;
    const sizes = { width: String(width), height: String(height), k };
    const counts = { k: String(k), layer: String(width + height + 1), stored: num(f.storedNumbers), full: num(f.fullNumbers) };
    return {
      prompt: [{ type: 'text', text: colour ? t('svd-storage.promptColour', sizes) : t('svd-storage.promptGrey', sizes) }],
      expected: { kind: 'number', value: f.storedNumbers, tolerance: 0 },
      solution: [t('svd-storage.solutionLayer', { height: String(height), width: String(width), layer: counts.layer }),
        colour ? t('svd-storage.solutionColour', counts) : t('svd-storage.solutionGrey', counts)],
      diagnose: (given) => slipMessage(given as number, [
        [channels * k * (width + height), t('svd-storage.sigma')],
        [k * (width + height + 1), t('svd-storage.channels')],
        [k * (width + height), t('svd-storage.sigmaAndChannels')],
        [f.fullNumbers, t('svd-storage.full')],
      ]),
    };
  },
};

/** The widget task: find the smallest k whose PSNR on Chelsea the cat is at least 30 dB. */
export const psnrCat: ExerciseGenerator = {
  id: 'psnr-cat',
  generate(_seed, _data, t) {
    const target = 30;
    const key = (state: Record<string, unknown>, k: number) => `${state.image}/${state.mode}/${k}`;
    return {
      prompt: [{ type: 'text', text: t('psnr-cat.prompt', { target: String(target) }) }],
      expected: { kind: 'widget', tag: 'rankbook-svd-compressor' },
      solution: [t('psnr-cat.solutionSlider', { target: String(target) }), t('psnr-cat.solutionWhy')],
      remember(state, memory) {
        if (state.status === 'ready' && typeof state.psnr === 'number' && typeof state.k === 'number') memory.set(key(state, state.k), state.psnr);
      },
      checkState(state, memory): Verdict {
        if (state.image !== 'chelsea') return { status: 'invalid', message: t('psnr-cat.openCat') };
        if (state.status !== 'ready' || typeof state.psnr !== 'number' || typeof state.k !== 'number') {
          return { status: 'invalid', message: t('psnr-cat.wait') };
        }
        const k = String(state.k), psnr = state.psnr.toFixed(1), lower = String(state.k - 1);
        if (state.psnr < target) return { status: 'wrong', message: t('psnr-cat.under', { k, psnr, target: String(target) }) };
        if (state.k === 1) return { status: 'right', message: t('psnr-cat.rightAtOne', { psnr }) };
        const below = memory.get(key(state, state.k - 1));
        if (below === undefined) return { status: 'invalid', message: t('psnr-cat.stepDown', { k, psnr, lower }) };
        if (below >= target) return { status: 'wrong', message: t('psnr-cat.smallerWorks', { lower, below: below.toFixed(1) }) };
        return { status: 'right', message: t('psnr-cat.right', { k, psnr, lower, below: below.toFixed(1) }) };
      },
    };
  },
};

export const lessonThree = [eckartYoung, energyKept, psnr, svdStorage, psnrCat];
