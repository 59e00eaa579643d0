import { describe, it, expect } from 'vitest';
import Fraction from 'fraction.js';
import { eliminate, describeOperation } from '../../../src/linalg/rref';
import { fromNumbers, parseEntry, type FractionMatrix } from '../../../src/linalg/fraction-matrix';

const text = (M: FractionMatrix) => M.map((row) => row.map((x) => x.toFraction()));
const exact = (rows: string[][]) => rows.map((row) => row.map((x) => {
  const r = parseEntry(x);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}));

describe('eliminate (exact Gauss-Jordan)', () => {
  it('reduces the rank-1 example in two recorded steps', () => {
    const result = eliminate(fromNumbers([[1, 2, 3], [2, 4, 6], [3, 6, 9]]));
    expect(result.rank).toBe(1);
    expect(result.pivotColumns).toEqual([0]);
    expect(result.steps.map((s) => describeOperation(s.operation))).toEqual(['R2 ← R2 − 2·R1', 'R3 ← R3 − 3·R1']);
    expect(text(result.rref)).toEqual([['1', '2', '3'], ['0', '0', '0'], ['0', '0', '0']]);
    expect(result.steps[0].pivot).toEqual([0, 0]);
  });

  it('swaps a zero pivot away and scales pivots to one', () => {
    const result = eliminate(fromNumbers([[0, 2], [3, 1]]));
    expect(result.steps[0].operation).toEqual({ kind: 'swap', rowA: 0, rowB: 1 });
    expect(result.steps.map((s) => s.operation.kind)).toEqual(['swap', 'scale', 'scale', 'add']);
    expect(text(result.rref)).toEqual([['1', '0'], ['0', '1']]);
  });

  it('stays exact with fractions where floating point would round', () => {
    const M = exact([['1/3', '1/7'], ['2/3', '2/7']]);
    expect(eliminate(M).rank).toBe(1);
    const N = exact([['1/3', '1/7'], ['2/3', '2/7 ']]);
    N[1][1] = N[1][1].add(new Fraction(1, 10 ** 12));
    expect(eliminate(N).rank).toBe(2); // a difference of 1e-12 is still a difference
  });

  it('each recorded step holds the matrix after it, ending at the RREF', () => {
    const M = fromNumbers([[2, 4, 1], [1, 2, 0], [0, 0, 5]]);
    const result = eliminate(M);
    expect(text(result.steps.at(-1)!.matrix)).toEqual(text(result.rref));
    expect(result.pivotColumns).toEqual([0, 2]);
    expect(text(M)[0]).toEqual(['2', '4', '1']); // the input is not modified
  });

  it('describes operations in the words a reader uses', () => {
    expect(describeOperation({ kind: 'scale', row: 1, factor: new Fraction(1, 3) })).toBe('R2 ← 1/3 · R2');
    expect(describeOperation({ kind: 'add', target: 0, source: 2, factor: new Fraction(5, 2) })).toBe('R1 ← R1 + 5/2·R3');
    expect(describeOperation({ kind: 'swap', rowA: 0, rowB: 1 })).toBe('Swap R1 and R2');
  });

  it('handles zero and empty matrices', () => {
    expect(eliminate(fromNumbers([[0, 0], [0, 0]])).rank).toBe(0);
    expect(eliminate([]).rank).toBe(0);
  });
});
