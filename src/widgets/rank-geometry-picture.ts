import type { Selection } from 'd3-selection';
import { sizePixelSvg, type PixelSvg } from './pixel-svg';
import { uniqueId } from './dom';
import { unitBox, mapPoints, type ColumnSpace } from '../linalg/column-space';
import { projectPoint, type ViewAngles } from '../linalg/view-rotation';
import type { Translate } from '../i18n/translate';
import { zoomInset } from './rank-geometry-inset';

type Group = Selection<SVGGElement, undefined, null, undefined>;
type Screen = { x: number; y: number; depth: number };
type Box = { x: number; y: number; width: number; height: number };
type Project = (p: readonly number[]) => Screen;

const AXIS_NAMES = ['x', 'y', 'z'];

/**
 * What M does to the unit square (2 x 2) or cube (3 x 3): the box dashed, its image M·box filled, M's columns
 * as arrows (the images of e1, e2, e3), and the column space every M x lands in: the whole plane or space, a
 * plane, a line or the origin. 3-D points are seen through `view` (orthographic); the scale comes from the
 * farthest point, not its projection, so the picture does not breathe while it turns. Where that scale leaves
 * the box too small to make out, a corner inset shows it magnified.
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
  const flat: Project = (p) => (n === 3 ? projectPoint(p, view) : { x: p[0], y: -p[1], depth: 0 });
  const at: Project = (p) => {
    const q = flat(p);
    return { x: width / 2 + scale * q.x, y: height / 2 + scale * q.y, depth: q.depth };
  };

  const arrowId = uniqueId('geometry-arrow');
  svg.append('defs').append('marker').attr('id', arrowId).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
    .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
    .append('path').attr('d', 'M0,0 L10,5 L0,10 z').attr('class', 'rb-geometry-arrowhead');
  const g = svg.append('g') as unknown as Group;
  const scene: Scene = { n, space, box, images, columns, radius, arrowId };
  const { axisEnds, arrows } = drawScene(g, scene, at, { x: 0, y: 0, width, height });
  const o = at(Array(n).fill(0));

  const outside = (b: Box) => Number(b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height);
  const r = space.rank;
  const caption = g.append('text').attr('x', 6).attr('y', 16).text(space.whole ? (n === 2 ? t('geometry.svgWholePlane', { r }) : t('geometry.svgWholeSpace', { r }))
    : space.kind === 'origin' ? t('geometry.svgOrigin', { r }) : space.kind === 'line' ? t('geometry.svgLine', { r }) : t('geometry.svgPlane', { r }));

  // A column's label sits past its tip, beside the arrow: on alternate sides, so columns along one line keep them
  // apart; on the other side or further out where that covers another label (tips can meet as the view turns).
  const labels: Box[] = [caption.node()!.getBBox()];
  arrows.forEach(([, tip], j) => {
    const dx = tip.x - o.x;
    const dy = tip.y - o.y;
    const len = Math.hypot(dx, dy);
    if (len < 1) return; // a zero column has no arrow
    const first = j % 2 === 0 ? 1 : -1;
    const places = [6, 20, 34].flatMap((out) => [first, -first].map((side): TextPlace => {
      const x = tip.x + (out * dx) / len + (side * 12 * -dy) / len;
      return { x, y: tip.y + (out * dy) / len + (side * 12 * dx) / len, anchor: x < tip.x - 2 ? 'end' : x > tip.x + 2 ? 'start' : 'middle' };
    }));
    const label = g.append('text').attr('dominant-baseline', 'middle').text(`Me${'₁₂₃'[j]}`);
    labels.push(placeText(label, places, (b) => labels.filter((c) => overlaps(b, c, 2)).length + outside(b)));
  });

  // What a name must keep off: the labels so far, the columns' arrows, the inset once it is placed, the edge.
  const blocks: Box[] = [];
  const covered = (b: Box) => [...labels, ...blocks].filter((c) => overlaps(b, c, 2)).length
    + arrows.filter(([a, tip]) => crossesBox(a, tip, b)).length + outside(b);

  // A unit box too small to make out is also drawn magnified, in the corner that covers least.
  const inset = zoomInset(scale, width, height);
  if (inset) {
    const name = g.append('text').text(n === 2 ? t('geometry.svgZoomSquare', { zoom: inset.zoom }) : t('geometry.svgZoomCube', { zoom: inset.zoom }));
    const across = Math.max(inset.size, name.node()!.getBBox().width);
    const tall = inset.size + 18; // the name's strip above the drawing
    const spots = [[width - across - 4, height - tall - 4], [4, height - tall - 4], [width - across - 4, 26]]
      .map(([x, y]) => ({ x, y, width: across, height: tall }));
    // An axis ending under the inset would leave its name nowhere to go.
    const score = (s: Box) => covered(s) + axisEnds.filter((e) => overlaps(s, { x: e.x - 16, y: e.y - 16, width: 32, height: 32 }, 0)).length;
    const scores = spots.map(score);
    const spot = spots[scores.indexOf(Math.min(...scores))];
    blocks.push(spot);
    // The drawing and its name line up with the picture's nearer side.
    const right = spot.x > width / 2;
    name.attr('x', right ? width - 4 : 4).attr('y', spot.y + 13).attr('text-anchor', right ? 'end' : 'start');
    drawInset(svg, g, scene, { flat, at, scale }, { x: right ? width - 4 - inset.size : 4, y: spot.y + 18, size: inset.size }, inset.zoom);
  }

  // An axis name goes beside its axis's end, on the first side where it covers nothing (Me₃ can point along an
  // axis; a foreshortened axis ends among the arrows).
  axisEnds.forEach((end, i) => {
    const name = g.append('text').attr('class', 'rb-picture-muted').text(AXIS_NAMES[i]);
    // Beside the end, then further out along the axis.
    const length = Math.hypot(end.x - o.x, end.y - o.y) || 1;
    placeText(name, [0, 14, 28, 42].flatMap((out) => AXIS_NAME_SIDES.map(([dx, dy, anchor]) =>
      ({ x: end.x + (out * (end.x - o.x)) / length + dx, y: end.y + (out * (end.y - o.y)) / length + dy, anchor }))), covered);
  });
}

type TextPlace = { x: number; y: number; anchor: 'start' | 'middle' | 'end' };

/** Puts `text` at the first of `places` where `covers` counts nothing under it, or else where it counts least; returns its box. */
function placeText(text: Selection<SVGTextElement, undefined, null, undefined>, places: readonly TextPlace[], covers: (box: Box) => number): Box {
  const put = (p: TextPlace) => text.attr('x', p.x).attr('y', p.y).attr('text-anchor', p.anchor).node()!.getBBox();
  let best = { count: Infinity, place: places[0] };
  for (const place of places) {
    const count = covers(put(place));
    if (count === 0) return text.node()!.getBBox();
    if (count < best.count) best = { count, place };
  }
  return put(best.place);
}

