import { describe, it, expect } from 'vitest';
import { PICTURE_BOX, centred, fitCellSize, gridCells, linePoints, shapesToScale } from '../../../src/home/lesson-pictures';

const points = (s: string) => s.split(' ').map((p) => p.split(',').map(Number));
const inside = ([x, y]: number[]) => x >= PICTURE_BOX.pad && x <= PICTURE_BOX.width - PICTURE_BOX.pad
  && y >= PICTURE_BOX.pad && y <= PICTURE_BOX.height - PICTURE_BOX.pad;

describe('the home page pictures', () => {
  it('a line spans the box inside its padding, largest value at the top', () => {
    const p = points(linePoints([3, 1, 2]));
    expect(p.every(inside)).toBe(true);
    expect(p[0]).toEqual([PICTURE_BOX.pad, PICTURE_BOX.pad]);
    expect(p[1]).toEqual([PICTURE_BOX.width / 2, PICTURE_BOX.height - PICTURE_BOX.pad]);
    expect(p[2][0]).toBe(PICTURE_BOX.width - PICTURE_BOX.pad);
  });

  it('a log line puts 10 halfway between 1 and 100; a shared range keeps two lines comparable', () => {
    expect(points(linePoints([100, 10, 1], PICTURE_BOX, { log: true }))[1][1]).toBe(PICTURE_BOX.height / 2);
    const [a] = points(linePoints([5, 5], PICTURE_BOX, { range: [0, 10] }));
    expect(a[1]).toBe(PICTURE_BOX.height / 2);
  });

  it('grid cells fit the box and shade by |value| over the largest, or over a given maximum', () => {
    const size = fitCellSize(2, 3);
    const cells = gridCells([[1, -2, 4], [0, 2, -4]], size, centred(2, 3, size));
    expect(cells).toHaveLength(6);
    expect(Math.max(...cells.map((c) => c.x + c.size))).toBeLessThanOrEqual(PICTURE_BOX.width - PICTURE_BOX.pad + 0.1);
    expect(Math.max(...cells.map((c) => c.y + c.size))).toBeLessThanOrEqual(PICTURE_BOX.height - PICTURE_BOX.pad + 0.1);
    expect(cells.map((c) => c.opacity)).toEqual([0.34, 0.56, 1, 0.12, 0.56, 1]);
    expect(gridCells([[0.5]], 10, { x: 0, y: 0 }, 1)[0].opacity).toBe(0.56);
  });

  it('shapes keep their proportions to each other: W0 (128 x 128) is 16 times as wide as B (128 x 8)', () => {
    const [W, B, A] = shapesToScale([{ rows: 128, cols: 128 }, { rows: 128, cols: 8 }, { rows: 8, cols: 128 }]);
    expect(W.width / B.width).toBeCloseTo(16, 0);
    expect(W.height).toBeCloseTo(B.height, 5);
    expect(A.width).toBeCloseTo(W.width, 5);
    expect(A.x + A.width).toBeLessThanOrEqual(PICTURE_BOX.width - PICTURE_BOX.pad + 0.1);
  });
});
