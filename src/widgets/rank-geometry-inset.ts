/** A unit edge drawn shorter than this (CSS px) is hard to find, so the picture adds an inset that magnifies it. */
export const SMALL_EDGE_PX = 20;

export interface ZoomInset {
  /** Side of the inset's drawing, px; its name takes a strip above that. */
  size: number;
  /** Whole-number magnification, so the label's "×5" is exact. */
  zoom: number;
}

/**
 * The inset for a picture drawn at `scale` px per unit in a `width` x `height` box, or null where the unit
 * square or cube is big enough to see. The inset takes about a third of the picture's shorter side (100-140 px)
 * and magnifies the box until an edge is about a third of the inset.
 */
export function zoomInset(scale: number, width: number, height: number): ZoomInset | null {
  if (!(scale > 0) || scale >= SMALL_EDGE_PX) return null;
  const size = Math.round(Math.min(140, Math.max(100, Math.min(width, height) * 0.32)));
  return { size, zoom: Math.max(2, Math.floor((size * 0.34) / scale)) };
}
