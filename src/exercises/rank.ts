import Fraction from 'fraction.js';
import { fromNumbers, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { describeOperation, eliminate } from '../linalg/rref';
import { seededRandom } from '../linalg/seeded-random';
import { choice, inline, int, pick, readableMatrix, rowsText } from './draw';
import type { ExerciseGenerator } from './types';
import type { ExerciseTranslate } from './messages/translate';

/** Lesson 1: the rank of a matrix, its reduced row echelon form, the largest possible rank, a missing entry. */

/** Elimination's steps, one a line; a swap in words, the other operations as formulas. */
const ops = (M: FractionMatrix, t: ExerciseTranslate) => eliminate(M).steps.map((s) => {
  const op = s.operation;
  const name = op.kind === 'swap' ? t('common.swapRows', { a: String(op.rowA + 1), b: String(op.rowB + 1) }) : describeOperation(op);
  return `${name} → ${inline(s.matrix)}`;
});

export const maxRank: ExerciseGenerator = {
  id: 'max-rank',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const m = int(random, 2, 7);
    let n = int(random, 2, 7);
    if (n === m) n += 1;
    const low = Math.min(m, n), high = Math.max(m, n);
    const fewerRows = m < n;
    return {
      prompt: [{ type: 'text', text: t('max-rank.prompt', { m, n }) }],
      expected: choice(random,
        { text: String(low), explanation: fewerRows ? t('max-rank.rightRows', { low }) : t('max-rank.rightColumns', { low }) },
        [
          { text: String(high), explanation: fewerRows ? t('max-rank.highColumns', { high, low }) : t('max-rank.highRows', { high, low }) },
          { text: String(m * n), explanation: t('max-rank.entries', { entries: String(m * n) }) },
          { text: String(m + n), explanation: t('max-rank.sum') },
        ]),
      solution: [t('max-rank.solutionBound', { m: String(m), n: String(n), low: String(low) }),
        fewerRows ? t('max-rank.solutionRows', { low }) : t('max-rank.solutionColumns', { low })],
    };
  },
};

export const rankOfMatrix: ExerciseGenerator = {
  id: 'rank-of-matrix',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const m = 3, n = pick(random, [3, 4]);
    const r = int(random, 1, 3);
    const M = readableMatrix(() => integerMatrixOfRank(m, n, r, random));
    const { rref, pivotColumns } = eliminate(fromNumbers(M));
    return {
      prompt: [{ type: 'text', text: t('rank-of-matrix.prompt') }, { type: 'matrix', label: 'M', rows: rowsText(M) }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [...ops(fromNumbers(M), t),
        r === 1 ? t('rank-of-matrix.solutionOne', { column: String(pivotColumns[0] + 1) })
          : t('rank-of-matrix.solutionMany', { r, columns: pivotColumns.map((c) => c + 1).join(', ') })],
      diagnose(given) {
        const x = given as number;
        if (!Number.isInteger(x)) return t('rank-of-matrix.notWhole');
        if (x > m) return t('rank-of-matrix.aboveRows', { m });
        if (x > r) return t('rank-of-matrix.tooMany', { row: r + 1, zeros: inline([rref[r]]) });
        return t('rank-of-matrix.tooFew', { row: x + 1, column: pivotColumns[x] + 1 });
      },
    };
  },
};

export const rref: ExerciseGenerator = {
  id: 'rref',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const n = pick(random, [3, 4]);
    const r = int(random, 1, 2);
    const M = readableMatrix(() => integerMatrixOfRank(3, n, r, random));
    const exact = fromNumbers(M);
    const { rref: R, pivotColumns } = eliminate(exact);
    return {
      prompt: [{ type: 'text', text: t('rref.prompt') },
        { type: 'matrix', label: 'M', rows: rowsText(M) }],
      expected: { kind: 'matrix', value: R },
      solution: [...ops(exact, t), `rref(M) = ${inline(R)}`],
      diagnose: (given) => rrefRowMessage(given as FractionMatrix, R, pivotColumns, t),
    };
  },
};

