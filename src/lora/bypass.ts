import { rank } from '../linalg/rank';
import { createRng } from './random';
import { parameterCounts, type ParameterCounts } from './anatomy';

/**
 * One small LoRA layer as numbers, for the bypass picture (no DOM): a frozen d x k W0, B (d x r) and A (r x k),
 * an input x, and what each path makes of it. h = W0 x + (alpha/r) B (A x) through the bypass; the merged
 * W = W0 + (alpha/r) B A gives the same h in one product (Hu et al., LoRA, 2021, section 4.1).
 */

/** Largest d and k the picture draws: every entry stays a visible cell on a phone. */
export const BYPASS_SIZE_MAX = 12;

export interface BypassLayer {
  d: number;
  k: number;
  r: number;
  alpha: number;
  W0: number[][];
  /** d x r: column s is the s-th output direction. */
  B: number[][];
  /** r x k: row s is the s-th input direction. */
  A: number[][];
}

/** Small whole numbers, so that a reader can check a product by hand; 0 is allowed. */
const entry = (rng: ReturnType<typeof createRng>) => rng.int(7) - 3;

/**
 * A layer whose entries depend only on the seed and the entry's position: B's column s and A's row s are the
 * same for every r >= s + 1, so raising r by one adds one layer b_s a_s^T to B A and keeps the rest.
 */
export function bypassLayer(d: number, k: number, r: number, alpha: number, seed = 1): BypassLayer {
  const grid = (rows: number, cols: number, salt: number) => {
    const rng = createRng(seed * 7919 + salt);
    const full = Array.from({ length: BYPASS_SIZE_MAX }, () => Array.from({ length: BYPASS_SIZE_MAX }, () => entry(rng)));
    return full.slice(0, rows).map((row) => row.slice(0, cols));
  };
  const W0 = grid(d, k, 1);
  const Bfull = grid(d, BYPASS_SIZE_MAX, 2);
  const A = grid(r, k, 3);
  // A zero column of B or a zero row of A would waste a rank: give each a non-zero entry on its diagonal.
  const B = Bfull.map((row) => row.slice(0, r));
  for (let s = 0; s < r; s++) {
    if (B.every((row) => row[s] === 0)) B[s % d][s] = 1;
    if (A[s].every((x) => x === 0)) A[s][s % k] = 1;
  }
  return { d, k, r, alpha, W0, B, A };
}

const multiply = (X: number[][], Y: number[][]) => X.map((row) => Y[0].map((_, j) => row.reduce((sum, x, t) => sum + x * Y[t][j], 0)));
const apply = (X: number[][], v: number[]) => X.map((row) => row.reduce((sum, x, j) => sum + x * v[j], 0));

/** (alpha / r) B A: the change the bypass adds to W0, d x k. */
export function deltaW(layer: BypassLayer): number[][] {
  const scale = layer.alpha / layer.r;
  return multiply(layer.B, layer.A).map((row) => row.map((x) => scale * x));
}

/** W0 + (alpha / r) B A: the one matrix to use after training, with no bypass left. */
export function mergedWeight(layer: BypassLayer): number[][] {
  const delta = deltaW(layer);
  return layer.W0.map((row, i) => row.map((x, j) => x + delta[i][j]));
}

export interface BypassFlow {
  x: number[];
  /** W0 x: the frozen path's output, d numbers. */
  frozen: number[];
  /** A x: the bottleneck, r numbers. */
  down: number[];
  /** (alpha / r) B (A x): the bypass's output, d numbers. */
  up: number[];
  /** frozen + up. */
  h: number[];
  /** W x with the merged W, for comparison. */
  merged: number[];
  /** max |h - W x|: zero up to rounding, since both compute (W0 + (alpha/r) B A) x. */
  mergeDifference: number;
}

export function bypassFlow(layer: BypassLayer, x: number[]): BypassFlow {
  const frozen = apply(layer.W0, x);
  const down = apply(layer.A, x);
  const scale = layer.alpha / layer.r;
  const up = apply(layer.B, down).map((v) => scale * v);
  const h = frozen.map((v, i) => v + up[i]);
  const merged = apply(mergedWeight(layer), x);
  const mergeDifference = Math.max(0, ...h.map((v, i) => Math.abs(v - merged[i])));
  return { x, frozen, down, up, h, merged, mergeDifference };
}

/** A seeded input of k small whole numbers. */
export function bypassInput(k: number, seed: number): number[] {
  const rng = createRng(seed * 104729 + 5);
  return Array.from({ length: k }, () => entry(rng));
}

export interface BypassSummary {
  counts: ParameterCounts;
  /** rank(B A): r unless B's columns or A's rows happen to be dependent. */
  deltaRank: number;
  /** min(d, k): the largest rank a d x k matrix can have. */
  fullRank: number;
  /** r = min(d, k): B A can be any d x k matrix, so the bypass can learn whatever full fine-tuning could. */
  atFullRank: boolean;
}

export function bypassSummary(layer: BypassLayer): BypassSummary {
  const { d, k, r } = layer;
  const fullRank = Math.min(d, k);
  return { counts: parameterCounts(d, k, r), deltaRank: rank(multiply(layer.B, layer.A)), fullRank, atFullRank: r === fullRank };
}

/**
 * If every non-zero row of M is a multiple of one row (rank <= 1), the multiples of the first non-zero row
 * that give each row; otherwise null. For r = 1, Delta W = (alpha) b a^T and row i is (alpha b_i) times a.
 */
export function rowsAsMultiples(M: number[][], tolerance = 1e-9): { base: number[]; multiples: number[] } | null {
  const base = M.find((row) => row.some((x) => Math.abs(x) > tolerance));
  if (!base) return { base: M[0]?.map(() => 0) ?? [], multiples: M.map(() => 0) };
  const pivot = base.findIndex((x) => Math.abs(x) > tolerance);
  const multiples: number[] = [];
  for (const row of M) {
    const c = row[pivot] / base[pivot];
    if (row.some((x, j) => Math.abs(x - c * base[j]) > tolerance * Math.max(1, Math.abs(x)))) return null;
    multiples.push(c);
  }
  return { base, multiples };
}
