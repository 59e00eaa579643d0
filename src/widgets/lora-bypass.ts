import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { labelledSlider, count, nearestStop, type LabelledSlider } from './labelled-slider';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawBypassDiagram, showFlowFrame, type BypassGeometry } from './lora-bypass-diagram';
import { drawOuterProduct, drawMerged } from './lora-bypass-matrices';
import { formatNumber } from '../plots/scales';
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
const list = (v: number[]) => `(${v.map((x) => formatNumber(x)).join(', ')})`;

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
    if (this.sliders) return;
    this.build();
    this.readAttributes();
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
    const stops = { min: 1, max: BYPASS_SIZE_MAX };
    this.sliders = {
      d: labelledSlider('d', 'd: outputs (rows of W₀)', stops, () => this.slide('d')),
      k: labelledSlider('k', 'k: inputs (columns of W₀)', stops, () => this.slide('k')),
      r: labelledSlider('r', 'r: the bottleneck, rank of B A', stops, () => this.slide('r')),
      alpha: labelledSlider('alpha', 'α: B A is scaled by α/r', { min: 0, max: ALPHA_STOPS.length - 1 }, () => this.slide('alpha')),
    };
    this.pictures = {
      diagram: pixelSvg('The LoRA bypass', ''),
      outer: pixelSvg('ΔW = (α/r) B A', ''),
      merged: pixelSvg('The merged matrix W = W₀ + (α/r) B A', ''),
    };
    const p = (cls = '') => h('p', { class: cls });
    this.parts = { counts: p('rb-result'), rank: p(), fullRank: p('rb-picture-note'), trip: p('rb-note'), merge: p() };
    this.flowButton = h('button', { type: 'button', onclick: () => this.sendInput() }, 'Send a new x through');
    const area = h('div', { class: 'rb-picture-area' }, this.pictures.diagram.node()!);
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-bypass' },
      h('div', { class: 'rb-sliders', 'data-control': 'sliders' }, ...Object.values(this.sliders).map((s) => s.row)),
      area,
      h('div', { class: 'rb-row', 'data-control': 'flow' }, this.flowButton),
      this.parts.trip,
      h('p', { class: 'rb-note' }, 'Its shape is a residual connection’s: the main path W₀x and a side path B A x are added at +, ' +
        'as a residual block adds a branch’s output to what flows past it. Because B starts at zero, the side path adds nothing at first.'),
      this.parts.counts, this.parts.rank, this.parts.fullRank,
      h('p', { class: 'rb-subhead' }, 'ΔW = (α/r) B A, entry by entry'),
      this.pictures.outer.node()!,
      h('div', { 'data-control': 'merged' },
        h('p', { class: 'rb-subhead' }, 'Merged: W = W₀ + (α/r) B A'),
        this.pictures.merged.node()!, this.parts.merge),
      h('p', { class: 'rb-note' }, 'Orange cells are positive, blue negative; the stronger the colour, the larger the value.'),
      this.createLiveRegion()));
    this.width = watchWidth(area, () => this.draw());
  }

  private readAttributes(): void {
    const d = readWholeNumber(this.getAttribute('d'), { name: 'd', min: 1, max: BYPASS_SIZE_MAX, fallback: 6 });
    const k = readWholeNumber(this.getAttribute('k'), { name: 'k', min: 1, max: BYPASS_SIZE_MAX, fallback: 8 });
    const full = Math.min(d.value, k.value);
    const r = readWholeNumber(this.getAttribute('r'), { name: 'r', min: 1, max: full, fallback: 1 });
    const alpha = readAlpha(this.getAttribute('alpha'));
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
    this.announce(`d ${size.d}, k ${size.k}, r ${size.r}: the bypass trains ${count(s.counts.lora)} numbers; ` +
      `W₀ has ${count(s.counts.full)}. ΔW has rank ${s.deltaRank}.${s.atFullRank ? ' This is full rank.' : ''}`);
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
    this.announce(`New x: h = ${list(this.flow.h)}.`);
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
    s.d.input.setAttribute('aria-valuetext', `d = ${d} outputs`);
    s.k.input.setAttribute('aria-valuetext', `k = ${k} inputs`);
    s.r.input.setAttribute('aria-valuetext', `rank ${r} of ${summary.fullRank}${summary.atFullRank ? ', full rank' : ''}`);
    s.alpha.input.setAttribute('aria-valuetext', `alpha ${formatNumber(alpha)}, scale alpha/r = ${formatNumber(alpha / r)}`);
    s.d.output.textContent = String(d);
    s.k.output.textContent = String(k);
    s.r.output.textContent = String(r);
    s.alpha.output.textContent = formatNumber(alpha);

    const { lora, full } = summary.counts;
    this.parts.counts.textContent = `The bypass trains r(d + k) = ${r} · (${d} + ${k}) = ${count(lora)} numbers; ` +
      `fine-tuning W₀ itself would train d·k = ${d} · ${k} = ${count(full)}.` +
      (lora >= full ? ' At this rank LoRA saves nothing.' : '');
    const multiples = r === 1 ? rowsAsMultiples(deltaW(this.layer)) : null;
    this.parts.rank.textContent = multiples
      ? `At r = 1, ΔW = (α/r) b aᵀ is an outer product: every row is a multiple of A’s one row (the multiple is α/r times B’s entry ` +
        `for that row) and every column a multiple of B’s column. The stripes in the picture are that pattern; rank(ΔW) = ${summary.deltaRank}.`
      : `ΔW is a sum of r = ${r} such outer products, one per column of B and row of A: rank(ΔW) = ${summary.deltaRank}, never more than r.`;
    this.parts.fullRank.hidden = !summary.atFullRank;
    this.parts.fullRank.textContent = summary.atFullRank
      ? `r = min(d, k) = ${summary.fullRank}: full rank. B A can now be any ${d} × ${k} matrix, so this bypass can learn any change ` +
        `full fine-tuning could make to W₀ (with ${count(lora)} numbers against W₀’s ${count(full)}). LoRA at full rank on every ` +
        'matrix, with the biases trained as well, is full fine-tuning; the savings come only from r far below min(d, k).'
      : '';
    this.describeTrip();
    this.draw();
  }

  private describeTrip(): void {
    const f = this.flow;
    this.parts.trip.textContent = `x = ${list(f.x)} → A x = ${list(f.down)} (${this.size.r} number${this.size.r === 1 ? '' : 's'}) → ` +
      `(α/r) B A x = ${list(f.up)}; W₀ x = ${list(f.frozen)}; h = ${list(f.h)}.`;
    this.parts.merge.textContent = `W has W₀’s shape, so the merged layer runs as fast as the original. W x = ${list(f.merged)}: ` +
      `the same h as the two paths (largest difference ${formatNumber(f.mergeDifference)}).`;
  }

  private draw(): void {
    const width = this.width();
    const { d, k, r, alpha } = this.size;
    this.geometry = drawBypassDiagram(this.pictures.diagram, this.layer, this.flow, width);
    showFlowFrame(this.pictures.diagram, this.geometry, 1);
    setTitle(this.pictures.diagram, `The LoRA bypass, d = ${d}, k = ${k}, r = ${r}`,
      `x (${k} numbers) goes up two paths: through the frozen W₀ (${d} × ${k}) on the left, and on the right through A, which ` +
      `narrows it to ${r} number${r === 1 ? '' : 's'}, then B, which widens them to ${d}. The paths meet at + and give h = ${list(this.flow.h)}.`);
    drawOuterProduct(this.pictures.outer, this.layer, width);
    setTitle(this.pictures.outer, `ΔW = (α/r) B A for r = ${r}, α = ${formatNumber(alpha)}`,
      `A (${r} × ${k}) above, B (${d} × ${r}) on the left, and their product scaled by α/r, ${d} × ${k}, of rank ${bypassSummary(this.layer).deltaRank}.`);
    drawMerged(this.pictures.merged, this.layer, width);
    setTitle(this.pictures.merged, 'W₀ + (α/r) B A = W', `Three ${d} × ${k} grids on one colour scale: the frozen W₀, the update, and their sum.`);
  }
}

/** alpha from an attribute: any number from the first stop to the last, else the default 2 with a message. */
function readAlpha(text: string | null): { value: number; message: string } {
  const min = ALPHA_STOPS[0];
  const max = ALPHA_STOPS[ALPHA_STOPS.length - 1];
  if (text === null) return { value: 2, message: '' };
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) return { value: 2, message: `alpha “${text.slice(0, 24)}” is not a number, so 2 is used.` };
  const value = Math.min(max, Math.max(min, x));
  return { value, message: value === x ? '' : `alpha = ${formatNumber(x)} is outside ${min}–${max}, so ${formatNumber(value)} is used.` };
}

defineWidget('rankbook-lora-bypass', LoraBypass);