/** Points at the first row of the reader's RREF that differs from the elimination's, and says how. */
export function rrefRowMessage(given: FractionMatrix, R: FractionMatrix, pivotColumns: number[], t: ExerciseTranslate): string {
  const i = R.findIndex((row, k) => row.some((x, j) => !x.equals(given[k][j])));
  const row = given[i];
  const lead = row.findIndex((x) => !x.equals(0));
  const at = i + 1;
  const rank = pivotColumns.length;
  if (i >= rank) return t('rref.zeroRow', { row: at, rank });
  const pivot = pivotColumns[i];
  if (lead < 0) return t('rref.notZero', { row: at, column: pivot + 1 });
  if (lead !== pivot) return t('rref.leadColumn', { row: at, column: pivot + 1, lead: lead + 1 });
  if (!row[lead].equals(1)) {
    const scaled = R[i].map((x) => x.mul(row[lead]));
    if (scaled.every((x, j) => x.equals(row[j]))) return t('rref.scaled', { row: at, factor: row[lead].toFraction() });
    return t('rref.pivotNotOne', { row: at, pivot: row[lead].toFraction() });
  }
  const other = pivotColumns.find((c) => c !== pivot && !row[c].equals(0));
  if (other !== undefined) return t('rref.otherPivot', { row: at, value: row[other].toFraction(), column: other + 1 });
  const j = R[i].findIndex((x, k) => !x.equals(row[k]));
  return t('rref.entry', { row: at, column: j + 1, want: R[i][j].toFraction(), given: row[j].toFraction() });
}

export const missingEntry: ExerciseGenerator = {
  id: 'missing-entry',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const n = pick(random, [2, 3]);
    // u v^T with non-zero entries, so every entry is pinned by the others.
    const nonZero = () => (int(random, 1, 4)) * (random() < 0.5 ? -1 : 1);
    const u = [nonZero(), nonZero()];
    const v = Array.from({ length: n }, nonZero);
    const M = u.map((a) => v.map((b) => a * b));
    const hideRow = int(random, 0, 1), hideCol = int(random, 0, n - 1);
    const refRow = 1 - hideRow, refCol = hideCol === 0 ? 1 : 0;
    // Rank 1 forces every 2 x 2 minor to vanish: x * M[refRow][refCol] = M[hideRow][refCol] * M[refRow][hideCol].
    const shown = M.map((row) => row.map((x) => new Fraction(x)));
    const value = shown[hideRow][refCol].mul(shown[refRow][hideCol]).div(shown[refRow][refCol]);
    // Show one entry as a fraction of the other so the answer is not always a whole number.
    const rows = rowsText(M);
    rows[hideRow][hideCol] = 'x';
    const withX = (x: Fraction) => shown.map((row, i) => row.map((y, j) => (i === hideRow && j === hideCol ? x : y)));
    return {
      prompt: [{ type: 'text', text: t('missing-entry.prompt') }, { type: 'matrix', label: 'M', rows }],
      expected: { kind: 'fraction', value },
      solution: [
        t('missing-entry.solutionRows', { row: hideRow + 1, ratio: shown[hideRow][refCol].div(shown[refRow][refCol]).toFraction(), other: refRow + 1, column: refCol + 1 }),
        t('missing-entry.solutionX', { a: shown[hideRow][refCol].toFraction(), b: shown[refRow][hideCol].toFraction(), c: shown[refRow][refCol].toFraction(), x: value.toFraction() }),
      ],
      diagnose(given) {
        const x = new Fraction(given as number);
        const r = eliminate(withX(x)).rank;
        return t('missing-entry.wrongRank', { x: x.toFraction(), r });
      },
    };
  },
};

export const lessonOne = [maxRank, rankOfMatrix, rref, missingEntry];
