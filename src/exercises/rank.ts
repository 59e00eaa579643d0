import Fraction from 'fraction.js';
import { fromNumbers, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { describeOperation, eliminate } from '../linalg/rref';
import { seededRandom } from '../linalg/seeded-random';
import { choice, inline, int, pick, readableMatrix, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 1: the rank of a matrix, its reduced row echelon form, the largest possible rank, a missing entry. */

const ops = (M: FractionMatrix) => eliminate(M).steps.map((s) => `${describeOperation(s.operation)} → ${inline(s.matrix)}`);

export const maxRank: ExerciseGenerator = {
  id: 'max-rank',
  generate(seed) {
    const random = seededRandom(seed);
    const m = int(random, 2, 7);
    let n = int(random, 2, 7);
    if (n === m) n += 1;
    const low = Math.min(m, n), high = Math.max(m, n);
    return {
      prompt: [{ type: 'text', text: `A matrix has ${m} rows and ${n} columns. What is the largest rank it can have?` }],
      expected: choice(random,
        { text: String(low), explanation: `Right: rank counts independent rows and independent columns alike, and there are only ${low} ${m < n ? 'rows' : 'columns'}.` },
        [
          { text: String(high), explanation: `No: ${high} ${m > n ? 'rows' : 'columns'} live in a space of dimension ${low}, so at most ${low} of them are independent.` },
          { text: String(m * n), explanation: `No: ${m * n} is the number of entries, not of independent rows.` },
          { text: String(m + n), explanation: `No: m + n counts rows and columns together; the rank is at most the smaller of the two.` },
        ]),
      solution: [`Row rank = column rank, and neither can exceed its count: rank ≤ min(${m}, ${n}) = ${low}.`,
        `A matrix with ${low} independent ${m < n ? 'rows' : 'columns'} reaches it.`],
    };
  },
};

export const rankOfMatrix: ExerciseGenerator = {
  id: 'rank-of-matrix',
  generate(seed) {
    const random = seededRandom(seed);
    const m = 3, n = pick(random, [3, 4]);
    const r = int(random, 1, 3);
    const M = readableMatrix(() => integerMatrixOfRank(m, n, r, random));
    const { rref, pivotColumns } = eliminate(fromNumbers(M));
    return {
      prompt: [{ type: 'text', text: 'What is the rank of M?' }, { type: 'matrix', label: 'M', rows: rowsText(M) }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [...ops(fromNumbers(M)),
        `The reduced form has ${r} non-zero row${r === 1 ? '' : 's'} (pivots in column${r === 1 ? '' : 's'} ${pivotColumns.map((c) => c + 1).join(', ')}): rank ${r}.`],
      diagnose(given) {
        const x = given as number;
        if (!Number.isInteger(x)) return 'A rank is a whole number: the count of pivots.';
        if (x > m) return `M has only ${m} rows, so its rank is at most ${m}.`;
        if (x > r) return `Too many: after elimination, row ${r + 1} of the reduced form is all zeros (${inline([rref[r]])}), so it adds nothing new.`;
        return `Too few: row ${x + 1} of the reduced form still has a pivot, in column ${pivotColumns[x] + 1}.`;
      },
    };
  },
};

export const rref: ExerciseGenerator = {
  id: 'rref',
  generate(seed) {
    const random = seededRandom(seed);
    const n = pick(random, [3, 4]);
    const r = int(random, 1, 2);
    const M = readableMatrix(() => integerMatrixOfRank(3, n, r, random));
    const exact = fromNumbers(M);
    const { rref: R, pivotColumns } = eliminate(exact);
    return {
      prompt: [{ type: 'text', text: 'Reduce M to reduced row echelon form (keep zero rows at the bottom). Fractions such as 2/3 are fine.' },
        { type: 'matrix', label: 'M', rows: rowsText(M) }],
      expected: { kind: 'matrix', value: R },
      solution: [...ops(exact), `rref(M) = ${inline(R)}`],
      diagnose: (given) => rrefRowMessage(given as FractionMatrix, R, pivotColumns),
    };
  },
};

/** Points at the first row of the reader's RREF that differs from the elimination's, and says how. */
export function rrefRowMessage(given: FractionMatrix, R: FractionMatrix, pivotColumns: number[]): string {
  const i = R.findIndex((row, k) => row.some((x, j) => !x.equals(given[k][j])));
  const row = given[i];
  const lead = row.findIndex((x) => !x.equals(0));
  const label = `Row ${i + 1}`;
  if (i >= pivotColumns.length) return `${label} should be all zeros: M has rank ${pivotColumns.length}, so only ${pivotColumns.length} rows keep a pivot.`;
  const pivot = pivotColumns[i];
  if (lead < 0) return `${label} should not be zero: it keeps a pivot in column ${pivot + 1}.`;
  if (lead !== pivot) return `${label}'s leading entry should be in column ${pivot + 1}, not column ${lead + 1}.`;
  if (!row[lead].equals(1)) {
    const scaled = R[i].map((x) => x.mul(row[lead]));
    if (scaled.every((x, j) => x.equals(row[j]))) return `${label} is right up to a factor: divide it by ${row[lead].toFraction()} so its pivot is 1.`;
    return `${label}'s pivot should be 1, not ${row[lead].toFraction()}.`;
  }
  const other = pivotColumns.find((c) => c !== pivot && !row[c].equals(0));
  if (other !== undefined) return `${label} has ${row[other].toFraction()} in column ${other + 1}, a pivot column of another row: clear it to 0.`;
  const j = R[i].findIndex((x, k) => !x.equals(row[k]));
  return `${label}, column ${j + 1}: the elimination gives ${R[i][j].toFraction()}, not ${row[j].toFraction()}.`;
}

export const missingEntry: ExerciseGenerator = {
  id: 'missing-entry',
  generate(seed) {
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
      prompt: [{ type: 'text', text: 'Which value of x makes M a rank-1 matrix?' }, { type: 'matrix', label: 'M', rows }],
      expected: { kind: 'fraction', value },
      solution: [
        `Rank 1 means every row is a multiple of every other: row ${hideRow + 1} = ${shown[hideRow][refCol].div(shown[refRow][refCol]).toFraction()} × row ${refRow + 1} (from column ${refCol + 1}).`,
        `So x = ${shown[hideRow][refCol].toFraction()} × ${shown[refRow][hideCol].toFraction()} / ${shown[refRow][refCol].toFraction()} = ${value.toFraction()}.`,
      ],
      diagnose(given) {
        const x = new Fraction(given as number);
        const r = eliminate(withX(x)).rank;
        return `With x = ${x.toFraction()} elimination leaves ${r} pivots: M has rank ${r}. The rows must be multiples of each other.`;
      },
    };
  },
};

export const lessonOne = [maxRank, rankOfMatrix, rref, missingEntry];
