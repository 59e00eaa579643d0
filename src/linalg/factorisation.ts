import type { FractionMatrix } from './fraction-matrix';
import { multiply, fractionMatricesEqual } from './fraction-matrix';
import { eliminate } from './rref';

export interface ColumnRowFactorisation {
  /** The pivot columns of M (m x r). */
  C: FractionMatrix;
  /** The non-zero rows of rref(M) (r x n). */
  R: FractionMatrix;
  pivotColumns: number[];
  /** C R equals M exactly: checked in rational arithmetic, not assumed. */
  exact: boolean;
}

/** M = C R: any matrix of rank r is r independent columns times r rows saying how to mix them. */
export function columnRowFactorisation(M: FractionMatrix): ColumnRowFactorisation {
  const { rref, pivotColumns, rank } = eliminate(M);
  const C = M.map((row) => pivotColumns.map((j) => row[j]));
  const R = rref.slice(0, rank);
  const exact = rank === 0 ? M.every((row) => row.every((x) => x.equals(0))) : fractionMatricesEqual(multiply(C, R), M);
  return { C, R, pivotColumns, exact };
}

/** Storage of an m x n matrix kept as m n numbers, and as r (m + n) in factored form. */
export function storageCounts(m: number, n: number, r: number): { full: number; factored: number } {
  return { full: m * n, factored: r * (m + n) };
}
