import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { labelledSlider, nearestStop, type LabelledSlider } from './labelled-slider';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawBypassDiagram, showFlowFrame, type BypassGeometry } from './lora-bypass-diagram';
import { drawOuterProduct, drawMerged } from './lora-bypass-matrices';
import { localeValue, localeList, joinSentences } from '../i18n/numbers';
import { english, type Translate } from '../i18n/translate';
import {
  BYPASS_SIZE_MAX, bypassLayer, bypassFlow, bypassInput, bypassSummary, deltaW, rowsAsMultiples,
  type BypassLayer, type BypassFlow,
} from '../lora/bypass';

/** Values the alpha slider steps through; an attribute may give any value from the first to the last. */
export const ALPHA_STOPS = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];
const FLOW_MS = 2400;

export interface LoraBypassState {
  d: number;
  k: number;
  r: number;
  alpha: number;
  /** r (d + k) and d k. */
  loraParams: number;
  fullParams: number;
  /** rank of Delta W = (alpha/r) B A. */
  deltaRank: number;
  /** r = min(d, k). */
  atFullRank: boolean;
  /** r = 1 and every row of Delta W a multiple of one row. */
  outerProduct: boolean;
  x: number[];
  /** A x, the r numbers in the bottleneck. */
  bottleneck: number[];
  h: number[];
  /** max |h - (W0 + (alpha/r) B A) x|. */
  mergeDifference: number;
  /** How many vectors have been sent through (the first is there from the start). */
  inputs: number;
  animating: boolean;
  message: string;
}

type Size = 'd' | 'k' | 'r' | 'alpha';

/**
 * `<rankbook-lora-bypass d="6" k="8" r="1" alpha="2">`: the LoRA layer as a data-flow diagram, x through the
 * frozen W0 and through A and B beside it, meeting at +; Delta W = B A as an outer-product table; and the merged
 * W0 + (alpha/r) B A. A view over src/lora/bypass.ts.
 */
