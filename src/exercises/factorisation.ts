import Fraction from 'fraction.js';
import { columnRowFactorisation, storageCounts } from '../linalg/factorisation';
import { fromNumbers, multiply, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { seededRandom } from '../linalg/seeded-random';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, num, pick, readableMatrix, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 2: storage counts, a rank-1 matrix as u v, M = C R, and the rank where factoring stops paying. */

export const storageCount: ExerciseGenerator = {
  id: 'storage-count',
  generate(seed) {
    const random = seededRandom(seed);
    const m = pick(random, [100, 200, 300, 500, 768, 1000, 1024]);
    const n = pick(random, [80, 150, 400, 512, 600, 2000]);
    const r = pick(random, [1, 2, 4, 5, 8, 10, 16]);
    const { full, factored } = storageCounts(m, n, r);
    return {
      prompt: [{ type: 'text', text: `An ${m} × ${n} matrix has rank ${r}. How many numbers does it take to store it as an ${m} × ${r} matrix times a ${r} × ${n} matrix?` }],
      expected: { kind: 'number', value: factored, tolerance: 0 },
      solution: [`The left factor holds ${m} × ${r} = ${num(m * r)} numbers, the right ${r} × ${n} = ${num(r * n)}.`,
        `Together r (m + n) = ${r} × (${m} + ${n}) = ${num(factored)}, against m n = ${num(full)} for the full matrix.`],
      diagnose: (given) => slipMessage(given as number, [
        [full, `That is m n, the full matrix. The factors hold r (m + n) numbers.`],
        [m + n, `m + n counts one column and one row: multiply by r = ${r}, one pair for each rank.`],
        [r * m, `${num(r * m)} is only the left factor (m × r); add the right one, r × n = ${num(r * n)}.`],
        [r * n, `${num(r * n)} is only the right factor (r × n); add the left one, m × r = ${num(r * m)}.`],
        [r * m * n, `r m n multiplies all three: the factors hold r m + r n numbers.`],
      ]),
    };
  },
};

export const rankOneFactor: ExerciseGenerator = {
  id: 'rank-one-factor',
  generate(seed) {
    const random = seededRandom(seed);
    const nonZero = () => int(random, 1, 4) * (random() < 0.5 ? -1 : 1);
    const u = [nonZero(), nonZero(), nonZero()];
    const v = [nonZero(), nonZero(), nonZero()];
    // Ask for v against a column scaled by a whole number, so v may hold fractions.
    const scale = pick(random, [1, 2, 3]);
    const column = u.map((x) => x * scale);
    const M = u.map((a) => v.map((b) => a * b));
    const exactColumn = column.map((x) => [new Fraction(x)]);
    const answer = [v.map((b) => new Fraction(b, scale))];
    return {
      prompt: [
        { type: 'text', text: 'M has rank 1, so M = u v for a column u and a row v. With u given, find the row v (1 × 3).' },
        { type: 'matrix', label: 'M', rows: rowsText(M) },
        { type: 'matrix', label: 'u', rows: column.map((x) => [String(x)]) },
      ],
      expected: { kind: 'matrix', value: answer },
      solution: [`Row 1 of M is u₁ v, so v = (row 1 of M) / u₁ = ${inline([M[0]])} / ${column[0]} = ${inline(answer)}.`,
        `Check: u v gives back every row, row i being uᵢ times v.`],
      diagnose(given) {
        const product = multiply(exactColumn, given as FractionMatrix);
        const row = firstWrongRow(product, fromNumbers(M));
        return `u times your v gives ${inline([product[row]])} for row ${row + 1}, but M's row ${row + 1} is ${inline([M[row]])}.`;
      },
    };
  },
};

export const columnRow: ExerciseGenerator = {
  id: 'column-row',
  generate(seed) {
    const random = seededRandom(seed);
    const n = pick(random, [3, 4]);
    const M = readableMatrix(() => integerMatrixOfRank(3, n, 2, random));
    const exact = fromNumbers(M);
    const { C, R, pivotColumns } = columnRowFactorisation(exact);
    return {
      prompt: [
        { type: 'text', text: `M has rank 2. C holds its pivot columns (columns ${pivotColumns.map((c) => c + 1).join(' and ')}). Find R (2 × ${n}) so that M = C R.` },
        { type: 'matrix', label: 'M', rows: rowsText(M) },
        { type: 'matrix', label: 'C', rows: rowsText(C) },
      ],
      expected: { kind: 'matrix', value: R },
      solution: [`R is the non-zero rows of rref(M): ${inline(R)}.`,
        `Each column of R says how to mix C's columns into that column of M; the pivot columns of R form the identity.`],
      diagnose(given) {
        const product = multiply(C, given as FractionMatrix);
        const row = firstWrongRow(product, exact);
        return `C times your R gives ${inline([product[row]])} as row ${row + 1}, but M's row ${row + 1} is ${inline([M[row]])}.`;
      },
    };
  },
};

export const breakEven: ExerciseGenerator = {
  id: 'break-even',
  generate(seed) {
    const random = seededRandom(seed);
    const m = int(random, 6, 60), n = int(random, 6, 60);
    // The largest r whose factored form stores strictly fewer numbers than the matrix itself.
    let r = 0;
    while (storageCounts(m, n, r + 1).factored < storageCounts(m, n, r + 1).full) r += 1;
    return {
      prompt: [{ type: 'text', text: `An ${m} × ${n} matrix of rank r is stored as two factors, r (m + n) numbers. What is the largest r for which that stores fewer numbers than the ${m * n} entries?` }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [`r (m + n) < m n means r < m n / (m + n) = ${m * n} / ${m + n} ≈ ${(m * n / (m + n)).toFixed(2)}.`,
        `The largest whole r below that is ${r}: ${r} × ${m + n} = ${r * (m + n)} < ${m * n}${r + 1 <= Math.min(m, n) ? `, while ${r + 1} × ${m + n} = ${(r + 1) * (m + n)} is not` : ''}.`],
      diagnose(given) {
        const x = given as number;
        if (x > r) return `At r = ${x} the factors hold ${x} × ${m + n} = ${num(x * (m + n))} numbers, not fewer than ${m * n}.`;
        return `r = ${x + 1} still saves: ${x + 1} × ${m + n} = ${(x + 1) * (m + n)} < ${m * n}.`;
      },
    };
  },
};

export const lessonTwo = [storageCount, rankOneFactor, columnRow, breakEven];
