import { describe, it, expect } from 'vitest';
import { Notebook, type CellSource } from '../../../src/notebook/notebook';

const cells = (...sources: string[]): CellSource[] => sources.map((source, t) => ({ id: `c${t + 1}`, source }));
const byId = (outcomes: { id: string }[]) => outcomes.map((o) => o.id);
const text = (outcomes: { id: string; text: string }[], id: string) => outcomes.find((o) => o.id === id)?.text;

describe('Notebook: cells sharing a scope, re-run like an Observable notebook', () => {
  it('runs every cell the first time, in page order, sharing names', () => {
    const notebook = new Notebook();
    const out = notebook.update(cells('A = [[1, 2], [2, 4]]', 'rank(A)', 'B = 2 * A'));
    expect(byId(out)).toEqual(['c1', 'c2', 'c3']);
    expect(out.map((o) => o.text)).toEqual(['A = [[1, 2], [2, 4]]', '1', 'B = [[2, 4], [4, 8]]']);
    expect(out[0]).toMatchObject({ defines: ['A'], uses: [], error: '' });
    expect(out[1]).toMatchObject({ defines: [], uses: ['A'] }); // rank is built in: not listed
  });

  it('re-runs only the edited cell and the later cells that read what it defines', () => {
    const notebook = new Notebook();
    const page = cells('A = [[1, 2], [2, 4]]', 'x = 5', 'rank(A)', 'x + 1', 'C = A + 0');
    notebook.update(page);
    page[0].source = 'A = [[1, 2], [3, 4]]';
    const out = notebook.update(page);
    expect(byId(out)).toEqual(['c1', 'c3', 'c5']);
    expect(text(out, 'c3')).toBe('2');
    expect(notebook.update(page)).toEqual([]); // nothing changed: nothing runs
  });

  it('follows dependencies transitively, in page order', () => {
    const notebook = new Notebook();
    const page = cells('a = 1', 'b = a + 1', 'c = b * 10', 'd = 7');
    notebook.update(page);
    page[0].source = 'a = 2';
    const out = notebook.update(page);
    expect(byId(out)).toEqual(['c1', 'c2', 'c3']);
    expect(text(out, 'c3')).toBe('c = 30');
  });

  it('gives each cell the value defined above it, even when a later cell redefines the name', () => {
    const notebook = new Notebook();
    const out = notebook.update(cells('x = 1', 'y = x', 'x = 100', 'z = x'));
    expect(text(out, 'c2')).toBe('y = 1');
    expect(text(out, 'c4')).toBe('z = 100');
  });

  it('keeps fractions exact and turns to floats only when something inexact appears', () => {
    const notebook = new Notebook();
    const out = notebook.update(cells('1/3 + 1/6', '0.1 + 0.2', 'inv([[2, 1], [1, 1]]) / 3', '1e-3', 'sqrt(2)', 'pi + 1/3', '(1:4) / 3', '2^100'));
    expect(out.map((o) => o.text)).toEqual([
      '1/2', '3/10', '[[1/3, -1/3], [-1/3, 2/3]]', '1/1000', '1.41421', '3.47493', '[1/3, 2/3, 1, 4/3]',
      '1267650600228229401496703205376',
    ]);
    expect(out[0].tex).toBe('\\frac{1}{2}');
  });

  it('shows an error in words and keeps the last good result, greyed, with later cells using the last good value', () => {
    const notebook = new Notebook();
    const page = cells('A = [[1, 2], [2, 4]]', 'rank(A)');
    notebook.update(page);
    page[0].source = 'A = [[1, 2], [2, 4]';
    const [first, ...rest] = notebook.update(page);
    expect(first.error).toMatch(/^This could not be read: .*expected/);
    expect(first).toMatchObject({ stale: true, text: 'A = [[1, 2], [2, 4]]' });
    expect(rest).toEqual([]); // A did not change, so rank(A) need not re-run
    page[1].source = 'rank(A) + 1';
    expect(notebook.update(page)[0].text).toBe('2');
  });

  it('explains an undefined name, and runs the reader once it is defined above', () => {
    const notebook = new Notebook();
    const page = cells('y = 3', 'W * 2');
    expect(notebook.update(page)[1]).toMatchObject({ error: '“W” is not defined: define it in this cell or a cell above.', stale: false, text: '' });
    page[0].source = 'W = 3';
    expect(notebook.update(page).map((o) => o.text)).toEqual(['W = 3', '6']);
  });

  it('keeps an in-place change (A[1, 1] = 9) inside the cell that made it', () => {
    const notebook = new Notebook();
    const out = notebook.update(cells('A = [[1, 2], [3, 4]]', 'B = A; B[1, 1] = 9; B', 'A'));
    expect(text(out, 'c2')).toBe('[[9, 2], [3, 4]]');
    expect(text(out, 'c3')).toBe('[[1, 2], [3, 4]]');
  });

  it('labels the results of a cell with several statements and hides those ending in ;', () => {
    const notebook = new Notebook();
    const [out] = notebook.update(cells('a = 1; b = 2\nc = a + b'));
    expect(out.text).toBe('b = 2; c = 3'); // `a = 1;` is hidden by its semicolon
    const [both] = new Notebook().update(cells('x = 1\ny = 2'));
    expect(both.text).toBe('x = 1; y = 2');
    expect(both.tex).toMatch(/^\{\s*x = 1\},\\quad\\allowbreak\s+\{\s*y = 2\}$/);
  });

  it('shows a function definition and lets later cells call it', () => {
    const notebook = new Notebook();
    const out = notebook.update(cells('f(x) = x^2 + 1/2', 'f(3)'));
    expect(out[0].text).toBe('f(x) = x ^ 2 + 1 / 2');
    expect(out[1].text).toBe('19/2');
  });

  it('re-runs readers when a cell that defined a name is removed', () => {
    const notebook = new Notebook();
    notebook.update(cells('k = 2', 'k + 1'));
    const out = notebook.update([{ id: 'c2', source: 'k + 1' }]);
    expect(out[0].error).toMatch(/“k” is not defined/);
  });

  it('re-runs everything when cells change places', () => {
    const notebook = new Notebook();
    const page = cells('x = 1', 'x + 1');
    notebook.update(page);
    const out = notebook.update([page[1], page[0]]);
    expect(byId(out)).toEqual(['c2', 'c1']);
    expect(out[0].error).toMatch(/“x” is not defined/);
  });

  it('reports which cell is about to run, for the worker\'s time limit', () => {
    const notebook = new Notebook();
    const started: string[] = [];
    notebook.update(cells('1', '2'), (id) => started.push(id));
    expect(started).toEqual(['c1', 'c2']);
  });
});
