import { describe, it, expect } from 'vitest';
import { Notebook } from '../../../src/notebook/notebook';
import { plainMessage } from '../../../src/notebook/messages';
import { sayProblem } from '../../../src/notebook/cell-problem';
import { translator } from '../../../src/i18n/translate';
import { de } from '../../../src/i18n/messages/de';

/** The error each cell shows, run as a lesson page runs them (through the sandbox, with the page's scope). */
function errors(...sources: string[]): string[] {
  return new Notebook().update(sources.map((source, i) => ({ id: `c${i}`, source }))).map((o) => o.error);
}

describe('cell errors in plain words, with the technical text kept', () => {
  it('a product of matrices whose sizes do not fit names them and their sizes', () => {
    const [, , product, literal] = errors('A = [[1, 2]]', 'B = [[1], [2], [3]]', 'A * B', '[[1, 2, 3]] * [[1, 2]]');
    expect(product).toMatch(/^A is 1 × 2 and B is 3 × 1: a product needs as many columns on the left \(2\) as rows on the right \(3\)\. Technically: Dimension mismatch/);
    expect(literal).toMatch(/^The left matrix is 1 × 3 and the right matrix is 1 × 2: a product needs as many columns on the left \(3\) as rows on the right \(1\)\./);
  });

  it('entry-by-entry operations say they need equal sizes', () => {
    const [, , sum] = errors('A = [[1, 2]]', 'C = [[1, 2, 3]]', 'A + C');
    expect(sum).toMatch(/^A is 1 × 2 and C is 1 × 3: \+ works entry by entry, so both sides need the same size\. Technically: /);
  });

  it('a square-only function names the matrix it was given', () => {
    const [, inv, det] = errors('A = [[1, 2]]', 'inv(A)', 'det([[1, 2, 3], [4, 5, 6]])');
    expect(inv).toBe('inv(…) needs a square matrix (as many rows as columns), but A is 1 × 2. Technically: Matrix must be square (size: [1, 2]).');
    expect(det).toMatch(/^det\(…\) needs a square matrix \(as many rows as columns\), but it was given a 2 × 3 matrix\. Technically: /);
  });

  it('an index past the end says how many there are', () => {
    const [, past] = errors('C = [[1, 2], [3, 4]]', 'C[3, 1]');
    expect(past).toBe('Position 3 is past the end: there are only 2 there (positions count from 1). Technically: Index out of range (3 > 2).');
  });

  it('without the cell to look at, a size error is still said in words, and other errors pass through', () => {
    expect(plainMessage(new RangeError('Dimension mismatch (1 != 2)'))).toBe('The sizes of the matrices or vectors here do not fit together. Technically: Dimension mismatch (1 != 2).');
    expect(plainMessage(new RangeError('Dimension mismatch in multiplication. Matrix A columns (2) must match Matrix B rows (1)')))
      .toMatch(/^The sizes do not fit: a product A B needs as many columns in A \(here 2\) as rows in B \(here 1\)\./);
    expect(plainMessage(new Error('Cannot calculate inverse, determinant is zero'))).toBe('Cannot calculate inverse, determinant is zero.');
  });

  it('the worker sends keys, not words: the page says them, and results aloud, in its language', () => {
    const german = translator('de', de);
    const out = new Notebook().update(['A = [[1, 2]]', 'B = [[1], [2], [3]]', 'A * B', 'A[1, 3]'].map((source, i) => ({ id: `c${i}`, source })), undefined, german);
    expect(sayProblem(german, out[2].problem)).toMatch(/^A ist 1 × 2 und B ist 3 × 1: Ein Produkt braucht links so viele Spalten \(2\) wie rechts Zeilen \(3\)\. Technisch: Dimension mismatch/);
    expect(out[2].error).toMatch(/^A is 1 × 2 and B is 3 × 1/); // el.state and the build's fallback take the page's words instead
    expect(sayProblem(german, out[3].problem)).toMatch(/^Position 3 liegt hinter dem Ende: Dort gibt es nur 2/);
    expect(out[0].spoken).toBe('A = 1-mal-2-Matrix: Zeile 1: 1, 2');
  });
});
