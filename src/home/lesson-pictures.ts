/**
 * The home page's small pictures, one per lesson, as plain shapes in a fixed box (no DOM): lines through a
 * series, a grid of shaded cells, rectangles to scale. components/LessonPicture.astro feeds them real data
 * read at build time and draws them as SVG; they carry no text, so a picture stays legible at any size.
 */

export interface Box { width: number; height: number; pad: number }
export const PICTURE_BOX: Box = { width: 160, height: 90, pad: 8 };

/** SVG polyline points for `values` spread evenly across the box, the y range fitted (log10 when `log`). */
export function linePoints(values: readonly number[], box: Box = PICTURE_BOX, options: { log?: boolean; range?: [number, number] } = {}): string {
  const ys = values.map((v) => (options.log ? Math.log10(Math.max(v, Number.MIN_VALUE)) : v));
  const [lo, hi] = options.range
    ? options.range.map((v) => (options.log ? Math.log10(v) : v))
    : [Math.min(...ys), Math.max(...ys)];
  const span = hi - lo || 1;
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  return ys.map((y, i) => {
    const x = box.pad + (values.length > 1 ? (i / (values.length - 1)) * w : w / 2);
    return `${round(x)},${round(box.pad + (1 - (y - lo) / span) * h)}`;
  }).join(' ');
}

export interface Cell { x: number; y: number; size: number; opacity: number }

/** The side of a square cell that fits `rows` x `cols` cells inside the box's padding. */
export function fitCellSize(rows: number, cols: number, box: Box = PICTURE_BOX): number {
  return Math.min((box.height - 2 * box.pad) / rows, (box.width - 2 * box.pad) / cols);
}

/**
 * A matrix as square cells of side `size` from the top-left corner `at`; each cell's opacity is |value| / max,
 * max being the largest |value| unless given (so several matrices can share one scale).
 */
export function gridCells(values: readonly (readonly number[])[], size: number, at = { x: 0, y: 0 },
  max = Math.max(...values.flat().map(Math.abs))): Cell[] {
  const scale = max || 1;
  return values.flatMap((row, i) => row.map((v, j) => ({
    x: round(at.x + j * size), y: round(at.y + i * size), size: round(size), opacity: Math.round(100 * (0.12 + 0.88 * Math.min(1, Math.abs(v) / scale))) / 100,
  })));
}

/** Where a block of `rows` x `cols` cells of side `size` sits when centred in the box. */
export function centred(rows: number, cols: number, size: number, box: Box = PICTURE_BOX): { x: number; y: number } {
  return { x: (box.width - cols * size) / 2, y: (box.height - rows * size) / 2 };
}

export interface Rect { x: number; y: number; width: number; height: number }

/**
 * Matrices side by side, to scale with each other, fitted to the box's height and centred: the shapes of
 * W (d x k) beside B (d x r) and A (r x k), or of M = C R. `gap` is in box units.
 */
export function shapesToScale(shapes: readonly { rows: number; cols: number }[], box: Box = PICTURE_BOX, gap = 8): Rect[] {
  const tallest = Math.max(...shapes.map((s) => s.rows));
  const totalCols = shapes.reduce((sum, s) => sum + s.cols, 0);
  const free = box.width - 2 * box.pad - gap * (shapes.length - 1);
  const unit = Math.min((box.height - 2 * box.pad) / tallest, free / totalCols);
  let x = (box.width - unit * totalCols - gap * (shapes.length - 1)) / 2;
  return shapes.map(({ rows, cols }) => {
    const rect = { x: round(x), y: round((box.height - rows * unit) / 2), width: round(cols * unit), height: round(rows * unit) };
    x += cols * unit + gap;
    return rect;
  });
}

const round = (x: number) => Math.round(x * 10) / 10;