interface Scene {
  n: 2 | 3;
  space: ColumnSpace;
  box: ReturnType<typeof unitBox>;
  images: number[][];
  columns: number[][];
  radius: number;
  arrowId: string;
}

/**
 * The picture without its words: the column space, the axes, the unit box dashed, its image (faces painted far
 * to near) and M's columns as arrows from the origin, seen through `at`, the column space filling `area` where
 * it is all of it. Returns where the axes end and each column's arrow, for the labels.
 */
function drawScene(g: Group, { n, space, box, images, columns, radius, arrowId }: Scene, at: Project, area: Box) {
  const points = (ps: readonly (readonly number[])[]) => ps.map((p) => { const s = at(p); return `${s.x},${s.y}`; }).join(' ');
  const R = radius * 0.95;
  if (space.whole) {
    g.append('rect').attr('class', 'rb-geometry-space').attr('x', area.x).attr('y', area.y).attr('width', area.width).attr('height', area.height);
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

  // Axes, thin; their names are placed at the positive ends once the labels are down.
  const axisEnds: Screen[] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: n }, (_, t) => (t === i ? radius : 0));
    const [a, b] = [at(e.map((x) => -x)), at(e)];
    g.append('line').attr('class', 'rb-geometry-axis').attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y);
    axisEnds.push(b);
  }

  for (const [a, b] of box.edges) {
    const [p, q] = [at(box.corners[a]), at(box.corners[b])];
    g.append('line').attr('class', 'rb-geometry-box').attr('x1', p.x).attr('y1', p.y).attr('x2', q.x).attr('y2', q.y);
  }
  const faces = box.faces.map((f) => ({ f, depth: f.reduce((s, c) => s + at(images[c]).depth, 0) / f.length }))
    .sort((a, b) => a.depth - b.depth);
  for (const { f } of faces) g.append('polygon').attr('class', 'rb-geometry-image').attr('points', points(f.map((c) => images[c])));

  // M's columns: where e1, e2 (, e3) go.
  const o = at(Array(n).fill(0));
  const arrows = columns.map((col) => [o, at(col)] as const);
  for (const [, tip] of arrows) {
    if (Math.hypot(tip.x - o.x, tip.y - o.y) < 1) continue;
    g.append('line').attr('class', 'rb-geometry-column').attr('x1', o.x).attr('y1', o.y).attr('x2', tip.x).attr('y2', tip.y)
      .attr('marker-end', `url(#${arrowId})`);
  }
  return { axisEnds, arrows };
}

