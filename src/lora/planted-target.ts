import { gradientStep, type Batch, type LoraPair } from './anatomy';
import type { Rng } from './random';

/**
 * A task for the anatomy widget that a reader can watch: a hidden low-rank change T = U diag(values) V to find.
 * Each step shows the layer a batch of inputs x and the outputs T x it should add, and B and A take a gradient
 * step on the squared error (1/2b) sum |B A x - T x|^2. Because U's columns and V's rows are orthonormal, the
 * target's singular values are exactly `values`, so the best any rank-r B A can do is known in advance
 * (Eckart-Young): a relative error of sqrt(sum of values past r, squared / sum of all, squared).
 */
export interface PlantedTarget {
  d: number;
  k: number;
  /** The target's singular values, largest first: its rank is their count. */
  values: number[];
  /** d x t, orthonormal columns, row-major. */
  U: Float64Array;
  /** t x k, orthonormal rows, row-major. */
  V: Float64Array;
}

/** The target's singular values: four well-separated ones, so each rank r < 4 leaves a visible remainder. */
export const TARGET_VALUES = [1, 0.5, 0.25, 0.125];

export function plantedTarget(d: number, k: number, rng: Rng, values: readonly number[] = TARGET_VALUES): PlantedTarget {
  const t = Math.min(values.length, d, k);
  const columns = orthonormal(d, t, rng); // t vectors of length d
  const rows = orthonormal(k, t, rng); // t vectors of length k
  const U = new Float64Array(d * t);
  for (let s = 0; s < t; s++) for (let i = 0; i < d; i++) U[i * t + s] = columns[s][i];
  const V = new Float64Array(t * k);
  for (let s = 0; s < t; s++) V.set(rows[s], s * k);
  return { d, k, values: values.slice(0, t), U, V };
}

/** t orthonormal random vectors of length n (Gaussian, then modified Gram-Schmidt twice for safety). */
function orthonormal(n: number, t: number, rng: Rng): Float64Array[] {
  const vectors: Float64Array[] = [];
  while (vectors.length < t) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    for (let pass = 0; pass < 2; pass++) {
      for (const u of vectors) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += u[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= dot * u[i];
      }
    }
    const norm = Math.hypot(...v);
    if (norm < 1e-8) continue; // a draw (almost) inside the span so far: draw again
    for (let i = 0; i < n; i++) v[i] /= norm;
    vectors.push(v);
  }
  return vectors;
}

/** Entry (i, j) of the target, for drawing it. */
export function targetBlock(target: PlantedTarget, rows: number, cols: number): number[][] {
  const t = target.values.length;
  return Array.from({ length: Math.min(rows, target.d) }, (_, i) => Array.from({ length: Math.min(cols, target.k) }, (_, j) => {
    let sum = 0;
    for (let s = 0; s < t; s++) sum += target.U[i * t + s] * target.values[s] * target.V[s * target.k + j];
    return sum;
  }));
}

/**
 * How noisy the wanted outputs are: y = T x + noise, each entry's noise with this standard deviation. Real
 * targets are never exact, and without noise every error would lie in T's 4-dimensional output space, so B A
 * could never show more than 4 non-zero singular values whatever r is. With it, the rank climbs to r and the
 * directions past the target's rank fit noise, with small singular values.
 */
export const NOISE = 0.05;

/** b Gaussian inputs and the errors B A x - y for them, y = T x + noise: what one step learns from. */
export function targetBatch(pair: LoraPair, target: PlantedTarget, rng: Rng, size = 4, noise = NOISE): Batch {
  const { d, k, r, B, A } = pair;
  const t = target.values.length;
  const X = Float64Array.from({ length: k * size }, () => rng.normal()); // k x b
  const AX = new Float64Array(r * size);
  const VX = new Float64Array(t * size);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < size; i++) {
      const x = X[j * size + i];
      for (let s = 0; s < r; s++) AX[s * size + i] += A[s * k + j] * x;
      for (let s = 0; s < t; s++) VX[s * size + i] += target.V[s * k + j] * x;
    }
  }
  const errors = new Float64Array(d * size);
  for (let l = 0; l < d; l++) {
    for (let i = 0; i < size; i++) {
      let e = 0;
      for (let s = 0; s < r; s++) e += B[l * r + s] * AX[s * size + i];
      for (let s = 0; s < t; s++) e -= target.U[l * t + s] * target.values[s] * VX[s * size + i];
      errors[l * size + i] = e - noise * rng.normal();
    }
  }
  return { size, X, errors };
}

