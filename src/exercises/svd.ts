import { compressionFigures } from '../linalg/compression';
import { seededRandom, type Random } from '../linalg/seeded-random';
import { slipMessage } from './checking';
import { fixed, int, num, pick } from './draw';
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
  generate(seed) {
    const random = seededRandom(seed);
    const s = sigmas(random, 5, 20);
    const k = int(random, 1, 3);
    const tail = s.slice(k);
    const error = Math.sqrt(sumSquares(tail));
    return {
      prompt: [{ type: 'text', text: `A matrix has singular values ${list(s)}. What is ‖M − Mₖ‖_F, the Frobenius error of its best rank-${k} approximation? Give two decimals.` }],
      expected: { kind: 'number', value: error, tolerance: 0.006 },
      solution: [`Eckart–Young: the best rank-${k} approximation keeps σ₁…σ${sub(k)} and its error is the energy of the rest.`,
        `‖M − M${sub(k)}‖_F = √(${tail.map((x) => `${x}²`).join(' + ')}) = √${sumSquares(tail)} ≈ ${fixed(error, 2)}.`],
      diagnose: (given) => slipMessage(given as number, [
        [tail.reduce((a, x) => a + x, 0), 'You added the dropped σ themselves: square them, add, then take the square root.'],
        [sumSquares(tail), 'That is the squared error: take the square root.'],
        [Math.sqrt(sumSquares(s.slice(k - 1))), `That includes σ${sub(k)}, which the rank-${k} approximation keeps: start from σ${sub(k + 1)}.`],
        [Math.sqrt(sumSquares(s.slice(0, k))), 'That is the norm of what is kept; the error is the norm of what is dropped.'],
        [s[k], `σ${sub(k + 1)} is the error in the spectral norm; the Frobenius error adds every dropped σ².`],
      ], 0.006),
    };
  },
};

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).split('').map((d) => SUBSCRIPTS[Number(d)]).join('');

export const energyKept: ExerciseGenerator = {
  id: 'energy-kept',
  generate(seed) {
    const random = seededRandom(seed);
    const s = sigmas(random, 6, 30);
    const k = int(random, 1, 3);
    const f = compressionFigures([s], k, 6, 6);
    const percent = 100 * f.energyKept;
    return {
      prompt: [{ type: 'text', text: `A matrix has singular values ${list(s)}. What share of its energy (Σσ²) do the first ${k} layers keep? Give a percentage to one decimal.` }],
      expected: { kind: 'number', value: percent, tolerance: 0.051, unit: '%' },
      solution: [`Kept: ${s.slice(0, k).map((x) => `${x}²`).join(' + ')} = ${sumSquares(s.slice(0, k))}. Total: ${sumSquares(s)}.`,
        `${sumSquares(s.slice(0, k))} / ${sumSquares(s)} ≈ ${fixed(percent, 1)}%.`],
      diagnose: (given) => slipMessage(given as number, [
        [100 * f.sigmaShare, 'That is the share of Σσ; energy squares each σ first.'],
        [f.energyKept, 'That is the share as a fraction: give it as a percentage.'],
        [100 - percent, 'That is the share dropped, not the share kept.'],
      ], 0.051),
    };
  },
};

export const psnr: ExerciseGenerator = {
  id: 'psnr',
  generate(seed) {
    const random = seededRandom(seed);
    const size = pick(random, [8, 10, 12]);
    // A spectrum like a photograph's: one large σ, then a fast decay.
    const s = sigmas(random, 5, 40).map((x, i) => (i === 0 ? x + 900 : x * 10));
    s.sort((a, b) => b - a);
    const k = int(random, 1, 3);
    const f = compressionFigures([s], k, size, size);
    const dropped = sumSquares(s.slice(k));
    const mse = dropped / (size * size);
    return {
      prompt: [{ type: 'text', text: `A ${size} × ${size} grey image, pixels from 0 to 255, has singular values ${list(s)} (the rest are 0). What is the PSNR of its rank-${k} approximation, in dB, to one decimal?` }],
      expected: { kind: 'number', value: f.psnr, tolerance: 0.051, unit: 'dB' },
      solution: [`Dropped energy: ${s.slice(k).map((x) => `${x}²`).join(' + ')} = ${num(dropped)}; spread over ${size * size} pixels that is a mean squared error of ${fixed(mse, 2)}.`,
        `PSNR = 10 log₁₀(255² / MSE) = 10 log₁₀(65025 / ${fixed(mse, 2)}) ≈ ${fixed(f.psnr, 1)} dB.`],
      diagnose: (given) => slipMessage(given as number, [
        [10 * Math.log10(65025 / dropped), 'Divide the dropped energy by the number of pixels to get the mean squared error.'],
        [10 * Math.log10(255 / mse), 'The peak is squared too: 255², not 255.'],
        [20 * Math.log10(65025 / mse), 'PSNR is 10 log₁₀ of a ratio of squares (or 20 log₁₀ of 255 / RMSE), not 20 log₁₀ of the squared ratio.'],
        [10 * Math.log10(65025 / (sumSquares(s.slice(0, k)) / (size * size))), 'Use the energy dropped, not the energy kept.'],
      ], 0.051),
    };
  },
};

