import type { Selection } from 'd3-selection';
import { drawCells, largestMagnitude } from './cell-grid';
import { sizePixelSvg, type PixelSvg } from './pixel-svg';
import type { BypassLayer, BypassFlow } from '../lora/bypass';

type Group = Selection<SVGGElement, undefined, null, undefined>;
type Point = [number, number];

/** Where the diagram put things, for the animation: the two paths from x to +, and + to h. */
export interface BypassGeometry {
  frozenPath: Point[];
  bypassPath: Point[];
  outPath: Point[];
  /** Fraction of the bypass path at which the vector reaches the bottleneck (A x exists from then on). */
  bottleneckAt: number;
  height: number;
}

/** Polyline length and the point at fraction t of it. */
export function pointAlong(path: Point[], t: number): Point {
  const lengths = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1]));
  let left = Math.max(0, Math.min(1, t)) * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] === 0 ? 0 : Math.min(1, left / lengths[i]);
      return [path[i][0] + f * (path[i + 1][0] - path[i][0]), path[i][1] + f * (path[i + 1][1] - path[i][1])];
    }
    left -= lengths[i];
  }
  return path[path.length - 1];
}

const pathLength = (path: Point[]) => path.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - path[i][0], p[1] - path[i][1]), 0);

/**
 * The data-flow diagram: x at the bottom; on the left the frozen W0 (d x k, to scale); on the right A narrowing
 * k inputs to the r-number bottleneck and B widening it to d outputs; both meet at + and give h on top.
 * Everything is in CSS pixels for `width`; labels are 13 px. `frozenLabel` is "frozen" in the reader's language.
 */