/** The step size, relative to the largest that keeps a step along the batch's inputs from overshooting. */
export const FIT_RATE = 1;

/**
 * One step towards the target. The step is divided by the largest eigenvalue of X^T X / b (a b x b matrix, so
 * cheap), the most the batch can stretch any direction: the same rate is then stable for a 1 x 1 layer and
 * for GPT-3's, where each input has |x|^2 of about 12,288.
 */
export function fitStep(pair: LoraPair, target: PlantedTarget, rng: Rng, rate = FIT_RATE, batch = 4): LoraPair {
  const b = targetBatch(pair, target, rng, batch);
  return gradientStep(pair, b, rate / largestEigenvalue(gramOfColumns(b.X, pair.k, b.size)));
}

/** X^T X / b for X (n x b, row-major). */
function gramOfColumns(X: Float64Array, n: number, b: number): number[][] {
  const G = Array.from({ length: b }, () => new Array<number>(b).fill(0));
  for (let j = 0; j < n; j++) {
    for (let p = 0; p < b; p++) for (let q = 0; q < b; q++) G[p][q] += (X[j * b + p] * X[j * b + q]) / b;
  }
  return G;
}

/** Largest eigenvalue of a small symmetric positive semi-definite matrix, by power iteration. */
export function largestEigenvalue(G: number[][]): number {
  let v = G.map(() => 1);
  let lambda = 0;
  for (let it = 0; it < 100; it++) {
    const w = G.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
    const norm = Math.hypot(...w);
    if (norm === 0) return 0;
    const next = norm / Math.hypot(...v);
    v = w.map((x) => x / norm);
    if (Math.abs(next - lambda) <= 1e-12 * next) return next;
    lambda = next;
  }
  return lambda;
}

/**
 * |B A - T|_F / |T|_F without forming either d x k matrix: |B A|^2 = sum (B^T B) o (A A^T), <B A, T> =
 * sum (B^T U S) o (A V^T), |T|^2 = sum of values squared. O((r + t) r (d + k)) work.
 */
export function relativeError(pair: LoraPair, target: PlantedTarget): number {
  const { d, k, r, B, A } = pair;
  const t = target.values.length;
  const total = target.values.reduce((s, v) => s + v * v, 0);
  let fit = 0;
  for (let s = 0; s < r; s++) {
    for (let u = 0; u < r; u++) {
      let bb = 0;
      for (let i = 0; i < d; i++) bb += B[i * r + s] * B[i * r + u];
      if (bb === 0) continue;
      let aa = 0;
      for (let j = 0; j < k; j++) aa += A[s * k + j] * A[u * k + j];
      fit += bb * aa;
    }
  }
  let cross = 0;
  for (let s = 0; s < r; s++) {
    for (let u = 0; u < t; u++) {
      let bu = 0;
      for (let i = 0; i < d; i++) bu += B[i * r + s] * target.U[i * t + u];
      if (bu === 0) continue;
      let av = 0;
      for (let j = 0; j < k; j++) av += A[s * k + j] * target.V[u * k + j];
      cross += bu * target.values[u] * av;
    }
  }
  return Math.sqrt(Math.max(0, fit - 2 * cross + total) / total);
}

/** The smallest relative error any rank-r matrix can reach (Eckart-Young): the values past r, over all. */
export function bestPossibleError(target: PlantedTarget, r: number): number {
  const total = target.values.reduce((s, v) => s + v * v, 0);
  const rest = target.values.slice(r).reduce((s, v) => s + v * v, 0);
  return Math.sqrt(rest / total);
}
