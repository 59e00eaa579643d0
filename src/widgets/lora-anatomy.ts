import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { anatomyFigure } from './lora-anatomy-figure';
import { PRESETS, type PresetName } from './lora-anatomy-presets';
import { heatmap, type Heatmap } from '../plots/heatmap';
import { formatNumber } from '../plots/scales';
import { createRng } from '../lora/random';
import {
  SIZE_MAX, RANK_MAX, parameterCounts, gpt3Counts, initialPair, gradientStep, deltaBlock, deltaRank,
  type LoraPair, type WholeModelCounts,
} from '../lora/anatomy';

/** Sizes the d and k sliders step through: small ones for hand-sized examples up to GPT-3's 12,288. */
export const SIZE_STOPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
  1536, 2048, 3072, 4096, 6144, 8192, 12288];
/** The heatmap shows Delta W whole up to this many rows and columns, else its top-left corner. */
const VIEW = 16;

export interface LoraAnatomyState {
  d: number;
  k: number;
  r: number;
  /** The preset whose d and k are on show, or null. */
  preset: PresetName | null;
  fullParams: number;
  loraParams: number;
  ratio: number;
  breakEvenRank: number;
  /** rank(B A) of the whole Delta W, at most r. */
  deltaRank: number;
  steps: number;
  /** The part of Delta W drawn and computed entry by entry. */
  view: { rows: number; cols: number; whole: boolean };
  /** GPT-3 175B with B and A on Wq and Wv in all 96 layers (the paper's setting), when d = k = 12,288. */
  gpt3: WholeModelCounts | null;
  /** The messages on show about bad attributes, '' when none. */
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const times = (x: number) => (x >= 10 ? count(Math.round(x)) : x.toFixed(1)) + '×';
const rankMax = (d: number, k: number) => Math.min(d, k, RANK_MAX);
const nearestStop = (n: number) => SIZE_STOPS.reduce((best, s, i) => (Math.abs(Math.log(s / n)) < Math.abs(Math.log(SIZE_STOPS[best] / n)) ? i : best), 0);

/**
 * `<rankbook-lora-anatomy d="96" k="64" r="8" preset="gpt3">`: one weight matrix W0 and its LoRA update
 * B A, drawn to scale, with the parameter counts, a gradient-step button and Delta W as a heatmap.
 */
export class LoraAnatomy extends WidgetElement<LoraAnatomyState> {
  static observedAttributes = ['d', 'k', 'r', 'preset'];
  private size: { d: number; k: number; r: number } = { d: PRESETS.small.d, k: PRESETS.small.k, r: PRESETS.small.r };
  private preset: PresetName | null = 'small';
  private pair!: LoraPair;
  private rank = 0;
  private rng = createRng(Date.now());
  private sliders!: Record<'d' | 'k' | 'r', HTMLInputElement>;
  private outputs!: Record<'d' | 'k' | 'r', HTMLOutputElement>;
  private messages!: Record<'d' | 'k' | 'r' | 'preset', HTMLElement>;
  private parts!: Record<'result' | 'detail' | 'gpt3' | 'scaleNote' | 'stepResult' | 'caption' | 'readout', HTMLElement>;
  private stepButton!: HTMLButtonElement;
  private busy = false;
  private figure = anatomyFigure();
  private map!: Heatmap;

  connectedCallback(): void {
    if (this.sliders) return;
    this.build();
    this.readAttributes();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.sliders && value !== old) this.readAttributes();
  }

  protected currentState(): LoraAnatomyState {
    const { d, k, r } = this.size;
    const c = parameterCounts(d, k, r);
    const view = this.view();
    return {
      d, k, r, preset: this.preset,
      fullParams: c.full, loraParams: c.lora, ratio: c.ratio, breakEvenRank: c.breakEven,
      deltaRank: this.rank, steps: this.pair?.steps ?? 0, view,
      gpt3: d === 12288 && k === 12288 ? gpt3Counts(r) : null,
      message: Object.values(this.messages ?? {}).map((m) => m.textContent).filter(Boolean).join(' '),
    };
  }

