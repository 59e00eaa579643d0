import Fraction from 'fraction.js';
import { eliminate } from '../linalg/rref';
import { rank as numericRank } from '../linalg/rank';
import { singularValues, svd as factorise } from '../linalg/svd';
import { truncatedSvd } from '../linalg/lowrank';
import { cumulativeShare } from '../linalg/compression';
import { subspaceSimilarity } from '../linalg/subspace';
import type { FractionMatrix } from '../linalg/fraction-matrix';
import { isFraction, plainNumber } from './exact-numbers';
import { cellError, phrase, type PhraseValue } from './cell-problem';

/**
 * The course's own functions, as cells call them: rank, rref, svd, lowrank, energy, phi. They take what mathjs
 * hands them (a Matrix or nested array of fractions and floats) and return plain nested arrays, which the
 * sandbox wraps as matrices. Messages are for a reader.
 */

/** SVD-based functions refuse matrices past this many rows or columns: a cell should answer in a blink. */
export const SVD_SIZE_LIMIT = 200;

type Entry = Fraction | number;

/** Rows of a mathjs Matrix or nested array; a vector counts as one row. */
export function rowsOf(value: unknown, what: PhraseValue = phrase('cell.theArgument')): Entry[][] {
  const data = (value as any)?.isMatrix ? (value as any).valueOf() : value;
  if (!Array.isArray(data) || data.length === 0) throw cellError('cell.notMatrix', { what });
  const rows = Array.isArray(data[0]) ? data : [data];
  const n = rows[0].length;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== n || n === 0) throw cellError('cell.ragged', { what });
    for (const x of row) {
      if (!isFraction(x) && typeof x !== 'number') throw cellError('cell.notReal', { what });
      if (typeof x === 'number' && !Number.isFinite(x)) throw cellError('cell.notFinite', { what, value: String(x) });
    }
  }
  return rows as Entry[][];
}

/** Exact when every entry is a fraction or an integer; null when a float (from sqrt, svd, pi …) is present. */
function exactRows(rows: Entry[][]): FractionMatrix | null {
  const out: FractionMatrix = [];
  for (const row of rows) {
    const exact: Fraction[] = [];
    for (const x of row) {
      if (isFraction(x)) exact.push(x);
      else if (Number.isInteger(x)) exact.push(new Fraction(x));
      else return null;
    }
    out.push(exact);
  }
  return out;
}

const numbers = (rows: Entry[][]) => rows.map((row) => row.map((x) => x.valueOf()));

/** A whole-number argument (k, i, j), which in a cell arrives as a fraction. */
export function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  const x = plainNumber(value);
  if (!Number.isInteger(x) || x < min || x > max) throw cellError('cell.wholeNumber', { name, min: String(min), max: String(max) });
  return x;
}

function checkSvdSize(rows: Entry[][], what: string): void {
  if (rows.length > SVD_SIZE_LIMIT || rows[0].length > SVD_SIZE_LIMIT) {
    throw cellError('cell.svdSize', { what, m: String(rows.length), n: String(rows[0].length), max: String(SVD_SIZE_LIMIT) });
  }
}

/** rank(A): exact (row reduction in fractions) when A is exact, else numpy's numeric rank. */
export function rank(A: unknown): Fraction {
  const rows = rowsOf(A, 'rank(A): A');
  const exact = exactRows(rows);
  if (exact) return new Fraction(eliminate(exact).rank);
  checkSvdSize(rows, 'A');
  return new Fraction(numericRank(numbers(rows)));
}

/** rref(A): the reduced row echelon form, exactly. Floats are refused rather than silently rounded. */
export function rref(A: unknown): Fraction[][] {
  const exact = exactRows(rowsOf(A, 'rref(A): A'));
  if (!exact) {
    throw cellError('cell.rrefExact');
  }
  return eliminate(exact).rref;
}

/** norm(A): the Euclidean length of a vector, the Frobenius norm of a matrix; exact when the answer is rational. */
export function norm(A: unknown): Fraction | number {
  if (isFraction(A) || typeof A === 'number') return isFraction(A) ? A.abs() : Math.abs(A);
  const rows = rowsOf(A, 'norm(A): A');
  const exact = exactRows(rows);
  if (exact) {
    const squares = exact.flat().reduce((sum, x) => sum.add(x.mul(x)), new Fraction(0));
    const [n, d] = [integerSqrt(squares.n), integerSqrt(squares.d)];
    if (n !== null && d !== null) return new Fraction(n, d);
  }
  return Math.sqrt(numbers(rows).flat().reduce((sum, x) => sum + x * x, 0));
}

/** The square root of a perfect square, else null. */
function integerSqrt(n: bigint): bigint | null {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) { x = y; y = (x + n / x) / 2n; } // Newton's method on integers: x ends at floor(sqrt(n))
  return x * x === n ? x : null;
}

/** svd(A): the singular values, largest first (like MATLAB's s = svd(A)). */
export function svd(A: unknown): number[] {
  const rows = rowsOf(A, 'svd(A): A');
  checkSvdSize(rows, 'A');
  return singularValues(numbers(rows));
}

/** energy(A, k): the share of ||A||_F^2 that the top k singular values hold, sum_{i<=k} s_i^2 / sum s_i^2. */
export function energy(A: unknown, k: unknown): number {
  const rows = rowsOf(A, 'energy(A, k): A');
  checkSvdSize(rows, 'A');
  const sigma = singularValues(numbers(rows));
  const kk = wholeNumber(k, 'energy(A, k): k', 0, sigma.length);
  if (sigma.every((s) => s === 0)) return 1; // the zero matrix: nothing to lose
  return kk === 0 ? 0 : cumulativeShare([sigma], (s) => s * s)[kk - 1];
}

/** lowrank(A, k): the best rank-k approximation (Eckart-Young), U_k S_k V_k^T. */
export function lowrank(A: unknown, k: unknown): number[][] {
  const rows = rowsOf(A, 'lowrank(A, k): A');
  checkSvdSize(rows, 'A');
  const m = rows.length;
  const n = rows[0].length;
  const kk = wholeNumber(k, 'lowrank(A, k): k', 0, Math.min(m, n));
  const flat = truncatedSvd(factorise(numbers(rows)), kk);
  return Array.from({ length: m }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
}

/** phi(A1, A2, i, j): the LoRA paper's subspace similarity between the top-i and top-j right singular subspaces. */
export function phi(A1: unknown, A2: unknown, i: unknown, j: unknown): number {
  const rows1 = rowsOf(A1, 'phi: A1');
  const rows2 = rowsOf(A2, 'phi: A2');
  checkSvdSize(rows1, 'A1');
  checkSvdSize(rows2, 'A2');
  if (rows1[0].length !== rows2[0].length) throw cellError('cell.phiColumns', { a: String(rows1[0].length), b: String(rows2[0].length) });
  const ii = wholeNumber(i, 'phi(A1, A2, i, j): i', 1, Math.min(rows1.length, rows1[0].length));
  const jj = wholeNumber(j, 'phi(A1, A2, i, j): j', 1, Math.min(rows2.length, rows2[0].length));
  return subspaceSimilarity(numbers(rows1), numbers(rows2), ii, jj);
}
