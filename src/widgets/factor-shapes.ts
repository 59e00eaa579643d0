import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { labelledSlider, nearestStop, type LabelledSlider } from './labelled-slider';
import { pixelSvg, sizePixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { factorShapeLayout, breakEvenRank, type ShapeBox } from '../linalg/factor-shapes';
import { storageCounts } from '../linalg/factorisation';
import { formatNumber } from '../i18n/format';

/** Sizes the m and n sliders step through: hand-sized ones, then up to a 4,096-wide transformer layer. */
export const SHAPE_STOPS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096];
export const SHAPE_MAX = 4096;
/** Entries drawn this many pixels or more apart get grid lines, so a small matrix shows its cells. */
const GRID_MIN_PX = 6;

export interface FactorShapesState {
  m: number;
  n: number;
  k: number;
  /** m n: the numbers M holds. */
  full: number;
  /** k (m + n): the numbers L_k and R_k hold together. */
  factored: number;
  /** factored / full. */
  fraction: number;
  breakEven: number;
  /** Pixels per entry in the picture. */
  scale: number;
  message: string;
}

type Size = 'm' | 'n' | 'k';

/** `<rankbook-factor-shapes m="12" n="8" k="2">`: M = L_k R_k drawn to scale, k on a slider, the counts beside. */
export class FactorShapes extends WidgetElement<FactorShapesState> {
  static observedAttributes = ['m', 'n', 'k'];
  private size = { m: 12, n: 8, k: 2 };
  private sliders!: Record<Size, LabelledSlider>;
  private svg!: PixelSvg;
  private area!: HTMLElement;
  private counts!: Record<'full' | 'factored' | 'fraction' | 'breakEven', HTMLElement>;
  private parts!: Record<'result' | 'scaleNote', HTMLElement>;
  private width = () => 640;
  private scale = 0;

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.readAttributes();
    });
  }

  /** A count as prose in the widget's language (4,096 / 4.096). */
  private count(x: number, digits = 0): string {
    return formatNumber(this.t.lang, x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.sliders && value !== old) this.readAttributes();
  }

  protected currentState(): FactorShapesState {
    const { m, n, k } = this.size;
    const c = storageCounts(m, n, k);
    return { m, n, k, full: c.full, factored: c.factored, fraction: c.factored / c.full, breakEven: breakEvenRank(m, n),
      scale: this.scale, message: Object.values(this.sliders ?? {}).map((s) => s.message.textContent).filter(Boolean).join(' ') };
  }

  private build(): void {
    const t = this.t;
    this.sliders = {
      m: labelledSlider('m', t('factorShapes.mLabel'), { min: 0, max: SHAPE_STOPS.length - 1 }, () => this.slide('m')),
      n: labelledSlider('n', t('factorShapes.nLabel'), { min: 0, max: SHAPE_STOPS.length - 1 }, () => this.slide('n')),
      k: labelledSlider('k', t('factorShapes.kLabel'), { min: 1, max: 8 }, () => this.slide('k')),
    };
    this.svg = pixelSvg(t('factorShapes.picture'), '');
    this.area = h('div', { class: 'rb-picture-area' }, this.svg.node()!);
    const dd = () => h('dd');
    this.counts = { full: dd(), factored: dd(), fraction: dd(), breakEven: dd() };
    this.parts = { result: h('p', { class: 'rb-result' }), scaleNote: h('p', { class: 'rb-note' }) };
    this.replaceChildren(h('div', { class: 'rb-widget rb-factor-shapes' },
      h('div', { class: 'rb-sliders', 'data-control': 'sliders' }, this.sliders.m.row, this.sliders.n.row, this.sliders.k.row),
      h('div', { class: 'rb-picture-stage' }, this.area,
        h('dl', { class: 'rb-counts', 'aria-label': t('factorShapes.counts') },
          h('dt', {}, t('factorShapes.full')), this.counts.full,
          h('dt', {}, t('factorShapes.factored')), this.counts.factored,
          h('dt', {}, t('factorShapes.fraction')), this.counts.fraction,
          h('dt', {}, t('factorShapes.breakEven')), this.counts.breakEven)),
      this.parts.scaleNote, this.parts.result, this.createLiveRegion()));
    this.width = watchWidth(this.area, () => this.draw());
  }

  private readAttributes(): void {
    const m = readWholeNumber(this.getAttribute('m'), { name: 'm', min: 1, max: SHAPE_MAX, fallback: 12 }, this.t);
    const n = readWholeNumber(this.getAttribute('n'), { name: 'n', min: 1, max: SHAPE_MAX, fallback: 8 }, this.t);
    const kMax = Math.min(m.value, n.value);
    const k = readWholeNumber(this.getAttribute('k'), { name: 'k', min: 1, max: kMax, fallback: Math.min(2, kMax) }, this.t);
    setMessage(this.sliders.m.message, m.message);
    setMessage(this.sliders.n.message, n.message);
    setMessage(this.sliders.k.message, k.message);
    this.setSize(m.value, n.value, k.value);
  }

  private slide(name: Size): void {
    setMessage(this.sliders[name].message, '');
    const value = Number(this.sliders[name].input.value);
    const next = { ...this.size, [name]: name === 'k' ? value : SHAPE_STOPS[value] };
    this.setSize(next.m, next.n, Math.min(next.k, next.m, next.n));
  }

  private setSize(m: number, n: number, k: number): void {
    this.size = { m, n, k };
    this.render();
    const c = storageCounts(m, n, k);
    this.announce(this.t('factorShapes.announce', { m, n, k, factored: c.factored, full: c.full }));
    this.emitChange();
  }

  private render(): void {
    const { m, n, k } = this.size;
    const s = this.sliders;
    s.m.input.value = String(nearestStop(SHAPE_STOPS, m));
    s.n.input.value = String(nearestStop(SHAPE_STOPS, n));
    s.k.input.max = String(Math.min(m, n));
    s.k.input.value = String(k);
    const t = this.t;
    const count = (x: number) => this.count(x);
    s.m.input.setAttribute('aria-valuetext', t('factorShapes.mValue', { m }));
    s.n.input.setAttribute('aria-valuetext', t('factorShapes.nValue', { n }));
    const c = storageCounts(m, n, k);
    const percent = (100 * c.factored) / c.full;
    s.k.input.setAttribute('aria-valuetext', t('factorShapes.kValue', { k, most: Math.min(m, n), factored: c.factored }));
    s.m.output.textContent = count(m);
    s.n.output.textContent = count(n);
    s.k.output.textContent = count(k);
    const breakEven = breakEvenRank(m, n);
    this.counts.full.textContent = `${count(m)} · ${count(n)} = ${count(c.full)}`;
    this.counts.factored.textContent = `${count(k)} · ${count(m + n)} = ${count(c.factored)}`;
    this.counts.fraction.textContent = formatNumber(t.lang, percent / 100, { style: 'percent', maximumFractionDigits: percent < 10 ? 2 : 0, minimumFractionDigits: percent < 10 ? 2 : 0 });
    this.counts.breakEven.textContent = this.count(breakEven, Number.isInteger(breakEven) ? 0 : 1);
    const counts = { m, n, k, factored: c.factored, full: c.full };
    this.parts.result.textContent = c.factored < c.full ? t('factorShapes.saves', counts) : t('factorShapes.noSaving', counts);
    this.draw();
  }

  private draw(): void {
    const { m, n, k } = this.size;
    const width = this.width();
    const layout = factorShapeLayout(m, n, k, width, { maxHeight: width < 500 ? 200 : 260 });
    this.scale = layout.scale;
    const svg = this.svg;
    sizePixelSvg(svg, width, layout.height + 4);
    svg.selectAll('g').remove();
    const g = svg.append('g').attr('transform', 'translate(1, 1)');
    const shape = (box: ShapeBox, name: string, frozen: boolean) => {
      g.append('rect').attr('class', frozen ? 'rb-shape-frozen' : 'rb-shape-trainable')
        .attr('x', box.x).attr('y', box.y).attr('width', box.width).attr('height', box.height);
      if (layout.scale >= GRID_MIN_PX) {
        const lines = g.append('g').attr('class', 'rb-shape-grid');
        for (let i = 1; i < box.rows; i++) lines.append('line').attr('x1', box.x).attr('x2', box.x + box.width).attr('y1', box.y + i * layout.scale).attr('y2', box.y + i * layout.scale);
        for (let j = 1; j < box.cols; j++) lines.append('line').attr('y1', box.y).attr('y2', box.y + box.height).attr('x1', box.x + j * layout.scale).attr('x2', box.x + j * layout.scale);
      }
      g.append('text').attr('x', box.x + box.width / 2).attr('y', box.y - 6).attr('text-anchor', 'middle').text(name);
    };
    shape(layout.M, 'M', true);
    shape(layout.L, 'Lₖ', false);
    shape(layout.R, 'Rₖ', false);
    g.append('text').attr('class', 'rb-picture-sign').attr('x', layout.equals.x).attr('y', layout.equals.y).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text('=');
    g.append('text').attr('class', 'rb-picture-sign').attr('x', layout.times.x).attr('y', layout.times.y).attr('text-anchor', 'middle').attr('dominant-baseline', 'middle').text('×');
    setTitle(svg, this.t('factorShapes.pictureTitle', { m, n, k }), this.t('factorShapes.pictureDescription', { m, n, k }));
    const thin = [layout.L, layout.R].some((b) => b.thickened);
    const px = formatNumber(this.t.lang, layout.scale, layout.scale >= 1 ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 });
    this.parts.scaleNote.textContent = this.t('factorShapes.scale', { px }) + (thin ? ` ${this.t('factorShapes.thickened')}` : '');
  }
}

defineWidget('rankbook-factor-shapes', FactorShapes);
