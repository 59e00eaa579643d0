import type { Selection } from 'd3-selection';
import { cellTint } from '../plots/scales';

type Group = Selection<SVGGElement, undefined, null, undefined>;

/** The largest |value| in some matrices or vectors, 1 when all are zero: one colour scale shared by them. */
export function largestMagnitude(...values: (number[] | number[][])[]): number {
  let m = 0;
  for (const v of values) for (const x of (v as (number | number[])[]).flat()) m = Math.max(m, Math.abs(x));
  return m || 1;
}

/**
 * Draws rows of values as tinted square cells at (x, y), blue negative and orange positive, strength
 * |value| / scale, with the theme's border between cells. Returns the group, for hiding or fading.
 */
export function drawCells(parent: Group, rows: number[][], x: number, y: number, cell: number, scale: number, className = ''): Group {
  const g = parent.append('g').attr('class', `rb-cells ${className}`.trim());
  g.append('rect').attr('x', x).attr('y', y).attr('width', (rows[0]?.length ?? 0) * cell).attr('height', rows.length * cell)
    .attr('fill', 'var(--rb-bg)').attr('stroke', 'var(--rb-border)');
  rows.forEach((row, i) => row.forEach((value, j) => {
    const tint = cellTint(value, [-scale, scale], 'diverging');
    g.append('rect').attr('x', x + j * cell).attr('y', y + i * cell).attr('width', cell).attr('height', cell)
      .attr('fill', tint.colour).attr('fill-opacity', tint.opacity).attr('stroke', 'var(--rb-border)').attr('stroke-width', 0.5);
  }));
  return g;
}
