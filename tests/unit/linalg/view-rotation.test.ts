import { describe, it, expect } from 'vitest';
import { projectPoint, normaliseView, viewerDirection, viewFacing } from '../../../src/linalg/view-rotation';

describe('the 3-D view', () => {
  it('with no turn or tilt, x is to the right, z is up and y points away', () => {
    const view = { turn: 0, tilt: 0 };
    expect(projectPoint([1, 0, 0], view)).toMatchObject({ x: 1 });
    expect(projectPoint([0, 0, 1], view).y).toBeCloseTo(-1, 12); // up on screen
    expect(projectPoint([0, 1, 0], view).depth).toBeCloseTo(-1, 12); // further away
  });

  it('turning 90 degrees brings y to the right; tilting 90 looks straight down', () => {
    expect(projectPoint([0, 1, 0], { turn: -90, tilt: 0 }).x).toBeCloseTo(1, 12);
    const down = projectPoint([0, 0, 1], { turn: 0, tilt: 90 });
    expect(down.depth).toBeCloseTo(-1, 12);
  });

  it('keeps lengths: a rotation moves points, it does not stretch them', () => {
    const p = [1, -2, 3];
    const q = projectPoint(p, { turn: 37, tilt: -21 });
    expect(Math.hypot(q.x, q.y, q.depth)).toBeCloseTo(Math.hypot(...p), 12);
  });

  it('wraps the turn and clamps the tilt', () => {
    expect(normaliseView({ turn: 190, tilt: 120 })).toEqual({ turn: -170, tilt: 89 });
    expect(normaliseView({ turn: -180, tilt: -100 })).toEqual({ turn: 180, tilt: -89 });
  });
});

describe('choosing a view', () => {
  it('the viewer direction is the depth axis', () => {
    const view = { turn: 25, tilt: 30 };
    const p = [0.3, -1.2, 2];
    const v = viewerDirection(view);
    expect(projectPoint(p, view).depth).toBeCloseTo(p.reduce((s, x, i) => s + x * v[i], 0), 12);
  });

  it('finds a view at the asked angle to a plane\'s normal', () => {
    const normal = [1, 1, -1];
    const view = viewFacing(normal, Math.SQRT1_2, { turn: -35, tilt: 20 });
    const v = viewerDirection(view);
    const c = Math.abs(v.reduce((s, x, i) => s + x * normal[i], 0)) / Math.sqrt(3);
    expect(c).toBeCloseTo(Math.SQRT1_2, 1);
    expect(view.tilt).toBeGreaterThanOrEqual(10);
  });
});
