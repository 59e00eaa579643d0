import { describe, it, expect } from 'vitest';
import { zoomInset, SMALL_EDGE_PX } from '../../../src/widgets/rank-geometry-inset';

describe('the rank-geometry zoom inset', () => {
  it('is left out where a unit edge is drawn at least SMALL_EDGE_PX long', () => {
    expect(zoomInset(SMALL_EDGE_PX, 560, 440)).toBeNull();
    expect(zoomInset(35, 366, 366)).toBeNull();
    expect(zoomInset(0, 560, 440)).toBeNull();
    expect(zoomInset(Number.NaN, 560, 440)).toBeNull();
  });

  it('magnifies lesson 1\'s rank-1 cube (8.2 px a unit at 560 x 440, 6.7 at 366) to an edge of about a third of the inset', () => {
    expect(zoomInset(8.2, 560, 440)).toEqual({ size: 140, zoom: 5 }); // an edge of 41 px in a 140 px inset
    expect(zoomInset(6.7, 366, 366)).toEqual({ size: 117, zoom: 5 }); // 33.5 px in 117
  });

  it('keeps the inset between 100 and 140 px and magnifies at least twice', () => {
    expect(zoomInset(19, 200, 200)).toEqual({ size: 100, zoom: 2 });
    expect(zoomInset(0.5, 2000, 2000)!.size).toBe(140);
    expect(zoomInset(0.5, 2000, 2000)!.zoom).toBe(95);
  });
});
