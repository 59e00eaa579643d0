import { describe, it, expect } from 'vitest';
import { Notebook } from '../../../src/notebook/notebook';
import { subspaceSimilarity } from '../../../src/linalg/subspace';

const run = (...sources: string[]) => new Notebook().update(sources.map((source, t) => ({ id: `c${t}`, source })));
const last = (...sources: string[]) => run(...sources).at(-1)!;

describe('the course functions in cells', () => {
  it('rank: exact for fractions, numeric (numpy tolerance) for floats', () => {
    expect(last('rank([[1, 2, 3], [2, 4, 6], [3, 6, 9]])').text).toBe('1');
    expect(last('rank([[1, 2], [3, 4]])').text).toBe('2');
    expect(last('rank([[1/3, 1], [1, 3]])').text).toBe('1'); // exact: 1/3 * 3 = 1
    expect(last('rank([[1, 2], [2, 4 + 1e-20]])').text).toBe('2'); // exact arithmetic sees the 1e-20
    expect(last('rank(sqrt(2) * [[1, 2], [2, 4]])').text).toBe('1'); // floats: numeric rank
    expect(last('rank(zeros(3, 3))').text).toBe('0');
    expect(last('rank(A) + 1/2', ).error).toMatch(/“A” is not defined/);
  });

  it('rref: the exact reduced row echelon form', () => {
    expect(last('rref([[1, 2, 3], [2, 4, 6], [3, 6, 9]])').text).toBe('[[1, 2, 3], [0, 0, 0], [0, 0, 0]]');
    expect(last('rref([[2, 1], [1, 3]])').text).toBe('[[1, 0], [0, 1]]');
    expect(last('rref([[3, 1, 1]])').text).toBe('[[1, 1/3, 1/3]]');
    expect(last('rref([[sqrt(2), 1]])').error).toMatch(/rref works in exact fractions/);
  });

  it('svd: singular values, largest first', () => {
    expect(last('svd([[3, 0], [0, 4]])').text).toBe('[4, 3]');
    expect(last('svd([[1, 2], [2, 4]])').text).toMatch(/^\[5, [0-9.e-]+\]$/);
  });

  it('lowrank: the best rank-k approximation, and rank k exactly', () => {
    const out = run('A = [[3, 0, 0], [0, 2, 0], [0, 0, 1]]', 'lowrank(A, 2)', 'rank(lowrank(A, 1))', 'lowrank(A, 3) - A');
    expect(out[1].text).toBe('[[3, 0, 0], [0, 2, 0], [0, 0, 0]]');
    expect(out[2].text).toBe('1');
    expect(out[3].text).toMatch(/^\[\[(-?[0-9.e-]+(, )?)+\]/);
    expect(last('lowrank([[1, 2], [3, 4]], 3)').error).toBe('lowrank(A, k): k must be a whole number from 0 to 2.');
  });

  it('energy: the share of the squared Frobenius norm the top k singular values keep', () => {
    expect(last('energy([[3, 0], [0, 4]], 1)').text).toBe('0.64');
    expect(last('energy([[3, 0], [0, 4]], 2)').text).toBe('1');
    expect(last('energy([[1, 2], [2, 4]], 1)').text).toBe('1');
    expect(last('energy([[1, 2], [3, 4]], 1/2)').error).toMatch(/k must be a whole number/);
  });

  it('phi: the LoRA paper\'s subspace similarity, agreeing with src/linalg', () => {
    expect(last('phi([[1, 0, 0]], [[2, 0, 0]], 1, 1)').text).toBe('1');
    expect(last('phi([[1, 0, 0]], [[0, 1, 0]], 1, 1)').text).toBe('0');
    expect(last('phi([[1, 0, 0]], [[1, 1, 0]], 1, 1)').text).toBe('0.5');
    const A1 = [[1, 2, 0, 1], [0, 1, 3, 1]];
    const A2 = [[2, 0, 1, 1], [1, 1, 1, 0]];
    const out = last(`phi(${JSON.stringify(A1)}, ${JSON.stringify(A2)}, 1, 2)`);
    expect(Number(out.text)).toBeCloseTo(subspaceSimilarity(A1, A2, 1, 2), 5);
    expect(last('phi([[1, 0]], [[1, 0, 0]], 1, 1)').error).toMatch(/same, non-zero number of columns/);
  });

  it('norm and trace stay exact when they can', () => {
    expect(last('norm([3, 4])').text).toBe('5');
    expect(last('norm([[1, 1], [1, 1]] / 2)').text).toBe('1');
    expect(last('norm([1, 1])').text).toBe('1.41421');
    expect(last('trace([[1/2, 9], [9, 1/3]])').text).toBe('5/6');
  });

  it('refuses SVDs of matrices too large for a cell', () => {
    expect(last('svd(ones(201, 2))').error).toMatch(/cells compute SVDs up to 200 × 200/);
  });
});
