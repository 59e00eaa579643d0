import type { Selection } from 'd3-selection';
import { sizePixelSvg, type PixelSvg } from './pixel-svg';
import { uniqueId } from './dom';
import { unitBox, mapPoints, type ColumnSpace } from '../linalg/column-space';
import { projectPoint, type ViewAngles } from '../linalg/view-rotation';
import type { Translate } from '../i18n/translate';

type Group = Selection<SVGGElement, undefined, null, undefined>;
type Screen = { x: number; y: number; depth: number };

const AXIS_NAMES = ['x', 'y', 'z'];

/**
 * What M does to the unit square (2 x 2) or cube (3 x 3): the box dashed, its image M·box filled, M's columns
 * as arrows (the images of e1, e2, e3), and the column space every M x lands in: the whole plane or space, a
 * plane, a line or the origin. 3-D points are seen through `view` (orthographic); the scale comes from the
 * farthest point, not its projection, so the picture does not breathe while it turns.
 */
export function drawRankGeometry(svg: PixelSvg, M: number[][], space: ColumnSpace, view: ViewAngles, areaWidth: number, t: Translate): void {
  const n = M.length as 2 | 3;
  const width = Math.min(areaWidth, 560);
  const height = Math.min(width, 440);
  sizePixelSvg(svg, width, height);
  svg.selectAll('g, defs').remove();

  const box = unitBox(n);
  const images = mapPoints(M, box.corners);
  const columns = M[0].map((_, j) => M.map((row) => row[j]));
  const radius = Math.max(1.5, ...images.map((p) => Math.hypot(...p)), ...columns.map((p) => Math.hypot(...p)));
  // The plane patch reaches radius * 0.95 * sqrt(2) at its corners; keep 16 px for labels round the edge.
  const reach = space.kind === 'plane' && !space.whole ? radius * 1.35 : radius * 1.1;
  const scale = (Math.min(width, height) / 2 - 18) / reach;
  const cx = width / 2;
  const cy = height / 2;
  const at = (p: readonly number[]): Screen => {
    const q = n === 3 ? projectPoint(p, view) : { x: p[0], y: -p[1], depth: 0 };
    return { x: cx + scale * q.x, y: cy + scale * q.y, depth: q.depth };
  };
  const points = (ps: readonly (readonly number[])[]) => ps.map((p) => { const s = at(p); return `${s.x},${s.y}`; }).join(' ');

  const arrowId = uniqueId('geometry-arrow');
  svg.append('defs').append('marker').attr('id', arrowId).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
    .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
    .append('path').attr('d', 'M0,0 L10,5 L0,10 z').attr('class', 'rb-geometry-arrowhead');
  const g = svg.append('g') as unknown as Group;

  // The column space, behind everything.
  const R = radius * 0.95;
  if (space.whole) {
    g.append('rect').attr('class', 'rb-geometry-space').attr('x', 0).attr('y', 0).attr('width', width).attr('height', height);
  } else if (space.kind === 'plane') {
    const [u, v] = space.basis;
    const corner = (s: number, t: number) => u.map((x, i) => R * (s * x + t * v[i]));
    g.append('polygon').attr('class', 'rb-geometry-space').attr('points', points([corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)]));
  } else if (space.kind === 'line') {
    const u = space.basis[0];
    const [a, b] = [at(u.map((x) => -R * x)), at(u.map((x) => R * x))];
    g.append('line').attr('class', 'rb-geometry-line').attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y);
  } else {
    const o = at([0, 0, 0]);
    g.append('circle').attr('class', 'rb-geometry-origin').attr('cx', o.x).attr('cy', o.y).attr('r', 6);
  }

  // Axes, thin; their names are placed at the positive ends once the columns' labels are down.
  const axisEnds: Screen[] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: n }, (_, t) => (t === i ? radius : 0));
    const [a, b] = [at(e.map((x) => -x)), at(e)];
    g.append('line').attr('class', 'rb-geometry-axis').attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y);
    axisEnds.push(b);
  }

  // The unit box, dashed; then its image, faces painted far to near.
  for (const [a, b] of box.edges) {
    const [p, q] = [at(box.corners[a]), at(box.corners[b])];
    g.append('line').attr('class', 'rb-geometry-box').attr('x1', p.x).attr('y1', p.y).attr('x2', q.x).attr('y2', q.y);
  }
  const faces = box.faces.map((f) => ({ f, depth: f.reduce((s, c) => s + at(images[c]).depth, 0) / f.length }))
    .sort((a, b) => a.depth - b.depth);
  for (const { f } of faces) g.append('polygon').attr('class', 'rb-geometry-image').attr('points', points(f.map((c) => images[c])));

  // M's columns: where e1, e2 (, e3) go.
  const o = at(Array(n).fill(0));
  columns.forEach((col, j) => {
    const tip = at(col);
    if (Math.hypot(tip.x - o.x, tip.y - o.y) < 1) return; // a zero column has no arrow
    g.append('line').attr('class', 'rb-geometry-column').attr('x1', o.x).attr('y1', o.y).attr('x2', tip.x).attr('y2', tip.y)
      .attr('marker-end', `url(#${arrowId})`);
    // Labels sit past the tip, alternately either side of the arrow, so columns along one line keep them apart.
    const dx = tip.x - o.x;
    const dy = tip.y - o.y;
    const len = Math.hypot(dx, dy);
    const side = j % 2 === 0 ? 1 : -1;
    const lx = tip.x + (6 * dx) / len + (side * 12 * -dy) / len;
    const ly = tip.y + (6 * dy) / len + (side * 12 * dx) / len;
    g.append('text').attr('x', lx).attr('y', ly).attr('text-anchor', lx < tip.x - 2 ? 'end' : lx > tip.x + 2 ? 'start' : 'middle')
      .attr('dominant-baseline', 'middle').text(`Me${'₁₂₃'[j]}`);
  });

  // An axis name goes beside its axis's end, on the first side where it covers no column's label or arrow (Me₃
  // can point along an axis; a foreshortened axis ends among the arrows).
  const columnLabels = g.selectAll<SVGTextElement, unknown>('text').nodes().map((node) => node.getBBox());
  const arrows = columns.map((col) => [o, at(col)] as const);
  const covered = (box: DOMRect) => columnLabels.filter((c) => box.x < c.x + c.width + 2 && c.x < box.x + box.width + 2
    && box.y < c.y + c.height && c.y < box.y + box.height).length + arrows.filter(([a, b]) => crossesBox(a, b, box)).length;
  axisEnds.forEach((end, i) => {
    const name = g.append('text').attr('class', 'rb-picture-muted').text(AXIS_NAMES[i]);
    // Beside the end, then further out along the axis; where every place covers something, the one covering least.
    const length = Math.hypot(end.x - o.x, end.y - o.y) || 1;
    const places = [0, 14, 28].flatMap((out) => AXIS_NAME_SIDES.map(([dx, dy, anchor]) =>
      ({ x: end.x + (out * (end.x - o.x)) / length + dx, y: end.y + (out * (end.y - o.y)) / length + dy, anchor })));
    let best = { covers: Infinity, place: places[0] };
    for (const place of places) {
      name.attr('x', place.x).attr('y', place.y).attr('text-anchor', place.anchor);
      const covers = covered(name.node()!.getBBox());
      if (covers < best.covers) best = { covers, place };
      if (covers === 0) break;
    }
    name.attr('x', best.place.x).attr('y', best.place.y).attr('text-anchor', best.place.anchor);
  });

  const r = space.rank;
  g.append('text').attr('x', 6).attr('y', 16).text(space.whole ? (n === 2 ? t('geometry.svgWholePlane', { r }) : t('geometry.svgWholeSpace', { r }))
    : space.kind === 'origin' ? t('geometry.svgOrigin', { r }) : space.kind === 'line' ? t('geometry.svgLine', { r }) : t('geometry.svgPlane', { r }));
}

/** Where an axis name may sit beside its axis's end: offset (x, y) and text anchor, in the order tried. */
const AXIS_NAME_SIDES = [[4, -4, 'start'], [4, 14, 'start'], [-4, -4, 'end'], [-4, 14, 'end']] as const;

/** Whether the segment a-b passes through the box (checked every 2 px along it, which is finer than any glyph). */
function crossesBox(a: Screen, b: Screen, box: DOMRect): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
  for (let s = 0; s <= steps; s++) {
    const x = a.x + ((b.x - a.x) * s) / steps;
    const y = a.y + ((b.y - a.y) * s) / steps;
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}
