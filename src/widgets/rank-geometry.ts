import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { labelledSlider, type LabelledSlider } from './labelled-slider';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawRankGeometry } from './rank-geometry-picture';
import { readGeometryMatrix, GEOMETRY_PRESETS } from './rank-geometry-read';
import { parseEntry } from '../linalg/fraction-matrix';
import { columnSpace, type ColumnSpace, type ColumnSpaceKind } from '../linalg/column-space';
import { normaliseView, viewFacing, type ViewAngles } from '../linalg/view-rotation';
import { formatNumber } from '../plots/scales';

const DEFAULT = GEOMETRY_PRESETS[4].matrix;
/** Degrees per arrow-key press and per pixel dragged. */
const KEY_STEP = 10;
const DRAG_STEP = 0.5;

export interface RankGeometryState {
  size: number;
  matrix: number[][];
  rank: number;
  kind: ColumnSpaceKind;
  whole: boolean;
  /** Orthonormal basis of the column space. */
  basis: number[][];
  turn: number;
  tilt: number;
  message: string;
}

/**
 * `<rankbook-rank-geometry matrix="[[1,2,3],[2,4,6],[3,6,9]]">`: the unit square or cube, where M sends it and
 * the column space it lands in; the 3-D view turns by dragging, by the arrow keys and by two sliders.
 */
export class RankGeometry extends WidgetElement<RankGeometryState> {
  static observedAttributes = ['matrix'];
  private matrix: number[][] = DEFAULT;
  private space: ColumnSpace = columnSpace(DEFAULT);
  private view: ViewAngles = { turn: -35, tilt: 20 };
  private svg!: PixelSvg;
  private grid!: HTMLElement;
  private inputs: HTMLInputElement[][] = [];
  private matrixMessage!: HTMLElement;
  private turnSliders!: Record<'turn' | 'tilt', LabelledSlider>;
  private parts!: Record<'result' | 'legend', HTMLElement>;
  private width = () => 560;