  private view() {
    const rows = Math.min(this.size.d, VIEW);
    const cols = Math.min(this.size.k, VIEW);
    return { rows, cols, whole: rows === this.size.d && cols === this.size.k };
  }

  private build(): void {
    const slider = (name: 'd' | 'k' | 'r', label: string, attrs: Record<string, number>) => {
      const id = uniqueId(`anatomy-${name}`);
      const messageId = uniqueId('anatomy-message');
      const input = h('input', { type: 'range', id, step: 1, ...attrs, 'aria-describedby': messageId, 'data-slider': name,
        oninput: () => this.slide(name) });
      const output = h('output', { for: id, class: 'rb-anatomy-value' });
      const message = h('p', { id: messageId, class: 'rb-message', role: 'alert', hidden: true });
      return { row: h('div', { class: 'rb-anatomy-slider' }, h('label', { for: id }, label), input, output, message), input, output, message };
    };
    const d = slider('d', 'd: rows of W₀ (outputs)', { min: 0, max: SIZE_STOPS.length - 1 });
    const k = slider('k', 'k: columns of W₀ (inputs)', { min: 0, max: SIZE_STOPS.length - 1 });
    const r = slider('r', 'r: rank of B A', { min: 1, max: RANK_MAX });
    const presetMessage = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.sliders = { d: d.input, k: k.input, r: r.input };
    this.outputs = { d: d.output, k: k.output, r: r.output };
    this.messages = { d: d.message, k: k.message, r: r.message, preset: presetMessage };
    this.stepButton = h('button', { type: 'button', onclick: () => this.step() }, 'Take a gradient step');
    this.parts = {
      result: h('p', { class: 'rb-result' }), detail: h('p'), gpt3: h('p', { class: 'rb-anatomy-gpt3' }),
      scaleNote: h('p', { class: 'rb-note' }), stepResult: h('p', { class: 'rb-anatomy-step-result' }),
      caption: h('p', { class: 'rb-note' }),
      readout: h('p', { class: 'rb-note rb-anatomy-readout' }, 'Point at a cell, or Tab to the grid and use the arrow keys, to read its value.'),
    };
    this.map = heatmap([[0]], {
      title: 'ΔW = B A', description: '', focusable: true, cellSize: 16,
      cellLabel: (i, j) => `ΔW row ${i + 1}, column ${j + 1}`,
      onCellFocus: (c) => { this.parts.readout.textContent = `ΔW row ${c.row + 1}, column ${c.col + 1}: ${formatNumber(c.value)}`; },
    });
    const presetButton = (name: PresetName) => h('button', { type: 'button', onclick: () => this.applyPreset(name) }, PRESETS[name].label);
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-anatomy' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': 'Presets', 'data-control': 'presets' },
        h('span', {}, 'Start from'), presetButton('small'), presetButton('gpt3')),
      presetMessage,
      h('div', { class: 'rb-anatomy-sliders', 'data-control': 'sliders' }, d.row, k.row, r.row),
      this.figure.element, this.parts.scaleNote,
      this.parts.result, this.parts.detail, this.parts.gpt3,
      h('div', { class: 'rb-anatomy-training', 'data-control': 'step' },
        h('p', { class: 'rb-subhead' }, 'Training: ΔW = B A'),
        h('p', { class: 'rb-note' }, 'Each step makes up a batch of 4 inputs x with output errors δ. The layer’s gradient is ' +
          'G = ¼ Σ δ xᵀ (rank at most 4); B moves by −G Aᵀ and A by −Bᵀ G, as the chain rule gives.'),
        h('div', { class: 'rb-row' }, this.stepButton,
          h('button', { type: 'button', onclick: () => this.resetPair(true) }, 'Reset (B = 0, new A)')),
        this.parts.stepResult,
        h('div', { class: 'rb-anatomy-heatmap' }, this.map.element), this.parts.caption, this.parts.readout),
      this.createLiveRegion()));
  }

  /** Reads every attribute again: a preset first, then d, k and r over it, each clamped with a message. */
  private readAttributes(): void {
    const presetText = this.getAttribute('preset');
    const preset = presetText !== null && presetText in PRESETS ? (presetText as PresetName) : null;
    setMessage(this.messages.preset, presetText !== null && !preset
      ? `preset “${presetText.slice(0, 24)}” is not one of ${Object.keys(PRESETS).join(', ')}; it is ignored.` : '');
    const base = PRESETS[preset ?? 'small'];
    const d = readWholeNumber(this.getAttribute('d'), { name: 'd', min: 1, max: SIZE_MAX, fallback: base.d });
    const k = readWholeNumber(this.getAttribute('k'), { name: 'k', min: 1, max: SIZE_MAX, fallback: base.k });
    const r = readWholeNumber(this.getAttribute('r'), { name: 'r', min: 1, max: rankMax(d.value, k.value), fallback: Math.min(base.r, rankMax(d.value, k.value)) });
    setMessage(this.messages.d, d.message);
    setMessage(this.messages.k, k.message);
    setMessage(this.messages.r, r.message);
    this.setSize(d.value, k.value, r.value);
  }

  private applyPreset(name: PresetName): void {
    for (const m of Object.values(this.messages)) setMessage(m, '');
    const { d, k, r } = PRESETS[name];
    this.setSize(d, k, r);
  }

  private slide(name: 'd' | 'k' | 'r'): void {
    setMessage(this.messages[name], '');
    const value = Number(this.sliders[name].value);
    const next = { ...this.size, [name]: name === 'r' ? value : SIZE_STOPS[value] };
    this.setSize(next.d, next.k, Math.min(next.r, rankMax(next.d, next.k)));
  }

  private setSize(d: number, k: number, r: number): void {
    const clipped = r < this.size.r && this.size.r > rankMax(d, k);
    this.size = { d, k, r };
    this.preset = (Object.keys(PRESETS) as PresetName[]).find((p) => PRESETS[p].d === d && PRESETS[p].k === k) ?? null;
    this.resetPair(false);
    const c = parameterCounts(d, k, r);
    this.announce(`d ${count(d)}, k ${count(k)}, rank ${r}${clipped ? ' (lowered to fit the matrix)' : ''}: ` +
      `LoRA trains ${count(c.lora)} numbers instead of ${count(c.full)}.`);
  }

  /** A fresh pair: B = 0 and a new random A, so Delta W = 0 again. */
  private resetPair(announce: boolean): void {
    const { d, k, r } = this.size;
    this.pair = initialPair(d, k, r, this.rng);
    this.rank = 0;
    this.render();
    if (announce) this.announce('B is zero again and A is a new random matrix: ΔW = 0, rank 0.');
    this.emitChange();
  }

  /** A GPT-3-sized step takes about half a second: say so and let the page paint before computing. */
  private async step(): Promise<void> {
    if (this.busy) return;
    const before = this.pair;
    const { d, k, r } = this.size;
    if (r * (d + k) > 100_000) {
      // aria-disabled rather than disabled, so keyboard focus stays on the button.
      this.busy = true;
      this.stepButton.setAttribute('aria-disabled', 'true');
      this.parts.stepResult.textContent = 'Computing the step…';
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      this.busy = false;
      this.stepButton.removeAttribute('aria-disabled');
      if (this.pair !== before) return; // the sizes changed meanwhile: that reset the pair
    }
    this.pair = gradientStep(before, this.rng);
    this.rank = deltaRank(this.pair);
    this.render();
    this.announce(`Step ${this.pair.steps}: rank of ΔW is ${this.rank}, at most r = ${this.size.r}.`);
    this.emitChange();
  }

  private render(): void {
    const { d, k, r } = this.size;
    const max = rankMax(d, k);
    this.sliders.d.value = String(nearestStop(d));
    this.sliders.k.value = String(nearestStop(k));
    this.sliders.r.max = String(max);
    this.sliders.r.value = String(r);
    this.sliders.d.setAttribute('aria-valuetext', `d = ${count(d)} rows`);
    this.sliders.k.setAttribute('aria-valuetext', `k = ${count(k)} columns`);
    this.sliders.r.setAttribute('aria-valuetext', `rank ${r} of ${count(Math.min(d, k))}`);
    this.outputs.d.textContent = count(d);
    this.outputs.k.textContent = count(k);
    this.outputs.r.textContent = String(r);

    const steps = this.pair.steps;
    const layout = this.figure.update(d, k, r, steps === 0);
    const thin = [layout.B, layout.A].some((b) => b.tooThin);
    this.parts.scaleNote.textContent = `Drawn to scale: one entry is ${formatNumber(layout.scale)} units across.` +
      (thin ? ` B and A are drawn 2 units thick so that you can see them; to scale they would be ${formatNumber(r * layout.scale)}.` : '');

    const c = parameterCounts(d, k, r);
    this.parts.result.textContent = c.lora < c.full
      ? `LoRA trains ${count(c.lora)} numbers instead of ${count(c.full)}: ${times(c.ratio)} fewer.`
      : `At this rank LoRA trains ${count(c.lora)} numbers, no fewer than the ${count(c.full)} in W₀.`;
    this.parts.detail.textContent = `Full fine-tuning: d·k = ${count(d)} · ${count(k)} = ${count(c.full)}. ` +
      `LoRA: r(d + k) = ${r} · (${count(d)} + ${count(k)}) = ${count(c.lora)}, ${formatNumber((100 * c.lora) / c.full)}% of W₀. ` +
      `It saves only while r < dk/(d + k) = ${Number.isInteger(c.breakEven) ? count(c.breakEven) : c.breakEven.toFixed(1)}.`;
    const whole = d === 12288 && k === 12288 ? gpt3Counts(r) : null;
    this.parts.gpt3.hidden = !whole;
    this.parts.gpt3.textContent = whole
      ? `All of GPT-3 175B, adapted as in the paper (B and A on the query and value matrices of each of its 96 layers): ` +
        `${whole.adaptedMatrices} × ${count(c.lora)} = ${count(whole.trainable)} trainable numbers against 175 billion, ` +
        `${times(whole.ratio)} fewer, the “10,000 times” of Hu et al., LoRA, 2021. In 16 bits that is a ` +
        `${formatNumber(whole.checkpointBytes / 2 ** 20, 2)} MiB checkpoint per task instead of 350 GB.`
      : '';

    const view = this.view();
    this.map.update(deltaBlock(this.pair, view.rows, view.cols), {
      title: view.whole ? `ΔW = B A, all ${d} × ${k} entries` : `ΔW = B A, top-left ${view.rows} × ${view.cols} corner`,
      description: steps === 0 ? 'Every entry is zero, because B is zero.' : `After ${steps} gradient steps; blue cells are negative, orange positive.`,
    });
    this.parts.caption.textContent = (view.whole ? `All of ΔW (${d} × ${k}).` :
      `Only the top-left ${view.rows} × ${view.cols} corner of the ${count(d)} × ${count(k)} ΔW is drawn, and only it is computed ` +
      `(from the first ${view.rows} rows of B and ${view.cols} columns of A); the rank above is of the whole ΔW.`) +
      ' Colour strength is |value| relative to the largest on show.';
    this.parts.stepResult.textContent = steps === 0
      ? `B starts at zero, so ΔW = B A = 0 and the model starts exactly as it was (rank 0). A is random.`
      : `After ${steps} step${steps === 1 ? '' : 's'}: rank(ΔW) = ${this.rank}, never more than r = ${r}` +
        (steps === 1 ? '. On the first step only B moved: A’s gradient is Bᵀ G, zero while B is.' : '.');
  }
}

defineWidget('rankbook-lora-anatomy', LoraAnatomy);