export const svdStorage: ExerciseGenerator = {
  id: 'svd-storage',
  generate(seed) {
    const random = seededRandom(seed);
    const width = pick(random, [256, 320, 451, 512, 640]);
    const height = pick(random, [200, 300, 384, 480]);
    const k = pick(random, [5, 10, 20, 25, 50]);
    const channels = pick(random, [1, 3]);
    const zeros = Array.from({ length: channels }, () => new Float64Array(Math.min(width, height)));
    const f = compressionFigures(zeros, k, width, height);
    const what = channels === 3 ? 'colour (one SVD per red, green and blue channel)' : 'grey';
    return {
      prompt: [{ type: 'text', text: `A ${what} image is ${width} × ${height} pixels. How many numbers are stored to keep its first ${k} SVD layers (σ, a column of U and a row of Vᵀ each)?` }],
      expected: { kind: 'number', value: f.storedNumbers, tolerance: 0 },
      solution: [`One layer is σᵢ, a column uᵢ (${height} numbers) and a row vᵢᵀ (${width}): ${width + height + 1} numbers.`,
        `${k} layers × ${width + height + 1}${channels === 3 ? ' × 3 channels' : ''} = ${num(f.storedNumbers)}, against ${num(f.fullNumbers)} pixel values.`],
      diagnose: (given) => slipMessage(given as number, [
        [channels * k * (width + height), 'Each layer also stores its σ: k (m + n + 1).'],
        [k * (width + height + 1), 'A colour image has three channels, each with its own SVD.'],
        [k * (width + height), 'Each layer also stores its σ, and a colour image has three channels.'],
        [f.fullNumbers, 'That is the full image; count the layers instead.'],
      ]),
    };
  },
};

/** The widget task: find the smallest k whose PSNR on Chelsea the cat is at least 30 dB. */
export const psnrCat: ExerciseGenerator = {
  id: 'psnr-cat',
  generate() {
    const target = 30;
    const key = (state: Record<string, unknown>, k: number) => `${state.image}/${state.mode}/${k}`;
    return {
      prompt: [{ type: 'text', text: `In the SVD compressor above, open “Chelsea the cat” and find the smallest k that keeps PSNR ≥ ${target} dB. Leave the slider there and press Check.` }],
      expected: { kind: 'widget', tag: 'rankbook-svd-compressor' },
      solution: ['Move the slider until the PSNR line reads 30 dB or more, then step down by one with the arrow key: if it falls below 30 dB you had the smallest k.',
        'PSNR rises with k because every extra layer shrinks the dropped energy, and with it the mean squared error.'],
      remember(state, memory) {
        if (state.status === 'ready' && typeof state.psnr === 'number' && typeof state.k === 'number') memory.set(key(state, state.k), state.psnr);
      },
      checkState(state, memory): Verdict {
        if (state.image !== 'chelsea') return { status: 'invalid', message: 'Open “Chelsea the cat” in the compressor first.' };
        if (state.status !== 'ready' || typeof state.psnr !== 'number' || typeof state.k !== 'number') {
          return { status: 'invalid', message: 'Wait until the compressor has finished decomposing the cat.' };
        }
        const k = state.k;
        if (state.psnr < target) return { status: 'wrong', message: `At k = ${k} the PSNR is ${state.psnr.toFixed(1)} dB, under ${target} dB: raise k.` };
        if (k === 1) return { status: 'right', message: `Right: k = 1 already gives ${state.psnr.toFixed(1)} dB.` };
        const below = memory.get(key(state, k - 1));
        if (below === undefined) return { status: 'invalid', message: `At k = ${k} the PSNR is ${state.psnr.toFixed(1)} dB. Step down to k = ${k - 1} once to see whether it still holds, then come back and check.` };
        if (below >= target) return { status: 'wrong', message: `k = ${k - 1} already gives ${below.toFixed(1)} dB: a smaller k works.` };
        return { status: 'right', message: `Right: k = ${k} gives ${state.psnr.toFixed(1)} dB and k = ${k - 1} only ${below.toFixed(1)} dB.` };
      },
    };
  },
};

export const lessonThree = [eckartYoung, energyKept, psnr, svdStorage, psnrCat];
