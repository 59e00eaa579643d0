import { singularValues } from '../linalg/svd';
import type { Rng } from './random';

/**
 * The anatomy of one LoRA layer, as plain numbers (no DOM, no tfjs): a frozen d x k weight W0 and its
 * update Delta W = B A, with B (d x r) starting at zero and A (r x k) random, as in Hu et al., LoRA, 2021,
 * section 4.1. The lora-anatomy widget is a view over this file.
 */

/** Largest d or k: GPT-3 175B's width, d_model = 12,288. */
export const SIZE_MAX = 12288;
/** Largest r offered at all: r = min(d, k), full rank, is reachable for every layer up to 256 wide. */
export const RANK_LIMIT = 256;
/** Most multiply-adds one step's r x r core may cost, r^2 (d + k): about a tenth of a second in a browser. */
const CORE_WORK = 2 ** 28;

/**
 * The largest r the widget offers for a d x k layer: min(d, k) (full rank) where the browser can afford it,
 * else as much as r^2 (d + k) <= 2^28 allows (104 for GPT-3's 12,288 x 12,288).
 */
export function largestRank(d: number, k: number): number {
  return Math.max(1, Math.min(d, k, RANK_LIMIT, Math.floor(Math.sqrt(CORE_WORK / (d + k)))));
}

export interface ParameterCounts {
  /** d k: what full fine-tuning trains (and stores) for this one matrix. */
  full: number;
  /** r (d + k): the entries of B and A. */
  lora: number;
  /** full / lora: how many times fewer numbers LoRA trains. */
  ratio: number;
  /** The rank at which LoRA stops saving anything: r (d + k) = d k when r = d k / (d + k). */
  breakEven: number;
}

export function parameterCounts(d: number, k: number, r: number): ParameterCounts {
  const full = d * k;
  const lora = r * (d + k);
  return { full, lora, ratio: full / lora, breakEven: full / (d + k) };
}

/**
 * GPT-3 175B as the LoRA paper adapts it (section 4.2 and 7.1): B and A on the query and value projections
 * (two 12,288 x 12,288 matrices) in each of the 96 layers. With r = 4 that is the paper's 18M-parameter
 * budget, "roughly 35MB" in FP16; against 175 billion parameters it is the abstract's "10,000 times".
 */
export const GPT3 = { parameters: 175e9, layers: 96, dModel: 12288, adaptedPerLayer: 2 } as const;

export interface WholeModelCounts {
  /** Matrices that get a B and an A: layers x adapted matrices per layer. */
  adaptedMatrices: number;
  /** Every B and A together. */
  trainable: number;
  /** All the model's parameters over the trainable ones. */
  ratio: number;
  /** The trainable numbers stored in 16 bits: the size of a task's checkpoint. */
  checkpointBytes: number;
}

export function gpt3Counts(r: number, adaptedPerLayer: number = GPT3.adaptedPerLayer): WholeModelCounts {
  const adaptedMatrices = GPT3.layers * adaptedPerLayer;
  const trainable = adaptedMatrices * parameterCounts(GPT3.dModel, GPT3.dModel, r).lora;
  return { adaptedMatrices, trainable, ratio: GPT3.parameters / trainable, checkpointBytes: 2 * trainable };
}

/** B (d x r) and A (r x k), row-major, and how many gradient steps they have taken. */
export interface LoraPair {
  d: number;
  k: number;
  r: number;
  B: Float64Array;
  A: Float64Array;
  steps: number;
}

/** B = 0 and A Gaussian with variance 1/k, so Delta W = B A = 0: the adapted model starts as the base. */
export function initialPair(d: number, k: number, r: number, rng: Rng): LoraPair {
  const A = new Float64Array(r * k);
  const sd = 1 / Math.sqrt(k);
  for (let i = 0; i < A.length; i++) A[i] = rng.normal() * sd;
  return { d, k, r, B: new Float64Array(d * r), A, steps: 0 };
}

/** One batch for a step: inputs X (k x b) and the output errors Delta = dLoss/dh for them (d x b), row-major. */
export interface Batch {
  size: number;
  X: Float64Array;
  errors: Float64Array;
}

/**
 * One step of gradient descent on B and A for a batch. For a linear layer h = (W0 + B A) x, one example with
 * input x and output error delta = dLoss/dh gives dLoss/dW = delta x^T; a batch gives
 * G = (1/b) sum delta_i x_i^T = (1/b) Delta X^T. The chain rule then gives
 *   dLoss/dB = G A^T   and   dLoss/dA = B^T G,
 * so while B = 0 only B moves (A's gradient is zero), and B A never leaves rank <= r. G is never formed:
 * both products go through the b x r and r x b matrices X^T A^T and B^T Delta, so a GPT-3-sized layer costs
 * O(b r (d + k)), not O(d k). Returns a new pair; the one given is unchanged.
 */
