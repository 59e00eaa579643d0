/**
 * The lesson-7 analyses over shipped (or freshly trained) adapters, in the paper's orientation: W and ΔW are
 * d x k (outputs x inputs), A is r x k, B is d x r, ΔW = (alpha / r) B A. The model stores W0 as [k, d]
 * (y = x W0), so base weights are transposed on the way in. Pure: no tfjs, no DOM.
 */
import type { NamedArrays } from './model';
import { rowsOf } from './checkpoint-reader';
import { gaussianMatrix } from '../linalg/gaussian';
import { projectionRow, type LowRankProduct, type ProjectionRow } from '../linalg/projection';
import { subspaceSimilarityGrid, cornerMean, expectedRandomCornerMean } from '../linalg/subspace-grid';

export type AttentionMatrix = 'wq' | 'wk' | 'wv' | 'wo';

/** A LoRA factor, "A" (r x k) or "B" (d x r), of one matrix in one block. */
export function loraFactor(adapter: NamedArrays, layer: number, matrix: string, part: 'A' | 'B'): number[][] {
  const t = adapter[`block${layer}.${matrix}.${part}`];
  if (!t) throw new Error(`the adapter has no block${layer}.${matrix}.${part}`);
  return rowsOf(t);
}

/** W0 of one matrix, d x k (the transpose of the model's [k, d] storage). */
export function baseWeight(base: NamedArrays, layer: number, matrix: string): number[][] {
  const t = base[`block${layer}.${matrix}.w`];
  if (!t) throw new Error(`the base model has no block${layer}.${matrix}.w`);
  const stored = rowsOf(t);
  return stored[0].map((_, j) => stored.map((row) => row[j]));
}

/** ΔW = scale · B A as its factors, which Table 7's analysis factors in O((d + k) r^2). */
export function deltaProduct(adapter: NamedArrays, layer: number, matrix: string, scale: number): LowRankProduct {
  return { B: loraFactor(adapter, layer, matrix, 'B'), A: loraFactor(adapter, layer, matrix, 'A'), scale };
}

/** The seed of the random matrices the lesson compares against: fixed, so figures can be quoted. */
export const RANDOM_SEED = 20210617;

/** Table 7 for one layer's matrix: W from the base, ΔW from an adapter with `scale` = alpha / r. */
export function deltaWTable(base: NamedArrays, adapter: NamedArrays, layer: number, matrix: string, r: number, scale: number,
  randomSeed = RANDOM_SEED): ProjectionRow {
  const W = baseWeight(base, layer, matrix);
  return projectionRow(W, deltaProduct(adapter, layer, matrix, scale), r, gaussianMatrix(W.length, W[0].length, randomSeed + r));
}

/** Figure 3 / 4 for one layer's matrix: phi(A1, A2, i, j) for i <= rows, j <= cols, with summaries. */
export interface OverlapSummary {
  grid: number[][];
  /** k, the width the directions live in. */
  k: number;
  phi11: number;
  /** Mean over the top-left 8 x 8 corner (or smaller, for small ranks). */
  cornerMean: number;
  /** The same mean for random subspaces of R^k: mean of max(i, j) / k. */
  randomCornerMean: number;
  corner: number;
}

export function overlapSummary(A1: number[][], A2: number[][], rows: number, cols: number, corner = 8): OverlapSummary {
  const grid = subspaceSimilarityGrid(A1, A2, rows, cols);
  const k = A1[0].length;
  const c = Math.min(corner, rows, cols);
  return { grid, k, phi11: grid[0][0], cornerMean: cornerMean(grid, c), randomCornerMean: expectedRandomCornerMean(c, k), corner: c };
}

/** Two Gaussian matrices of the shapes of A1 (r1 x k) and A2 (r2 x k), for the random panel. */
export function randomPair(r1: number, r2: number, k: number, seed = RANDOM_SEED): [number[][], number[][]] {
  return [gaussianMatrix(r1, k, seed), gaussianMatrix(r2, k, seed + 1)];
}
