/**
 * The shape picture of lesson 2, M (m x n) = L_k (m x k) times R_k (k x n), laid out to one scale: every
 * entry of every matrix is the same size of square, so the thin factors look as thin as they are. Pure
 * geometry in CSS pixels; the factor-shapes widget draws what this returns.
 */

export interface ShapeBox {
  x: number;
  y: number;
  width: number;
  height: number;
  rows: number;
  cols: number;
  /** Widened (or heightened) to `minSide` so that it stays visible; to scale it would be thinner. */
  thickened: boolean;
}

export interface FactorShapeLayout {
  /** CSS pixels per matrix entry. */
  scale: number;
  M: ShapeBox;
  L: ShapeBox;
  R: ShapeBox;
  /** Centres of the "=" and "×" signs. */
  equals: { x: number; y: number };
  times: { x: number; y: number };
  width: number;
  height: number;
}

export interface FactorShapeOptions {
  /** Room for each of "=" and "×" between the boxes. */
  signGap?: number;
  /** The tallest the picture may be, in pixels. */
  maxHeight?: number;
  /** Room above the boxes for their names. */
  top?: number;
  /** A box side is never drawn thinner than this. */
  minSide?: number;
  /** Largest pixels per entry (a 2 x 3 matrix should not fill the screen). */
  maxScale?: number;
}

export function factorShapeLayout(m: number, n: number, k: number, width: number, options: FactorShapeOptions = {}): FactorShapeLayout {
  const { signGap = 32, maxHeight = 260, top = 22, minSide = 2, maxScale = 28 } = options;
  const room = Math.max(1, width - 2 * signGap);
  const scale = Math.min(room / (2 * n + k), maxHeight / m, maxScale);
  const box = (x: number, rows: number, cols: number): ShapeBox => {
    const w = cols * scale;
    const h = rows * scale;
    return { x, y: top, width: Math.max(w, minSide), height: Math.max(h, minSide), rows, cols, thickened: w < minSide || h < minSide };
  };
  const M = box(0, m, n);
  const L = box(M.width + signGap, m, k);
  const R = box(L.x + L.width + signGap, k, n);
  const middle = top + M.height / 2;
  return {
    scale, M, L, R,
    equals: { x: M.width + signGap / 2, y: middle },
    times: { x: L.x + L.width + signGap / 2, y: middle },
    width: R.x + R.width,
    height: top + M.height,
  };
}

/** The rank at which L_k and R_k together hold as many numbers as M: k (m + n) = m n. */
export function breakEvenRank(m: number, n: number): number {
  return (m * n) / (m + n);
}
