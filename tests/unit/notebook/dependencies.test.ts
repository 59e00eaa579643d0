import { describe, it, expect } from 'vitest';
import { cellSymbols } from '../../../src/notebook/dependencies';
import { createSandbox } from '../../../src/notebook/sandbox';

const sandbox = createSandbox();
const symbols = (source: string) => cellSymbols(sandbox.parse(source) as any);

describe('cellSymbols: what a cell defines and reads, from its expression tree', () => {
  it('finds an assignment and the names its value reads', () => {
    expect(symbols('A = [[1, 2], [2, 4]]')).toEqual({ defines: ['A'], uses: [] });
    expect(symbols('B = A * x + rank(A)')).toEqual({ defines: ['B'], uses: ['A', 'x', 'rank'] });
  });

  it('reads a name before redefining it: x = x + 1 uses the earlier x', () => {
    expect(symbols('x = x + 1')).toEqual({ defines: ['x'], uses: ['x'] });
  });

  it('does not count names the cell defined earlier in the same cell', () => {
    expect(symbols('a = 1; b = a + c')).toEqual({ defines: ['a', 'b'], uses: ['c'] });
    expect(symbols('a = 1\nb = a * 2')).toEqual({ defines: ['a', 'b'], uses: [] });
  });

  it('treats function parameters as local, and the function name as defined', () => {
    expect(symbols('f(x) = x^2 + k')).toEqual({ defines: ['f'], uses: ['k'] });
    expect(symbols('g(n) = n < 1 ? 1 : g(n - 1)')).toEqual({ defines: ['g'], uses: [] });
  });

  it('counts an indexed assignment as reading and redefining the matrix', () => {
    expect(symbols('A[1, 2] = 5')).toEqual({ defines: ['A'], uses: ['A'] });
  });

  it('ignores the `end` keyword inside an index', () => {
    expect(symbols('A[end, 1]')).toEqual({ defines: [], uses: ['A'] });
  });
});