export function gradientStep(pair: LoraPair, batch: Batch, learningRate: number): LoraPair {
  const { d, k, r, B, A } = pair;
  const { size: b, X, errors: delta } = batch;
  const step = learningRate / b;
  const XA = new Float64Array(b * r); // X^T A^T, b x r
  const BD = new Float64Array(r * b); // B^T Delta, r x b
  for (let s = 0; s < r; s++) {
    for (let j = 0; j < k; j++) {
      const a = A[s * k + j];
      for (let i = 0; i < b; i++) XA[i * r + s] += X[j * b + i] * a;
    }
    for (let l = 0; l < d; l++) {
      const x = B[l * r + s];
      if (x !== 0) for (let i = 0; i < b; i++) BD[s * b + i] += x * delta[l * b + i];
    }
  }
  const nextB = B.slice();
  for (let l = 0; l < d; l++) {
    for (let s = 0; s < r; s++) {
      let g = 0;
      for (let i = 0; i < b; i++) g += delta[l * b + i] * XA[i * r + s];
      nextB[l * r + s] -= step * g;
    }
  }
  const nextA = A.slice();
  for (let s = 0; s < r; s++) {
    for (let j = 0; j < k; j++) {
      let g = 0;
      for (let i = 0; i < b; i++) g += BD[s * b + i] * X[j * b + i];
      nextA[s * k + j] -= step * g;
    }
  }
  return { d, k, r, B: nextB, A: nextA, steps: pair.steps + 1 };
}

/** The top-left rows x cols block of Delta W = B A, computed from those rows of B and columns of A only. */
export function deltaBlock(pair: LoraPair, rows: number, cols: number): number[][] {
  const { r, k, B, A } = pair;
  return Array.from({ length: Math.min(rows, pair.d) }, (_, i) =>
    Array.from({ length: Math.min(cols, k) }, (_, j) => {
      let sum = 0;
      for (let s = 0; s < r; s++) sum += B[i * r + s] * A[s * k + j];
      return sum;
    }));
}

/** Below this many entries Delta W is formed in full for its singular values; above, the r x r route. */
const DIRECT_LIMIT = 128 * 128;

/**
 * Singular values of Delta W = B A, largest first. A small Delta W goes to src/linalg/svd.ts whole, which gives
 * all min(d, k) of them (those past r come out at rounding level, about 1e-16 of the largest). A large one is
 * never formed: with B = Q_B R_B and A^T = Q_A R_A (thin QR, Q orthonormal), B A = Q_B (R_B R_A^T) Q_A^T, so
 * B A has the singular values of the r x r core R_B R_A^T and the other min(d, k) - r are exactly zero.
 * That is O(r^2 (d + k)) work instead of O(d k r).
 */
export function deltaSingularValues(pair: LoraPair): number[] {
  const { d, k, r, B, A } = pair;
  if (B.every((x) => x === 0)) return []; // B = 0 (as at initialisation): Delta W = 0
  if (d * k <= DIRECT_LIMIT) return singularValues(deltaBlock(pair, d, k));
  const RB = triangularFactor(d, r, (i, s) => B[i * r + s]);
  const RA = triangularFactor(k, r, (j, s) => A[s * k + j]);
  const core = RB.map((row) => RA.map((rowA) => row.reduce((sum, x, t) => sum + x * rowA[t], 0)));
  return singularValues(core);
}

/** Numeric rank of Delta W = B A with numpy's tolerance for a d x k matrix, max(d, k) eps sigma_max. */
export function deltaRank(pair: LoraPair): number {
  return rankOf(deltaSingularValues(pair), pair.d, pair.k);
}

/** How many singular values of a d x k matrix count as non-zero (numpy's matrix_rank tolerance). */
export function rankOf(sigma: readonly number[], d: number, k: number): number {
  const tolerance = Math.max(d, k) * Number.EPSILON * (sigma[0] ?? 0);
  return sigma.filter((s) => s > tolerance).length;
}

/**
 * R of a Householder QR of the m x n matrix with entries at(i, j), m >= n: an n x n upper-triangular
 * matrix with the same singular values. Householder rather than Gram-Schmidt because B is often rank
 * deficient (after one step of a batch smaller than r), where Gram-Schmidt loses orthogonality.
 */
function triangularFactor(m: number, n: number, at: (i: number, j: number) => number): number[][] {
  const columns = Array.from({ length: n }, (_, j) => Float64Array.from({ length: m }, (_, i) => at(i, j)));
  const p = Math.min(m, n);
  for (let j = 0; j < p; j++) {
    const v = columns[j];
    let norm = 0;
    for (let i = j; i < m; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = v[j] > 0 ? -norm : norm;
    const head = v[j] - alpha; // the reflector is u = (head, v[j+1..m-1]), with |u|^2 = 2 norm (norm + |v[j]|)
    const uu = head * head + (norm * norm - v[j] * v[j]);
    for (let c = j + 1; c < n; c++) {
      const w = columns[c];
      let dot = head * w[j];
      for (let i = j + 1; i < m; i++) dot += v[i] * w[i];
      const f = (2 * dot) / uu;
      w[j] -= f * head;
      for (let i = j + 1; i < m; i++) w[i] -= f * v[i];
    }
    v[j] = alpha;
  }
  return Array.from({ length: p }, (_, i) => Array.from({ length: n }, (_, c) => (c >= i ? columns[c][i] : 0)));
}
