import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { labelledSlider, type LabelledSlider } from './labelled-slider';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawRankGeometry } from './rank-geometry-picture';
import { readGeometryMatrix, presetLabel, GEOMETRY_PRESETS } from './rank-geometry-read';
import { entryProblemText } from '../i18n/entry-problems';
import { localeList } from '../i18n/numbers';
import { parseEntry } from '../linalg/fraction-matrix';
import { columnSpace, type ColumnSpace, type ColumnSpaceKind } from '../linalg/column-space';
import { normaliseView, viewFacing, type ViewAngles } from '../linalg/view-rotation';

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
    this.startTranslated(() => {
      this.build();
      this.readAttribute();
    });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.svg && value !== old) this.readAttribute();
  }

  protected currentState(): RankGeometryState {
    return { size: this.matrix.length, matrix: this.matrix, rank: this.space.rank, kind: this.space.kind, whole: this.space.whole,
      basis: this.space.basis, ...this.view, message: this.matrixMessage?.textContent ?? '' };
  }

  private build(): void {
    const t = this.t;
    this.svg = pixelSvg(t('geometry.picture'), '');
    const view = this.svg.node()!;
    view.classList.add('rb-geometry-view');
    view.addEventListener('keydown', (e) => this.key(e));
    view.addEventListener('pointerdown', (e) => this.drag(e));
    this.turnSliders = {
      turn: labelledSlider('turn', t('geometry.turn'), { min: -180, max: 180 }, () => this.slideView()),
      tilt: labelledSlider('tilt', t('geometry.tilt'), { min: -89, max: 89 }, () => this.slideView()),
    };
    this.matrixMessage = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.grid = h('div', { class: 'rb-row', 'data-control': 'matrix' });
    this.parts = { result: h('p', { class: 'rb-result' }), legend: h('p', { class: 'rb-note' }) };
    const area = h('div', { class: 'rb-picture-area' }, view);
    this.replaceChildren(h('div', { class: 'rb-widget rb-rank-geometry' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': t('geometry.examples'), 'data-control': 'presets' },
        h('span', {}, t('geometry.startFrom')),
        ...GEOMETRY_PRESETS.map((p) => h('button', { type: 'button', onclick: () => this.usePreset(p.matrix) }, presetLabel(p, t)))),
      h('div', { class: 'rb-picture-stage' }, area,
        h('div', { class: 'rb-geometry-side' }, this.grid, this.matrixMessage,
          h('div', { class: 'rb-sliders', 'data-control': 'turn' }, this.turnSliders.turn.row, this.turnSliders.tilt.row),
          this.parts.result)),
      this.parts.legend, this.createLiveRegion()));
    this.width = watchWidth(area, () => this.draw());
  }

  private readAttribute(): void {
    const text = this.getAttribute('matrix');
    const read = text === null ? { ok: true as const, matrix: DEFAULT } : readGeometryMatrix(text, this.t);
    if (read.ok) {
      setMessage(this.matrixMessage, '');
      this.setMatrix(read.matrix, true);
    } else {
      setMessage(this.matrixMessage, this.t('geometry.attributeUnusable', { problem: read.message }));
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
      setMessage(this.matrixMessage, this.t('geometry.cellProblem', { row: i + 1, col: j + 1, problem: entryProblemText(e, this.t) }), input);
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
    this.announce(this.t('geometry.announce', { r: this.space.rank, where: this.landsOn() }));
    this.emitChange();
  }

  private buildInputs(): void {
    const n = this.matrix.length;
    this.inputs = this.matrix.map((row, i) => row.map((x, j) => h('input', {
      type: 'text', inputmode: 'decimal', value: formatEntry(x), 'aria-label': this.t('geometry.cell', { row: i + 1, col: j + 1 }),
      oninput: () => this.edit(i, j),
    })));
    const table = h('table', { class: 'rb-geometry-matrix', 'aria-label': `M, ${n} × ${n}` },
      h('tbody', {}, ...this.inputs.map((row) => h('tr', {}, ...row.map((input) => h('td', {}, input))))));
    this.grid.replaceChildren(h('span', {}, 'M ='), table);
  }

  private landsOn(): string {
    const n = this.matrix.length;
    const s = this.space;
    if (s.whole) return n === 2 ? this.t('geometry.wholePlane') : this.t('geometry.wholeSpace');
    if (s.kind === 'origin') return this.t('geometry.onOrigin');
    // A line is named by a column on it (the first non-zero one), which a reader can check against M.
    const column = this.matrix[0].map((_, j) => this.matrix.map((row) => row[j])).find((c) => c.some((x) => x !== 0));
    if (s.kind === 'line' && column) return this.t('geometry.onLine', { column: localeList(this.t.lang, column) });
    return this.t('geometry.onPlane');
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
      this.announce(this.t('geometry.turned', { turn: this.view.turn, tilt: this.view.tilt }));
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
    turn.input.setAttribute('aria-valuetext', this.t('geometry.turnValue', { deg: Math.round(this.view.turn) }));
    tilt.input.setAttribute('aria-valuetext', this.t('geometry.tiltValue', { deg: Math.round(this.view.tilt) }));
    this.draw();
  }

  private render(): void {
    const n = this.matrix.length;
    const three = n === 3;
    this.turnSliders.turn.row.parentElement!.hidden = !three;
    const view = this.svg.node()!;
    if (three) view.setAttribute('tabindex', '0');
    else view.removeAttribute('tabindex');
    const t = this.t;
    this.parts.legend.textContent = three ? t('geometry.legendCube') : t('geometry.legendSquare');
    const s = this.space;
    const flat = { lost: n - s.rank, n };
    const consequence = s.whole ? (three ? t('geometry.keepsCube') : t('geometry.keepsSquare'))
      : three ? t('geometry.flatCube', flat) : t('geometry.flatSquare', flat);
    this.parts.result.textContent = t('geometry.result', { r: s.rank, where: this.landsOn(), consequence });
    this.renderView();
  }

  private draw(): void {
    const t = this.t;
    drawRankGeometry(this.svg, this.matrix, this.space, this.view, this.width(), t);
    const n = this.matrix.length;
    const r = this.space.rank;
    const rows = this.matrix.map((row) => `(${row.map(formatEntry).join(', ')})`).join(', ');
    setTitle(this.svg, n === 3 ? t('geometry.titleCube', { r }) : t('geometry.titleSquare', { r }),
      t('geometry.description', { rows, where: this.landsOn() }) +
      (n === 3 ? ` ${t('geometry.descriptionView', { turn: Math.round(this.view.turn), tilt: Math.round(this.view.tilt) })}` : ''));
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
