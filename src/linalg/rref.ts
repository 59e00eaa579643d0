import Fraction from 'fraction.js';
import type { FractionMatrix } from './fraction-matrix';

/** One elementary row operation of Gauss-Jordan elimination, with the matrix it leaves behind. */
export type RowOperation =
  | { kind: 'swap'; rowA: number; rowB: number }
  | { kind: 'scale'; row: number; factor: Fraction }
  | { kind: 'add'; target: number; source: number; factor: Fraction };

export interface EliminationStep {
  operation: RowOperation;
  /** The pivot this step works on, as [row, column]. */
  pivot: [number, number];
  matrix: FractionMatrix;
}

export interface Elimination {
  steps: EliminationStep[];
  rref: FractionMatrix;
  pivotColumns: number[];
  rank: number;
}

const copy = (M: FractionMatrix): FractionMatrix => M.map((row) => row.slice());

/**
 * Exact Gauss-Jordan elimination to reduced row echelon form, recording every row operation so a reader can
 * replay it. Fractions keep it exact: the rank it finds is the true rank of the rational matrix.
 */
export function eliminate(M: FractionMatrix): Elimination {
  const A = copy(M);
  const m = A.length;
  const n = m === 0 ? 0 : A[0].length;
  const steps: EliminationStep[] = [];
  const pivotColumns: number[] = [];
  const record = (operation: RowOperation, pivot: [number, number]) =>
    steps.push({ operation, pivot, matrix: copy(A) });

  let row = 0;
  for (let col = 0; col < n && row < m; col++) {
    const found = A.findIndex((r, i) => i >= row && !r[col].equals(0));
    if (found < 0) continue;
    const pivot: [number, number] = [row, col];
    if (found !== row) {
      [A[row], A[found]] = [A[found], A[row]];
      record({ kind: 'swap', rowA: row, rowB: found }, pivot);
    }
    const p = A[row][col];
    if (!p.equals(1)) {
      const factor = p.inverse();
      A[row] = A[row].map((x) => x.mul(factor));
      record({ kind: 'scale', row, factor }, pivot);
    }
    for (let i = 0; i < m; i++) {
      if (i === row || A[i][col].equals(0)) continue;
      const factor = A[i][col].neg();
      A[i] = A[i].map((x, j) => x.add(factor.mul(A[row][j])));
      record({ kind: 'add', target: i, source: row, factor }, pivot);
    }
    pivotColumns.push(col);
    row++;
  }
  return { steps, rref: A, pivotColumns, rank: pivotColumns.length };
}

/** A row operation in words, with rows numbered from 1 as a reader counts them: "R2 ← R2 − 2·R1". */
export function describeOperation(op: RowOperation): string {
  switch (op.kind) {
    case 'swap':
      return `Swap R${op.rowA + 1} and R${op.rowB + 1}`;
    case 'scale':
      return `R${op.row + 1} ← ${op.factor.toFraction()} · R${op.row + 1}`;
    case 'add': {
      const sign = op.factor.s < 0n ? '−' : '+';
      const size = op.factor.abs();
      const times = size.equals(1) ? '' : `${size.toFraction()}·`;
      return `R${op.target + 1} ← R${op.target + 1} ${sign} ${times}R${op.source + 1}`;
    }
  }
}