  connectedCallback(): void {
    if (this.svg) return;
    this.build();
    this.readAttribute();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.svg && value !== old) this.readAttribute();
  }

  protected currentState(): RankGeometryState {
    return { size: this.matrix.length, matrix: this.matrix, rank: this.space.rank, kind: this.space.kind, whole: this.space.whole,
      basis: this.space.basis, ...this.view, message: this.matrixMessage?.textContent ?? '' };
  }

  private build(): void {
    this.svg = pixelSvg('Rank as geometry', '');
    const view = this.svg.node()!;
    view.classList.add('rb-geometry-view');
    view.addEventListener('keydown', (e) => this.key(e));
    view.addEventListener('pointerdown', (e) => this.drag(e));
    this.turnSliders = {
      turn: labelledSlider('turn', 'Turn (degrees)', { min: -180, max: 180 }, () => this.slideView()),
      tilt: labelledSlider('tilt', 'Tilt (degrees)', { min: -89, max: 89 }, () => this.slideView()),
    };
    this.matrixMessage = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.grid = h('div', { class: 'rb-row', 'data-control': 'matrix' });
    this.parts = { result: h('p', { class: 'rb-result' }), legend: h('p', { class: 'rb-note' }) };
    const area = h('div', { class: 'rb-picture-area' }, view);
    this.replaceChildren(h('div', { class: 'rb-widget rb-rank-geometry' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': 'Examples', 'data-control': 'presets' },
        h('span', {}, 'Start from'),
        ...GEOMETRY_PRESETS.map((p) => h('button', { type: 'button', onclick: () => this.usePreset(p.matrix) }, p.label))),
      h('div', { class: 'rb-picture-stage' }, area,
        h('div', { class: 'rb-geometry-side' }, this.grid, this.matrixMessage,
          h('div', { class: 'rb-sliders', 'data-control': 'turn' }, this.turnSliders.turn.row, this.turnSliders.tilt.row),
          this.parts.result)),
      this.parts.legend, this.createLiveRegion()));
    this.width = watchWidth(area, () => this.draw());
  }

  private readAttribute(): void {
    const text = this.getAttribute('matrix');
    const read = text === null ? { ok: true as const, matrix: DEFAULT } : readGeometryMatrix(text);
    if (read.ok) {
      setMessage(this.matrixMessage, '');
      this.setMatrix(read.matrix, true);
    } else {
      setMessage(this.matrixMessage, `The matrix attribute could not be used: ${read.message} The example is shown instead.`);
      this.setMatrix(this.matrix, true);
    }
  }

  private usePreset(matrix: number[][]): void {
    setMessage(this.matrixMessage, '');
    this.setMatrix(matrix.map((row) => row.slice()), true);
  }

  /** An edited entry: the whole matrix is read again; a bad entry keeps the last good matrix on show. */
  private edit(i: number, j: number): void {
    const input = this.inputs[i][j];
    const e = parseEntry(input.value);
    for (const row of this.inputs) for (const cell of row) cell.removeAttribute('aria-invalid');
    if (!e.ok) {
      setMessage(this.matrixMessage, `Row ${i + 1}, column ${j + 1}: ${e.message} The picture keeps the last matrix that worked.`, input);
      this.emitChange();
      return;
    }
    setMessage(this.matrixMessage, '');
    const next = this.matrix.map((row) => row.slice());
    next[i][j] = e.value.valueOf();
    this.setMatrix(next, false);
  }

  private setMatrix(matrix: number[][], rebuildInputs: boolean): void {
    this.matrix = matrix;
    this.space = columnSpace(matrix);
    if (rebuildInputs || this.inputs.length !== matrix.length) {
      this.buildInputs();
      this.view = goodView(this.space, this.view);
    }
    this.render();
    this.announce(`Rank ${this.space.rank}: ${this.landsOn()}.`);
    this.emitChange();
  }

  private buildInputs(): void {
    const n = this.matrix.length;
    this.inputs = this.matrix.map((row, i) => row.map((x, j) => h('input', {
      type: 'text', inputmode: 'decimal', value: formatEntry(x), 'aria-label': `Row ${i + 1}, column ${j + 1} of M`,
      oninput: () => this.edit(i, j),
    })));
    const table = h('table', { class: 'rb-geometry-matrix', 'aria-label': `M, ${n} × ${n}` },
      h('tbody', {}, ...this.inputs.map((row) => h('tr', {}, ...row.map((input) => h('td', {}, input))))));
    this.grid.replaceChildren(h('span', {}, 'M ='), table);
  }

  private landsOn(): string {
    const n = this.matrix.length;
    const s = this.space;
    if (s.whole) return n === 2 ? 'M reaches the whole plane' : 'M reaches all of space';
    if (s.kind === 'origin') return 'everything lands on the origin';
    // A line is named by a column on it (the first non-zero one), which a reader can check against M.
    const column = this.matrix[0].map((_, j) => this.matrix.map((row) => row[j])).find((c) => c.some((x) => x !== 0));
    const direction = s.kind === 'line' && column ? `, the line through the origin and (${column.map((x) => formatNumber(x)).join(', ')})` : ' through the origin';
    return `everything lands on a ${s.kind}${direction}`;
  }

  private key(e: KeyboardEvent): void {
    if (this.matrix.length !== 3) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [KEY_STEP, 0], ArrowRight: [-KEY_STEP, 0], ArrowUp: [0, KEY_STEP], ArrowDown: [0, -KEY_STEP] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    this.turnBy(move[0], move[1]);
  }

  private drag(e: PointerEvent): void {
    if (this.matrix.length !== 3) return;
    const target = e.currentTarget as SVGSVGElement;
    target.setPointerCapture(e.pointerId);
    let last = { x: e.clientX, y: e.clientY };
    const move = (m: PointerEvent) => {
      this.turnBy(-(m.clientX - last.x) * DRAG_STEP, (m.clientY - last.y) * DRAG_STEP, false);
      last = { x: m.clientX, y: m.clientY };
    };
    const end = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', end);
      target.removeEventListener('pointercancel', end);
      this.announce(`Turned to ${this.view.turn}°, tilted ${this.view.tilt}°.`);
      this.emitChange();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', end);
    target.addEventListener('pointercancel', end);
  }

  private turnBy(turn: number, tilt: number, emit = true): void {
    this.view = normaliseView({ turn: this.view.turn + turn, tilt: this.view.tilt + tilt });
    this.renderView();
    if (emit) this.emitChange();
  }

  private slideView(): void {
    this.view = normaliseView({ turn: Number(this.turnSliders.turn.input.value), tilt: Number(this.turnSliders.tilt.input.value) });
    this.renderView();
    this.emitChange();
  }

  private renderView(): void {
    const { turn, tilt } = this.turnSliders;
    turn.input.value = String(Math.round(this.view.turn));
    tilt.input.value = String(Math.round(this.view.tilt));
    turn.output.textContent = `${Math.round(this.view.turn)}°`;
    tilt.output.textContent = `${Math.round(this.view.tilt)}°`;
    turn.input.setAttribute('aria-valuetext', `turned ${Math.round(this.view.turn)} degrees`);
    tilt.input.setAttribute('aria-valuetext', `tilted ${Math.round(this.view.tilt)} degrees`);
    this.draw();
  }

  private render(): void {
    const n = this.matrix.length;
    const three = n === 3;
    this.turnSliders.turn.row.parentElement!.hidden = !three;
    const view = this.svg.node()!;
    if (three) view.setAttribute('tabindex', '0');
    else view.removeAttribute('tabindex');
    const box = three ? 'cube' : 'square';
    this.parts.legend.textContent = `Dashed: the unit ${box}. Purple: where M sends it, M·${box}. Orange arrows: M’s columns, ` +
      `the images of the unit vectors. Green: the column space, where every M x lands.` +
      (three ? ' Drag the picture, or focus it and use the arrow keys, to turn it.' : '');
    const s = this.space;
    const flat = n - s.rank;
    this.parts.result.textContent = `Rank ${s.rank}: ${this.landsOn()}. ` + (s.whole
      ? `The ${box} keeps a non-zero ${three ? 'volume' : 'area'}, so no direction is lost.`
      : `The ${box} is flattened: ${flat} of its ${n} directions ${flat === 1 ? 'is' : 'are'} lost, and ${three ? 'its volume' : 'its area'} is 0.`);
    this.renderView();
  }

  private draw(): void {
    drawRankGeometry(this.svg, this.matrix, this.space, this.view, this.width());
    const n = this.matrix.length;
    setTitle(this.svg, `What M does to the unit ${n === 3 ? 'cube' : 'square'}: rank ${this.space.rank}`,
      `M has rows ${this.matrix.map((row) => `(${row.map(formatEntry).join(', ')})`).join(', ')}. ${this.landsOn()}.` +
      (n === 3 ? ` Seen turned ${Math.round(this.view.turn)}° and tilted ${Math.round(this.view.tilt)}°; drag or use the arrow keys to turn it.` : ''));
  }
}

/**
 * For a new example: a view that shows its column space well, a plane at about 45 degrees, a line nearly
 * across the line of sight (an edited entry keeps the reader's view instead).
 */
function goodView(space: ColumnSpace, current: ViewAngles): ViewAngles {
  if (space.basis[0]?.length !== 3 || space.whole) return current;
  if (space.kind === 'line') return viewFacing(space.basis[0], 0.15, current);
  if (space.kind === 'plane') {
    const [u, v] = space.basis;
    return viewFacing([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]], 0.7, current);
  }
  return current;
}

const formatEntry = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6));

defineWidget('rankbook-rank-geometry', RankGeometry);
