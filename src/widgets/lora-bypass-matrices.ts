import type { Selection } from 'd3-selection';
import { drawCells, largestMagnitude } from './cell-grid';
import { sizePixelSvg, type PixelSvg } from './pixel-svg';
import { deltaW, mergedWeight, type BypassLayer } from '../lora/bypass';

type Group = Selection<SVGGElement, undefined, null, undefined>;

const fresh = (svg: PixelSvg) => {
  svg.selectAll('g').remove();
  return svg.append('g') as unknown as Group;
};

/**
 * Delta W = (alpha/r) B A as an outer-product table: A's r rows above Delta W's columns, B's r columns left of
 * its rows, so entry (i, j) is read off B's row i and A's column j. At r = 1 every row of Delta W is B's entry
 * times A's one row, and the stripes show it.
 */
export function drawOuterProduct(svg: PixelSvg, layer: BypassLayer, width: number): void {
  const { d, k, r, A, B } = layer;
  const delta = deltaW(layer);
  const left = 26;
  const gap = 8;
  const c = Math.max(6, Math.min(24, (width - left - gap - 4) / (k + r)));
  const top = 22;
  const x0 = left + r * c + gap;
  const y0 = top + r * c + gap;
  const height = y0 + d * c + 26;
  sizePixelSvg(svg, width, height);
  const g = fresh(svg);
  const factors = largestMagnitude(A, B);
  drawCells(g, A, x0, top, c, factors);
  drawCells(g, B, left, y0, c, factors);
  drawCells(g, delta, x0, y0, c, largestMagnitude(delta));
  g.append('text').attr('x', x0).attr('y', top - 7).text(`A (${r} × ${k})`);
  g.append('text').attr('x', left - 6).attr('y', y0 + (d * c) / 2).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text('B');
  g.append('text').attr('x', x0).attr('y', y0 + d * c + 18).text(`ΔW = (α/r) B A  (${d} × ${k})`);
}

/** W0 + (alpha/r) B A = W: three d x k grids on one colour scale, with the signs between them. */
export function drawMerged(svg: PixelSvg, layer: BypassLayer, width: number): void {
  const { d, k } = layer;
  const delta = deltaW(layer);
  const W = mergedWeight(layer);
  const sign = 30;
  const c = Math.max(4, Math.min(18, (width - 2 * sign - 2) / (3 * k)));
  const top = 4;
  const height = top + d * c + 24;
  sizePixelSvg(svg, width, height);
  const g = fresh(svg);
  const scale = largestMagnitude(layer.W0, delta, W);
  const xs = [1, 1 + k * c + sign, 1 + 2 * (k * c + sign)];
  [layer.W0, delta, W].forEach((m, i) => drawCells(g, m, xs[i], top, c, scale));
  ['W₀', '(α/r) B A', 'W'].forEach((label, i) =>
    g.append('text').attr('x', xs[i] + (k * c) / 2).attr('y', top + d * c + 18).attr('text-anchor', 'middle').text(label));
  ['+', '='].forEach((s, i) =>
    g.append('text').attr('class', 'rb-picture-sign').attr('x', xs[i] + k * c + sign / 2).attr('y', top + (d * c) / 2)
      .attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text(s));
}