export class LoraBypass extends WidgetElement<LoraBypassState> {
  static observedAttributes = ['d', 'k', 'r', 'alpha'];
  private size = { d: 6, k: 8, r: 1, alpha: 2 };
  private layer: BypassLayer = bypassLayer(6, 8, 1, 2);
  private inputs = 1;
  private flow: BypassFlow = bypassFlow(this.layer, bypassInput(8, 1));
  private sliders!: Record<Size, LabelledSlider>;
  private pictures!: Record<'diagram' | 'outer' | 'merged', PixelSvg>;
  private parts!: Record<'counts' | 'rank' | 'fullRank' | 'trip' | 'merge', HTMLElement>;
  private flowButton!: HTMLButtonElement;
  private geometry: BypassGeometry | null = null;
  private animation = 0;
  private width = () => 640;

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.readAttributes();
    });
  }

  /** A vector as prose in the widget's language: (0.5, −1) / (0,5; −1). */
  private list(v: number[]): string {
    return `(${localeList(this.t.lang, v)})`;
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.animation);
    this.animation = 0;
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.sliders && value !== old) this.readAttributes();
  }

  protected currentState(): LoraBypassState {
    const s = bypassSummary(this.layer);
    return {
      ...this.size, loraParams: s.counts.lora, fullParams: s.counts.full, deltaRank: s.deltaRank, atFullRank: s.atFullRank,
      outerProduct: this.size.r === 1 && rowsAsMultiples(deltaW(this.layer)) !== null,
      x: this.flow.x, bottleneck: this.flow.down, h: this.flow.h, mergeDifference: this.flow.mergeDifference,
      inputs: this.inputs, animating: this.animation !== 0,
      message: Object.values(this.sliders ?? {}).map((x) => x.message.textContent).filter(Boolean).join(' '),
    };
  }

  private build(): void {
    const t = this.t;
    const stops = { min: 1, max: BYPASS_SIZE_MAX };
    this.sliders = {
      d: labelledSlider('d', t('loraBypass.dLabel'), stops, () => this.slide('d')),
      k: labelledSlider('k', t('loraBypass.kLabel'), stops, () => this.slide('k')),
      r: labelledSlider('r', t('loraBypass.rLabel'), stops, () => this.slide('r')),
      alpha: labelledSlider('alpha', t('loraBypass.alphaLabel'), { min: 0, max: ALPHA_STOPS.length - 1 }, () => this.slide('alpha')),
    };
    // Their titles and descriptions are set on every draw.
    this.pictures = { diagram: pixelSvg('', ''), outer: pixelSvg('', ''), merged: pixelSvg('', '') };
    const p = (cls = '') => h('p', { class: cls });
    this.parts = { counts: p('rb-result'), rank: p(), fullRank: p('rb-picture-note'), trip: p('rb-note'), merge: p() };
    this.flowButton = h('button', { type: 'button', onclick: () => this.sendInput() }, t('loraBypass.send'));
    const area = h('div', { class: 'rb-picture-area' }, this.pictures.diagram.node()!);
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-bypass' },
      h('div', { class: 'rb-sliders', 'data-control': 'sliders' }, ...Object.values(this.sliders).map((s) => s.row)),
      area,
      h('div', { class: 'rb-row', 'data-control': 'flow' }, this.flowButton),
      this.parts.trip,
      h('p', { class: 'rb-note' }, t('loraBypass.residual')),
      this.parts.counts, this.parts.rank, this.parts.fullRank,
      h('p', { class: 'rb-subhead' }, t('loraBypass.outerHead')),
      this.pictures.outer.node()!,
      h('div', { 'data-control': 'merged' },
        h('p', { class: 'rb-subhead' }, t('loraBypass.mergedHead')),
        this.pictures.merged.node()!, this.parts.merge),
      h('p', { class: 'rb-note' }, t('loraBypass.colours')),
      this.createLiveRegion()));
    this.width = watchWidth(area, () => this.draw());
  }

  private readAttributes(): void {
    const d = readWholeNumber(this.getAttribute('d'), { name: 'd', min: 1, max: BYPASS_SIZE_MAX, fallback: 6 }, this.t);
    const k = readWholeNumber(this.getAttribute('k'), { name: 'k', min: 1, max: BYPASS_SIZE_MAX, fallback: 8 }, this.t);
    const full = Math.min(d.value, k.value);
    const r = readWholeNumber(this.getAttribute('r'), { name: 'r', min: 1, max: full, fallback: 1 }, this.t);
    const alpha = readAlpha(this.getAttribute('alpha'), this.t);
    setMessage(this.sliders.d.message, d.message, this.sliders.d.input);
    setMessage(this.sliders.k.message, k.message, this.sliders.k.input);
    setMessage(this.sliders.r.message, r.message, this.sliders.r.input);
    setMessage(this.sliders.alpha.message, alpha.message, this.sliders.alpha.input);
    this.setSize({ d: d.value, k: k.value, r: r.value, alpha: alpha.value });
  }

  private slide(name: Size): void {
    setMessage(this.sliders[name].message, '', this.sliders[name].input);
    const value = Number(this.sliders[name].input.value);
    const next = { ...this.size, [name]: name === 'alpha' ? ALPHA_STOPS[value] : value };
    next.r = Math.min(next.r, next.d, next.k);
    this.setSize(next);
  }

  private setSize(size: { d: number; k: number; r: number; alpha: number }): void {
    this.size = size;
    this.layer = bypassLayer(size.d, size.k, size.r, size.alpha);
    this.flow = bypassFlow(this.layer, bypassInput(size.k, this.inputs));
    this.stopAnimation();
    this.render();
    const s = bypassSummary(this.layer);
    const values = { d: size.d, k: size.k, r: size.r, lora: s.counts.lora, full: s.counts.full, rank: s.deltaRank };
    this.announce(s.atFullRank ? this.t('loraBypass.announceFull', values) : this.t('loraBypass.announce', values));
    this.emitChange();
  }

  /** A new x, then its trip through both paths; at once, with no movement, when the reader asks for less motion. */
  private sendInput(): void {
    this.inputs += 1;
    this.flow = bypassFlow(this.layer, bypassInput(this.size.k, this.inputs));
    this.stopAnimation();
    this.draw();
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.describeTrip();
    this.announce(this.t('loraBypass.announceInput', { h: this.list(this.flow.h) }));
    if (still || !this.geometry) {
      this.emitChange();
      return;
    }
    const start = performance.now();
    const frame = (now: number) => {
      const t = Math.min(1, (now - start) / FLOW_MS);
      if (this.geometry) showFlowFrame(this.pictures.diagram, this.geometry, t);
      if (t < 1) {
        this.animation = requestAnimationFrame(frame);
      } else {
        this.animation = 0;
        this.emitChange();
      }
    };
    this.animation = requestAnimationFrame(frame);
    this.emitChange();
  }

  private stopAnimation(): void {
    cancelAnimationFrame(this.animation);
    this.animation = 0;
  }

  private render(): void {
    const { d, k, r, alpha } = this.size;
    const s = this.sliders;
    s.d.input.value = String(d);
    s.k.input.value = String(k);
    s.r.input.max = String(Math.min(d, k));
    s.r.input.value = String(r);
    s.alpha.input.value = String(nearestStop(ALPHA_STOPS, alpha));
    const summary = bypassSummary(this.layer);
    const t = this.t;
    const value = (x: number) => localeValue(t.lang, x);
    s.d.input.setAttribute('aria-valuetext', t('loraBypass.dValue', { d }));
    s.k.input.setAttribute('aria-valuetext', t('loraBypass.kValue', { k }));
    const rank = { r, most: summary.fullRank };
    s.r.input.setAttribute('aria-valuetext', summary.atFullRank ? t('loraBypass.rValueFull', rank) : t('loraBypass.rValue', rank));
    s.alpha.input.setAttribute('aria-valuetext', t('loraBypass.alphaValue', { alpha: value(alpha), scale: value(alpha / r) }));
    s.d.output.textContent = String(d);
    s.k.output.textContent = String(k);
    s.r.output.textContent = String(r);
    s.alpha.output.textContent = value(alpha);

    const { lora, full } = summary.counts;
    const counts = { d, k, r, lora, full, rank: summary.deltaRank, most: summary.fullRank };
    this.parts.counts.textContent = joinSentences(t.lang, [t('loraBypass.counts', counts), lora >= full ? t('loraBypass.noSaving') : '']);
    const multiples = r === 1 ? rowsAsMultiples(deltaW(this.layer)) : null;
    this.parts.rank.textContent = multiples ? t('loraBypass.outer', counts) : t('loraBypass.sum', counts);
    this.parts.fullRank.hidden = !summary.atFullRank;
    this.parts.fullRank.textContent = summary.atFullRank ? t('loraBypass.fullRank', counts) : '';
    this.describeTrip();
    this.draw();
  }

  private describeTrip(): void {
    const f = this.flow;
    const list = (v: number[]) => this.list(v);
    this.parts.trip.textContent = this.t('loraBypass.trip',
      { x: list(f.x), down: list(f.down), r: this.size.r, up: list(f.up), frozen: list(f.frozen), h: list(f.h) });
    this.parts.merge.textContent = this.t('loraBypass.merge',
      { merged: list(f.merged), difference: localeValue(this.t.lang, f.mergeDifference) });
  }

  private draw(): void {
    const width = this.width();
    const { d, k, r, alpha } = this.size;
    const t = this.t;
    this.geometry = drawBypassDiagram(this.pictures.diagram, this.layer, this.flow, width, t('loraBypass.frozen'));
    showFlowFrame(this.pictures.diagram, this.geometry, 1);
    setTitle(this.pictures.diagram, t('loraBypass.diagramTitle', { d, k, r }),
      t('loraBypass.diagramDescription', { d, k, r, h: this.list(this.flow.h) }));
    drawOuterProduct(this.pictures.outer, this.layer, width);
    setTitle(this.pictures.outer, t('loraBypass.outerTitle', { r, alpha: localeValue(t.lang, alpha) }),
      t('loraBypass.outerDescription', { d, k, r, rank: bypassSummary(this.layer).deltaRank }));
    drawMerged(this.pictures.merged, this.layer, width);
    setTitle(this.pictures.merged, 'W₀ + (α/r) B A = W', t('loraBypass.mergedDescription', { d, k }));
  }
}

/** alpha from an attribute: any number from the first stop to the last, else the default 2 with a message. */
function readAlpha(text: string | null, t: Translate = english): { value: number; message: string } {
  const min = ALPHA_STOPS[0];
  const max = ALPHA_STOPS[ALPHA_STOPS.length - 1];
  const fallback = 2;
  if (text === null) return { value: fallback, message: '' };
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) {
    return { value: fallback, message: t('loraBypass.alphaNotNumber', { text: `“${text.slice(0, 24)}”`, fallback }) };
  }
  const value = Math.min(max, Math.max(min, x));
  const show = (v: number) => localeValue(t.lang, v);
  return { value, message: value === x ? '' : t('loraBypass.alphaOutside', { text: show(x), min: show(min), max: show(max), value: show(value) }) };
}

defineWidget('rankbook-lora-bypass', LoraBypass);