export function drawBypassDiagram(svg: PixelSvg, layer: BypassLayer, flow: BypassFlow, areaWidth: number, frozenLabel: string): BypassGeometry {
  // Wider than this and the two paths drift apart with nothing between them.
  const width = Math.min(areaWidth, 640);
  const { d, k, r } = layer;
  const labelLeft = 30;
  const labelRight = 62;
  const inner = Math.max(120, width - labelLeft - labelRight);
  const xL = labelLeft + inner * 0.24;
  const xR = labelLeft + inner * 0.72;
  const xC = (xL + xR) / 2;
  const c = Math.max(6, Math.min(22, (inner * 0.44) / Math.max(d, k)));
  const trapH = Math.max(34, 2 * c);
  const gap = 6;
  const yH = 10;
  const yP = yH + c + 24;
  const yTop = yP + 26;
  const middle = Math.max(d * c, 2 * trapH + c + 2 * gap);
  const yBottom = yTop + middle;
  const yX = yBottom + 30;
  const height = yX + c + 10;
  sizePixelSvg(svg, width, height);
  svg.selectAll('g').remove();
  const g = svg.append('g') as unknown as Group;
  const scale = largestMagnitude(flow.x, flow.h, flow.frozen, flow.up, flow.down);

  const line = (points: Point[], cls: string) => g.append('polyline').attr('class', cls)
    .attr('points', points.map((p) => p.join(',')).join(' ')).attr('fill', 'none');
  const w0Top = yTop + (middle - d * c) / 2;
  const w0Bottom = w0Top + d * c;
  const yNeck = yTop + trapH + gap;
  const yA0 = yNeck + c + gap;
  const frozenPath: Point[] = [[xC, yX], [xC, yX - 14], [xL, yX - 14], [xL, w0Bottom], [xL, w0Top], [xL, yP], [xC - 11, yP]];
  const bypassPath: Point[] = [[xC, yX], [xC, yX - 14], [xR, yX - 14], [xR, yA0 + trapH], [xR, yTop], [xR, yP], [xC + 11, yP]];
  const outPath: Point[] = [[xC, yP - 11], [xC, yH + c]];
  line(frozenPath, 'rb-bypass-wire rb-bypass-wire-frozen');
  line(bypassPath, 'rb-bypass-wire rb-bypass-wire-lora');
  line(outPath, 'rb-bypass-wire');

  // W0, to scale: d rows by k columns of cells, grey because it never changes.
  // An opaque rectangle first, so the wire does not show through the translucent box.
  g.append('rect').attr('fill', 'var(--rb-bg)').attr('x', xL - (k * c) / 2).attr('y', w0Top).attr('width', k * c).attr('height', d * c);
  g.append('rect').attr('class', 'rb-shape-frozen').attr('x', xL - (k * c) / 2).attr('y', w0Top).attr('width', k * c).attr('height', d * c);
  // Inside the box when it has room for two lines, else W0 alone to its left (the text beside says "frozen").
  // The word's width is estimated at 13 px: about 7.5 px a Latin letter, 13 px a Chinese character.
  const wordWidth = [...frozenLabel].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 13 : 7.5), 0);
  const inside = k * c >= Math.max(56, wordWidth + 8) && d * c >= 40;
  const w0Middle = w0Top + (d * c) / 2;
  if (inside) {
    g.append('text').attr('x', xL).attr('y', w0Middle - 9).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text('W₀');
    g.append('text').attr('class', 'rb-picture-muted').attr('x', xL).attr('y', w0Middle + 9).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text(frozenLabel);
  } else {
    g.append('text').attr('x', xL - (k * c) / 2 - 5).attr('y', w0Middle).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text('W₀');
  }

  // B: r -> d, widening upwards; the bottleneck of r cells; A: k -> r, narrowing upwards.
  const trapezoid = (yTopEdge: number, topWidth: number, bottomWidth: number) => {
    const points = [[xR - topWidth / 2, yTopEdge], [xR + topWidth / 2, yTopEdge],
      [xR + bottomWidth / 2, yTopEdge + trapH], [xR - bottomWidth / 2, yTopEdge + trapH]].map((p) => p.join(',')).join(' ');
    g.append('polygon').attr('fill', 'var(--rb-bg)').attr('points', points);
    g.append('polygon').attr('class', 'rb-shape-trainable').attr('points', points);
  };
  trapezoid(yTop, d * c, r * c);
  trapezoid(yA0, r * c, k * c);
  const neck = drawCells(g, [flow.down], xR - (r * c) / 2, yNeck, c, scale, 'rb-bypass-neck');
  const labelX = width - labelRight + 8;
  g.append('text').attr('x', labelX).attr('y', yTop + trapH / 2).attr('dominant-baseline', 'middle').text(`B: ${r}→${d}`);
  g.append('text').attr('x', labelX).attr('y', yNeck + c / 2).attr('dominant-baseline', 'middle').text(`r = ${r}`);
  g.append('text').attr('x', labelX).attr('y', yA0 + trapH / 2).attr('dominant-baseline', 'middle').text(`A: ${k}→${r}`);

  // +, h and x.
  g.append('circle').attr('class', 'rb-bypass-plus').attr('cx', xC).attr('cy', yP).attr('r', 11);
  g.append('text').attr('class', 'rb-picture-sign').attr('x', xC).attr('y', yP + 1).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text('+');
  const out = drawCells(g, [flow.h], xC - (d * c) / 2, yH, c, scale, 'rb-bypass-h');
  g.append('text').attr('x', xC - (d * c) / 2 - 6).attr('y', yH + c / 2).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text('h');
  drawCells(g, [flow.x], xC - (k * c) / 2, yX, c, scale, 'rb-bypass-x');
  g.append('text').attr('x', xC - (k * c) / 2 - 6).attr('y', yX + c / 2).attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text('x');
  neck.attr('data-stage', 'neck');
  out.attr('data-stage', 'h');
  g.append('g').attr('class', 'rb-bypass-dots');

  const toNeck: Point[] = bypassPath.slice(0, 4).concat([[xR, yNeck + c]]);
  return { frozenPath, bypassPath, outPath, bottleneckAt: pathLength(toNeck) / pathLength(bypassPath), height };
}

/**
 * One frame of the vector's trip, t in [0, 1]: until 0.75 two dots climb the two paths (the bottleneck's cells
 * appear when the bypass dot reaches them), then one dot goes from + to h, whose cells appear at the end.
 * t = 1 is the still picture: every value on show, no dots.
 */
export function showFlowFrame(svg: PixelSvg, geometry: BypassGeometry, t: number): void {
  const climb = Math.min(1, t / 0.75);
  svg.select('[data-stage=neck]').attr('opacity', climb >= geometry.bottleneckAt ? 1 : 0.15);
  svg.select('[data-stage=h]').attr('opacity', t >= 1 ? 1 : 0.15);
  const dots = svg.select('.rb-bypass-dots');
  dots.selectAll('*').remove();
  if (t >= 1) return;
  const dot = (p: Point, cls: string) => dots.append('circle').attr('class', cls).attr('cx', p[0]).attr('cy', p[1]).attr('r', 5);
  if (t < 0.75) {
    dot(pointAlong(geometry.frozenPath, climb), 'rb-bypass-dot rb-bypass-dot-frozen');
    dot(pointAlong(geometry.bypassPath, climb), 'rb-bypass-dot');
  } else {
    dot(pointAlong(geometry.outPath, (t - 0.75) / 0.25), 'rb-bypass-dot');
  }
}
