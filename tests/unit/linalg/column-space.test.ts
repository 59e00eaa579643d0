import { describe, it, expect } from 'vitest';
import { columnSpace, unitBox, mapPoints } from '../../../src/linalg/column-space';

const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);

describe('column space', () => {
  it('names the lesson\'s 3 x 3 rank-1 example a line, along (1, 2, 3)', () => {
    const c = columnSpace([[1, 2, 3], [2, 4, 6], [3, 6, 9]]);
    expect(c).toMatchObject({ rank: 1, kind: 'line', whole: false });
    const u = c.basis[0];
    expect(Math.abs(dot(u, [1, 2, 3])) / Math.sqrt(14)).toBeCloseTo(1, 12); // parallel to (1, 2, 3)
  });

  it('a rank-2 3 x 3 matrix lands on a plane that holds every column', () => {
    const M = [[1, 0, 1], [0, 1, 1], [1, 1, 2]];
    const c = columnSpace(M);
    expect(c).toMatchObject({ rank: 2, kind: 'plane', whole: false });
    const [u, v] = c.basis;
    expect(dot(u, v)).toBeCloseTo(0, 12);
    for (let j = 0; j < 3; j++) {
      const col = M.map((row) => row[j]);
      const inPlane = [u, v].map((b) => dot(col, b));
      const rest = col.map((x, i) => x - inPlane[0] * u[i] - inPlane[1] * v[i]);
      expect(Math.hypot(...rest)).toBeLessThan(1e-12);
    }
  });

  it('full rank is the whole plane (2 x 2) or all of space (3 x 3); zero is the origin', () => {
    expect(columnSpace([[2, 1], [1, 3]])).toMatchObject({ rank: 2, kind: 'plane', whole: true });
    expect(columnSpace([[1, 2], [2, 4]])).toMatchObject({ rank: 1, kind: 'line', whole: false });
    expect(columnSpace([[1, 0, 0], [0, 2, 0], [0, 0, 3]])).toMatchObject({ rank: 3, kind: 'space', whole: true });
    expect(columnSpace([[0, 0], [0, 0]])).toMatchObject({ rank: 0, kind: 'origin', basis: [] });
  });
});

describe('the unit square and cube', () => {
  it('has 4 corners and 4 edges, or 8 corners, 12 edges and 6 faces', () => {
    expect(unitBox(2).corners).toHaveLength(4);
    expect(unitBox(2).edges).toHaveLength(4);
    const cube = unitBox(3);
    expect(cube.corners).toHaveLength(8);
    expect(cube.edges).toHaveLength(12);
    expect(cube.faces).toHaveLength(6);
    // Every edge joins corners one unit apart; every face's consecutive corners share an edge.
    for (const [a, b] of cube.edges) expect(cube.corners[a].reduce((s, x, i) => s + Math.abs(x - cube.corners[b][i]), 0)).toBe(1);
    for (const face of cube.faces) {
      face.forEach((a, i) => {
        const b = face[(i + 1) % 4];
        expect(cube.corners[a].reduce((s, x, t) => s + Math.abs(x - cube.corners[b][t]), 0)).toBe(1);
      });
    }
  });

  it('maps the cube\'s corners to sums of M\'s columns', () => {
    const M = [[1, 2, 3], [2, 4, 6], [3, 6, 9]];
    const images = mapPoints(M, unitBox(3).corners);
    expect(images).toContainEqual([6, 12, 18]); // (1, 1, 1) -> the sum of the columns
    expect(images).toContainEqual([0, 0, 0]);
    expect(images).toContainEqual([2, 4, 6]);
  });
});
