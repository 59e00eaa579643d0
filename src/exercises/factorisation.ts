import Fraction from 'fraction.js';
import { columnRowFactorisation, storageCounts } from '../linalg/factorisation';
import { fromNumbers, multiply, type FractionMatrix } from '../linalg/fraction-matrix';
import { integerMatrixOfRank } from '../linalg/random-matrix';
import { seededRandom } from '../linalg/seeded-random';
import { firstWrongRow, slipMessage } from './checking';
import { inline, int, numIn, pick, readableMatrix, rowsText } from './draw';
import type { ExerciseGenerator } from './types';

/** Lesson 2: storage counts, a rank-1 matrix as u v, M = C R, and the rank where factoring stops paying. */

export const storageCount: ExerciseGenerator = {
  id: 'storage-count',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const m = pick(random, [100, 200, 300, 500, 768, 1000, 1024]);
    const n = pick(random, [80, 150, 400, 512, 600, 2000]);
    const r = pick(random, [1, 2, 4, 5, 8, 10, 16]);
    const { full, factored } = storageCounts(m, n, r);
    return {
      prompt: [{ type: 'text', text: t('storage-count.prompt', { m: String(m), n: String(n), r: String(r) }) }],
      expected: { kind: 'number', value: factored, tolerance: 0 },
      solution: [t('storage-count.solutionFactors', { m: String(m), n: String(n), r: String(r), left: num(m * r), right: num(r * n) }),
        t('storage-count.solutionTotal', { m: String(m), n: String(n), r: String(r), factored: num(factored), full: num(full) })],
      diagnose: (given) => slipMessage(given as number, [
        [full, t('storage-count.full')],
        [m + n, t('storage-count.sum', { r: String(r) })],
        [r * m, t('storage-count.leftOnly', { left: num(r * m), right: num(r * n) })],
        [r * n, t('storage-count.rightOnly', { left: num(r * m), right: num(r * n) })],
        [r * m * n, t('storage-count.product')],
      ]),
    };
  },
};

export const rankOneFactor: ExerciseGenerator = {
  id: 'rank-one-factor',
  generate(seed, _data, t) {
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
        { type: 'text', text: t('rank-one-factor.prompt') },
        { type: 'matrix', label: 'M', rows: rowsText(M) },
        { type: 'matrix', label: 'u', rows: column.map((x) => [String(x)]) },
      ],
      expected: { kind: 'matrix', value: answer },
      solution: [t('rank-one-factor.solutionV', { row: inline([M[0]]), u1: String(column[0]), v: inline(answer) }),
        t('rank-one-factor.solutionCheck')],
      diagnose(given) {
        const product = multiply(exactColumn, given as FractionMatrix);
        const row = firstWrongRow(product, fromNumbers(M));
        return t('rank-one-factor.wrongRow', { product: inline([product[row]]), row: row + 1, want: inline([M[row]]) });
      },
    };
  },
};

export const columnRow: ExerciseGenerator = {
  id: 'column-row',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const n = pick(random, [3, 4]);
    const M = readableMatrix(() => integerMatrixOfRank(3, n, 2, random));
    const exact = fromNumbers(M);
    const { C, R, pivotColumns } = columnRowFactorisation(exact);
    return {
      prompt: [
        { type: 'text', text: t('column-row.prompt', { a: pivotColumns[0] + 1, b: pivotColumns[1] + 1, n: String(n) }) },
        { type: 'matrix', label: 'M', rows: rowsText(M) },
        { type: 'matrix', label: 'C', rows: rowsText(C) },
      ],
      expected: { kind: 'matrix', value: R },
      solution: [t('column-row.solutionR', { R: inline(R) }), t('column-row.solutionColumns')],
      diagnose(given) {
        const product = multiply(C, given as FractionMatrix);
        const row = firstWrongRow(product, exact);
        return t('column-row.wrongRow', { product: inline([product[row]]), row: row + 1, want: inline([M[row]]) });
      },
    };
  },
};

export const breakEven: ExerciseGenerator = {
  id: 'break-even',
  generate(seed, _data, t) {
    const random = seededRandom(seed);
    const num = numIn(t);
    const m = int(random, 6, 60), n = int(random, 6, 60);
    // The largest r whose factored form stores strictly fewer numbers than the matrix itself.
    let r = 0;
    while (storageCounts(m, n, r + 1).factored < storageCounts(m, n, r + 1).full) r += 1;
    // r < m n / (m + n) < min(m, n), so r + 1 is still a rank the matrix can have: its count is the first that does not save.
    const mn = String(m * n), sum = String(m + n);
    return {
      prompt: [{ type: 'text', text: t('break-even.prompt', { m: String(m), n: String(n), entries: mn }) }],
      expected: { kind: 'number', value: r, tolerance: 0 },
      solution: [t('break-even.solutionBound', { mn, sum, bound: (m * n / (m + n)).toFixed(2) }),
        t('break-even.solutionLargest', { r: String(r), sum, count: String(r * (m + n)), mn, next: String(r + 1), nextCount: String((r + 1) * (m + n)) })],
      diagnose(given) {
        const x = given as number;
        if (x > r) return t('break-even.tooLarge', { x: String(x), sum, count: num(x * (m + n)), mn });
        return t('break-even.tooSmall', { next: String(x + 1), sum, count: String((x + 1) * (m + n)), mn });
      },
    };
  },
};

export const lessonTwo = [storageCount, rankOneFactor, columnRow, breakEven];
