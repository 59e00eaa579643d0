import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { anatomyFigure } from './lora-anatomy-figure';
import { PRESETS, type PresetName } from './lora-anatomy-presets';
import { heatmap, type Heatmap } from '../plots/heatmap';
import { formatNumber } from '../plots/scales';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawFit, BARS_MAX } from './lora-anatomy-fit';
import { createRng } from '../lora/random';
import {
  SIZE_MAX, parameterCounts, gpt3Counts, initialPair, deltaBlock, deltaSingularValues, rankOf, largestRank,
  type LoraPair, type WholeModelCounts,
} from '../lora/anatomy';
import { plantedTarget, targetBlock, fitStep, relativeError, bestPossibleError, type PlantedTarget } from '../lora/planted-target';

/** Sizes the d and k sliders step through: small ones for hand-sized examples up to GPT-3's 12,288. */
export const SIZE_STOPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
  1536, 2048, 3072, 4096, 6144, 8192, 12288];
/** The heatmap shows Delta W whole up to this many rows and columns, else its top-left corner. */
const VIEW = 16;
/** Steps the Train button takes, and the most it takes between two paints. */
const TRAIN_STEPS = 100;
const FRAME_MS = 30;

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
  /** The largest r offered for this d and k: min(d, k) where the browser can afford it. */
  rankLimit: number;
  /** r = min(d, k): B A can be any d x k matrix. */
  atFullRank: boolean;
  /** The task: fit a planted change T with these singular values (its rank is their count). */
  targetValues: number[];
  /** |Delta W - T|_F / |T|_F now, and the least any rank-r Delta W can reach. */
  relativeError: number;
  bestError: number;
  /** Delta W's singular values, largest first, at most BARS_MAX of them (the rest are zero or not shown). */
  singularValues: number[];
  training: boolean;
  /** The part of Delta W drawn and computed entry by entry. */
  view: { rows: number; cols: number; whole: boolean };
  /** GPT-3 175B with B and A on Wq and Wv in all 96 layers (the paper's setting), when d = k = 12,288. */
  gpt3: WholeModelCounts | null;
  /** The messages on show about bad attributes, '' when none. */
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const times = (x: number) => (x >= 10 ? count(Math.round(x)) : x.toFixed(1)) + '×';
const rankMax = largestRank;
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
  private sigma: number[] = [];
  private target!: PlantedTarget;
  private history: [number, number][] = [[0, 1]];
  private training = 0;
  private rng = createRng(Date.now());
  private sliders!: Record<'d' | 'k' | 'r', HTMLInputElement>;
  private outputs!: Record<'d' | 'k' | 'r', HTMLOutputElement>;
  private messages!: Record<'d' | 'k' | 'r' | 'preset', HTMLElement>;
  private parts!: Record<'result' | 'detail' | 'gpt3' | 'scaleNote' | 'stepResult' | 'caption' | 'readout' | 'rankNote' | 'fitResult', HTMLElement>;
  private stepButton!: HTMLButtonElement;
  private trainButton!: HTMLButtonElement;
  private fitSvg!: PixelSvg;
  private fitWidth = () => 640;
  private targetMap!: Heatmap;
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
      rankLimit: rankMax(d, k), atFullRank: r === Math.min(d, k), targetValues: this.target?.values ?? [],
      relativeError: this.history[this.history.length - 1][1], bestError: this.target ? bestPossibleError(this.target, r) : 0,
      singularValues: this.sigma.slice(0, BARS_MAX), training: this.training !== 0,
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
    const r = slider('r', 'r: rank of B A', { min: 1, max: 64 });
    const presetMessage = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.sliders = { d: d.input, k: k.input, r: r.input };
    this.outputs = { d: d.output, k: k.output, r: r.output };
    this.messages = { d: d.message, k: k.message, r: r.message, preset: presetMessage };
    this.stepButton = h('button', { type: 'button', onclick: () => this.step() }, 'Take a gradient step');
    this.trainButton = h('button', { type: 'button', onclick: () => this.toggleTraining() }, `Train ${TRAIN_STEPS} steps`);
    this.fitSvg = pixelSvg('How well ΔW fits the planted change', '');
    this.targetMap = heatmap([[0]], { title: 'The planted change T', description: '', cellSize: 16, legend: false });
    this.parts = {
      result: h('p', { class: 'rb-result' }), detail: h('p'), gpt3: h('p', { class: 'rb-anatomy-gpt3' }),
      scaleNote: h('p', { class: 'rb-note' }), stepResult: h('p', { class: 'rb-anatomy-step-result' }),
      rankNote: h('p', { class: 'rb-picture-note' }), fitResult: h('p'),
      caption: h('p', { class: 'rb-note' }),
      readout: h('p', { class: 'rb-note rb-anatomy-readout' }, 'Point at a cell, or Tab to the grid and use the arrow keys, to read its value.'),
    };
    this.map = heatmap([[0]], {
      title: 'ΔW = B A', description: '', focusable: true, cellSize: 16,
      cellLabel: (i, j) => `ΔW row ${i + 1}, column ${j + 1}`,
      onCellFocus: (c) => { this.parts.readout.textContent = `ΔW row ${c.row + 1}, column ${c.col + 1}: ${formatNumber(c.value)}`; },
    });
    const presetButton = (name: PresetName) => h('button', { type: 'button', onclick: () => this.applyPreset(name) }, PRESETS[name].label);
    const fitArea = h('div', { class: 'rb-picture-area' }, this.fitSvg.node()!);
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-anatomy' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': 'Presets', 'data-control': 'presets' },
        h('span', {}, 'Start from'), presetButton('small'), presetButton('gpt3')),
      presetMessage,
      h('div', { class: 'rb-anatomy-sliders', 'data-control': 'sliders' }, d.row, k.row, r.row),
      this.figure.element, this.parts.scaleNote,
      this.parts.result, this.parts.detail, this.parts.gpt3,
      this.parts.rankNote,
      h('div', { class: 'rb-anatomy-training', 'data-control': 'step' },
        h('p', { class: 'rb-subhead' }, 'Training: fit a planted change'),
        h('p', { class: 'rb-note' }, 'The task: a hidden change T of rank 4 (singular values 1, ½, ¼, ⅛). Each step shows the layer ' +
          'a batch of 4 random inputs x with the outputs T x + noise it should add; B and A take one gradient step on the squared ' +
          'error. With errors δ the layer’s gradient is G = ¼ Σ δ xᵀ (rank at most 4); B moves by −G Aᵀ and A by −Bᵀ G, as the chain rule gives.'),
        h('div', { class: 'rb-row' }, this.stepButton, this.trainButton,
          h('button', { type: 'button', onclick: () => this.resetPair(true) }, 'Reset (B = 0, new A)')),
        this.parts.stepResult,
        h('div', { class: 'rb-anatomy-maps' },
          h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, 'ΔW = B A, what LoRA has learnt'), this.map.element),
          h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, 'T, the change to learn'), this.targetMap.element)),
        this.parts.caption, this.parts.readout,
        fitArea, this.parts.fitResult),
      this.createLiveRegion()));
    this.fitWidth = watchWidth(fitArea, () => this.drawFitPicture());
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

  /** A fresh pair: B = 0 and a new random A, so Delta W = 0 again. The target depends on d and k only. */
  private resetPair(announce: boolean): void {
    this.stopTraining();
    const { d, k, r } = this.size;
    if (!this.target || this.target.d !== d || this.target.k !== k) this.target = plantedTarget(d, k, createRng(d * 65537 + k));
    this.pair = initialPair(d, k, r, this.rng);
    this.rank = 0;
    this.sigma = [];
    this.history = [[0, 1]];
    this.render();
    if (announce) this.announce('B is zero again and A is a new random matrix: ΔW = 0, rank 0.');
    this.emitChange();
  }

  /** A GPT-3-sized step takes a fraction of a second: say so and let the page paint before computing. */
  private async step(): Promise<void> {
    if (this.busy || this.training) return;
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
    this.pair = fitStep(before, this.target, this.rng);
    this.measure();
    this.render();
    this.announceFit();
    this.emitChange();
  }

  /** Train runs TRAIN_STEPS steps, as many per frame as fit in FRAME_MS, so the curve grows as it learns; pressed again, it stops. */
  private toggleTraining(): void {
    if (this.training) {
      this.stopTraining();
      this.announceFit();
      this.emitChange();
      return;
    }
    if (this.busy) return;
    const goal = this.pair.steps + TRAIN_STEPS;
    const run = () => {
      const start = performance.now();
      while (this.pair.steps < goal && performance.now() - start < FRAME_MS) this.pair = fitStep(this.pair, this.target, this.rng);
      this.measure();
      this.render();
      if (this.pair.steps < goal) {
        this.training = requestAnimationFrame(run);
      } else {
        this.stopTraining();
        this.announceFit();
        this.emitChange();
      }
    };
    this.training = requestAnimationFrame(run);
    this.trainButton.textContent = 'Stop';
    this.stepButton.setAttribute('aria-disabled', 'true');
    this.emitChange();
  }

  private stopTraining(): void {
    if (!this.training) return;
    cancelAnimationFrame(this.training);
    this.training = 0;
    this.trainButton.textContent = `Train ${TRAIN_STEPS} steps`;
    this.stepButton.removeAttribute('aria-disabled');
  }

  /** Delta W's singular values, rank and distance from the target, after the steps so far. */
  private measure(): void {
    this.sigma = deltaSingularValues(this.pair);
    this.rank = rankOf(this.sigma, this.size.d, this.size.k);
    this.history.push([this.pair.steps, relativeError(this.pair, this.target)]);
  }

  private announceFit(): void {
    const error = this.history[this.history.length - 1][1];
    this.announce(`Step ${this.pair.steps}: rank of ΔW is ${this.rank}, at most r = ${this.size.r}; relative error ${formatNumber(error, 2)}.`);
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
    // One colour scale for both maps, the target's, so that a fitted cell looks like the cell it fits.
    const wanted = targetBlock(this.target, view.rows, view.cols);
    const largest = Math.max(1e-12, ...wanted.flat().map(Math.abs));
    const domain: [number, number] = [-largest, largest];
    this.map.update(deltaBlock(this.pair, view.rows, view.cols), {
      domain,
      title: view.whole ? `ΔW = B A, all ${d} × ${k} entries` : `ΔW = B A, top-left ${view.rows} × ${view.cols} corner`,
      description: steps === 0 ? 'Every entry is zero, because B is zero.' : `After ${steps} gradient steps; blue cells are negative, orange positive.`,
    });
    this.targetMap.update(wanted, {
      domain,
      title: view.whole ? `The planted change T, ${d} × ${k}` : `The planted change T, top-left ${view.rows} × ${view.cols}`,
      description: `What ΔW should become: a rank-${this.target.values.length} matrix; blue cells are negative, orange positive.`,
    });
    this.parts.caption.textContent = (view.whole ? `All of ΔW (${d} × ${k}).` :
      `Only the top-left ${view.rows} × ${view.cols} corner of the ${count(d)} × ${count(k)} ΔW is drawn, and only it is computed ` +
      `(from the first ${view.rows} rows of B and ${view.cols} columns of A); the rank above is of the whole ΔW.`) +
      ' Left ΔW, right the target T, on one colour scale: strength is |value| relative to T’s largest entry on show.';
    this.parts.stepResult.textContent = steps === 0
      ? `B starts at zero, so ΔW = B A = 0 and the model starts exactly as it was (rank 0). A is random.`
      : `After ${steps} step${steps === 1 ? '' : 's'}: rank(ΔW) = ${this.rank}, never more than r = ${r}` +
        (steps === 1 ? '. On the first step only B moved: A’s gradient is Bᵀ G, zero while B is.' : '.');
    const full = Math.min(d, k);
    this.parts.rankNote.textContent = r === full
      ? `r = min(d, k) = ${count(full)}: full rank. B A can now be any ${count(d)} × ${count(k)} matrix, so LoRA can learn ` +
        `any change full fine-tuning could make to this matrix, while training ${count(c.lora)} numbers instead of ${count(c.full)}. ` +
        'LoRA at full rank on every matrix, with the biases trained too, is full fine-tuning.'
      : max < full && r === max
        ? `r stops at ${max} here: for a ${count(d)} × ${count(k)} layer a larger r would make each step too slow for a browser. ` +
          `At r = min(d, k) = ${count(full)} LoRA could learn any change to this matrix, as full fine-tuning does.`
        : '';
    this.parts.rankNote.hidden = this.parts.rankNote.textContent === '';
    this.drawFitPicture();
  }

  private drawFitPicture(): void {
    const { d, k, r } = this.size;
    const error = this.history[this.history.length - 1][1];
    const floor = bestPossibleError(this.target, r);
    const full = Math.min(d, k);
    drawFit(this.fitSvg, { history: this.history, floor, sigma: this.sigma, target: this.target.values, r, full }, this.fitWidth());
    const shown = Math.min(full, BARS_MAX);
    setTitle(this.fitSvg, `Fitting T: relative error ${formatNumber(error, 2)} after ${this.pair.steps} steps`,
      `Left: the relative error against steps, from 1 at the start${floor > 0.005 ? `; the best any rank-${r} ΔW can reach is ${formatNumber(floor, 2)}` : ''}. ` +
      `Right: ΔW’s first ${shown} singular values (${this.sigma.slice(0, Math.min(shown, 8)).map((v) => formatNumber(v, 2)).join(', ') || 'all zero'}) ` +
      `beside T’s (${this.target.values.map((v) => formatNumber(v, 2)).join(', ')}); past the r-th they are all zero.`);
    const nonZero = this.rank;
    this.parts.fitResult.textContent = this.pair.steps === 0
      ? `Relative error ‖ΔW − T‖ / ‖T‖ = 1: nothing fitted yet. T has rank ${this.target.values.length}` +
        (r < this.target.values.length ? `, more than r = ${r}, so the best this LoRA can do is ${formatNumber(floor, 2)} (Eckart–Young).` : '.')
      : `After ${count(this.pair.steps)} steps the relative error is ${formatNumber(error, 2)}` +
        (floor > 0.005 ? ` (the best at rank ${r} is ${formatNumber(floor, 2)})` : '') +
        `. ${nonZero} of ΔW’s ${count(full)} singular values are non-zero, never more than r = ${r}` +
        (r > this.target.values.length ? `; those past T’s ${this.target.values.length} stay small: they fit the noise.` : '.') +
        (k > 1000 ? ` At k = ${count(k)} a batch of 4 inputs sees a sliver of the input space, so fitting takes thousands of steps.` : '');
  }
}

defineWidget('rankbook-lora-anatomy', LoraAnatomy);
