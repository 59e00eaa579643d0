import { describe, it, expect } from 'vitest';
import {
  MAX_ENTRIES, MAX_RUN_ENTRIES, MAX_STRING_LENGTH, RunBudget, broadcastEntries, checkEntries, checkStringLength,
  entriesOf, indexEntries, productEntries, sizeOf,
} from '../../../src/notebook/cell-limits';

/** A stand-in for a mathjs matrix: the limits read only the flag and size(). */
const matrix = (...size: number[]) => ({ isMatrix: true as const, size: () => size });
const index = (size: number[], max: unknown[]) => ({ isIndex: true as const, size: () => size, max: () => max });

describe('cell limits: sizes read before anything is built', () => {
  it('counts entries of matrices, nested arrays and arrays of matrices without copying them', () => {
    expect(entriesOf(matrix(300, 400))).toBe(120_000);
    expect(entriesOf([[1, 2, 3], [4, 5, 6]])).toBe(6);
    expect(entriesOf([matrix(1000, 1000), matrix(1000, 1000)])).toBe(2_000_000);
    expect(entriesOf(7)).toBe(1);
    expect(sizeOf([[1, 2, 3], [4, 5, 6]])).toEqual([2, 3]);
    expect(sizeOf(5)).toEqual([]);
  });

  it('sizes broadcast element-wise results, including mixed ranks, and not scalars', () => {
    expect(broadcastEntries([matrix(100_000, 1), matrix(1, 100_000)])).toBe(1e10);
    expect(broadcastEntries([matrix(3, 1), matrix(4)])).toBe(12);
    expect(broadcastEntries([matrix(5, 5), 2])).toBe(25);
    expect(broadcastEntries([2, 3])).toBe(0);
  });

  it('sizes products: rows of the first by columns of the second; a scalar keeps the other', () => {
    expect(productEntries(matrix(100_000, 1), matrix(1, 100_000))).toBe(1e10);
    expect(productEntries(matrix(3, 4), matrix(4))).toBe(3);
    expect(productEntries(2, matrix(10, 10))).toBe(100);
    expect(productEntries(2, 3)).toBe(0);
  });

  it('sizes what an index selects and what an assignment through it would grow a matrix to', () => {
    expect(indexEntries(index([1, 1], [99_999, 99_999]))).toEqual({ selected: 1, reach: 1e10 });
    expect(indexEntries(index([1000, 1000], [0, 0]))).toEqual({ selected: 1e6, reach: 1 });
    expect(indexEntries(index([1], ['name']))).toEqual({ selected: 1, reach: 1 });
  });

  it('refuses each value past its limit, naming the count, and admits the limit itself', () => {
    expect(() => checkEntries(MAX_ENTRIES, 'x')).not.toThrow();
    for (const count of [MAX_ENTRIES + 1, 1e10, Infinity, NaN]) expect(() => checkEntries(count, 'That')).toThrow(/entries; cells hold matrices of up to 100,000/);
    expect(() => checkEntries(1e10, 'That')).toThrow(/That would have 10,000,000,000 entries/);
    expect(() => checkStringLength(MAX_STRING_LENGTH)).not.toThrow();
    expect(() => checkStringLength(2 ** 29)).toThrow(/536,870,912 characters long; cells hold text of up to 10,000/);
  });

  it('sums what one run builds, so many allowed values cannot add up to an unbounded one', () => {
    const budget = new RunBudget();
    const perValue = MAX_ENTRIES;
    for (let t = 0; t < MAX_RUN_ENTRIES / perValue; t++) budget.chargeEntries(perValue, 'A');
    expect(() => budget.chargeEntries(1, 'A')).toThrow(/more than 1,000,000 matrix entries in all/);
    expect(() => new RunBudget().chargeNumberBits(1e9)).toThrow(/too many very long exact numbers/);
  });
});