/**
 * The scene again, `zoom` times larger and centred on the unit box, clipped to a `size` square at (x, y); the
 * region it magnifies is outlined round the box in the main picture.
 */
function drawInset(svg: PixelSvg, g: Group, scene: Scene, view: { flat: Project; at: Project; scale: number }, place: { x: number; y: number; size: number },
  zoom: number): void {
  const { x, y, size } = place;
  const middle = Array(scene.n).fill(0.5);
  const [centre, seen] = [view.flat(middle), view.at(middle)];
  const pxPerUnit = zoom * view.scale;
  const at: Project = (p) => {
    const q = view.flat(p);
    return { x: x + size / 2 + pxPerUnit * (q.x - centre.x), y: y + size / 2 + pxPerUnit * (q.y - centre.y), depth: q.depth };
  };
  const side = size / zoom;
  g.append('rect').attr('class', 'rb-geometry-inset-frame').attr('x', seen.x - side / 2).attr('y', seen.y - side / 2).attr('width', side).attr('height', side);
  const clipId = uniqueId('geometry-inset');
  svg.select('defs').append('clipPath').attr('id', clipId).append('rect').attr('x', x).attr('y', y).attr('width', size).attr('height', size);
  const inset = g.append('g').attr('class', 'rb-geometry-inset');
  inset.append('rect').attr('class', 'rb-geometry-inset-ground').attr('x', x).attr('y', y).attr('width', size).attr('height', size);
  drawScene(inset.append('g').attr('clip-path', `url(#${clipId})`) as unknown as Group, scene, at, { x, y, width: size, height: size });
  inset.append('rect').attr('class', 'rb-geometry-inset-frame').attr('x', x).attr('y', y).attr('width', size).attr('height', size);
}

/** Where an axis name may sit beside its axis's end: offset (x, y) and text anchor, in the order tried. */
const AXIS_NAME_SIDES = [[4, -4, 'start'], [4, 14, 'start'], [-4, -4, 'end'], [-4, 14, 'end']] as const;

/** Whether two boxes overlap, `gap` px apart counting as overlapping across (text lines may touch above and below). */
const overlaps = (a: Box, b: Box, gap: number) => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the segment a-b passes through the box (checked every 2 px along it, which is finer than any glyph). */
function crossesBox(a: Screen, b: Screen, box: Box): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
  for (let s = 0; s <= steps; s++) {
    const x = a.x + ((b.x - a.x) * s) / steps;
    const y = a.y + ((b.y - a.y) * s) / steps;
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}
