import { describe, it, expect } from 'vitest';
import { CELL_FUNCTIONS, CELL_METHODS, checkMethodCalls } from '../../../src/notebook/cell-calls';
import { createSandbox } from '../../../src/notebook/sandbox';
import { BUILDS, SIZED_ELSEWHERE } from '../../../src/notebook/cell-builds';

const sandbox = createSandbox();

describe('cell calls: an allow-list of what a cell may call', () => {
  it.each([
    '"ab".repeat(1e9)', '"x".padStart(1e9, "y")', '"x".padEnd(1e9)', '"a".concat("b", "c")', 's = "ab"; s.repeat(3)',
    'A = [[1]]; A.resize([100000, 100000])', 'A = [[1]]; A.map(f)', '[1, 2].toString()', 'x = 1; x.valueOf()',
    'o = {f: rank}; o.f([[1]])', 'f(x) = x; g = f; [1].forEach(g)', '"ab"["repeat"](3)', '(1:3).clone()',
  ])('refuses the method call in %s before anything runs', (source) => {
    expect(() => sandbox.parse(source)).toThrow(/Cells call functions, not methods/);
  });

  it('passes function calls, operators and user functions', () => {
    for (const source of ['rank([[1, 2], [2, 4]])', 'f(x) = x^2; f(3)', 'A = ones(2, 2); A[1, 2] = 5', 'o = {a: 1}; o.a']) {
      expect(() => checkMethodCalls(sandbox.parse(source) as any)).not.toThrow();
    }
  });

  it('replaces every library function that is not on the allow-list with one that refuses', () => {
    const callable = [...sandbox.builtins].filter((name) => !['pi', 'e', 'true', 'false', 'null'].includes(name));
    const refused = callable.filter((name) => !CELL_FUNCTIONS.has(name));
    expect(refused).toEqual(expect.arrayContaining(['typed', 'config', 'numeric', 'parse']));
    for (const name of refused) {
      const node = sandbox.parse(`${name}(1)`);
      expect(() => sandbox.evaluate(node, new Map())).toThrow(`Function ${name} is disabled in cells.`);
    }
    expect(CELL_METHODS.size).toBe(0);
  });
});

describe('cell calls: every allowed function is sized before it builds', () => {
  it('has a size rule for each function on the allow-list, or is sized where it is defined', () => {
    const unsized = [...CELL_FUNCTIONS].filter((name) => !(name in BUILDS) && !SIZED_ELSEWHERE.has(name));
    expect(unsized).toEqual([]);
    expect([...SIZED_ELSEWHERE, ...Object.keys(BUILDS)].filter((name) => !CELL_FUNCTIONS.has(name))).toEqual([]);
  });
});
