import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { anatomyFigure } from './lora-anatomy-figure';
import { PRESETS, type PresetName } from './lora-anatomy-presets';
import { heatmap, type Heatmap } from '../plots/heatmap';
import { localeValue, localeCount, localeFixed, localePercent, localeList, joinSentences } from '../i18n/numbers';
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
  private figure!: ReturnType<typeof anatomyFigure>;
  private map!: Heatmap;

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.readAttributes();
    });
  }

  /** Numbers as prose in the widget's language: a count (12,288 / 12.288), a value to `digits` figures, a ratio. */
  private count(n: number): string {
    return localeCount(this.t.lang, n);
  }

  private value(x: number, digits = 3): string {
    return localeValue(this.t.lang, x, digits);
  }

  private times(x: number): string {
    return x >= 10 ? this.count(Math.round(x)) : localeFixed(this.t.lang, x, 1);
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
    const t = this.t;
    this.figure = anatomyFigure(t);
    const slider = (name: 'd' | 'k' | 'r', label: string, attrs: Record<string, number>) => {
      const id = uniqueId(`anatomy-${name}`);
      const messageId = uniqueId('anatomy-message');
      const input = h('input', { type: 'range', id, step: 1, ...attrs, 'aria-describedby': messageId, 'data-slider': name,
        oninput: () => this.slide(name) });
      const output = h('output', { for: id, class: 'rb-anatomy-value' });
      const message = h('p', { id: messageId, class: 'rb-message', role: 'alert', hidden: true });
      return { row: h('div', { class: 'rb-anatomy-slider' }, h('label', { for: id }, label), input, output, message), input, output, message };
    };
    const d = slider('d', t('loraAnatomy.dLabel'), { min: 0, max: SIZE_STOPS.length - 1 });
    const k = slider('k', t('loraAnatomy.kLabel'), { min: 0, max: SIZE_STOPS.length - 1 });
    const r = slider('r', t('loraAnatomy.rLabel'), { min: 1, max: 64 });
    const presetMessage = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.sliders = { d: d.input, k: k.input, r: r.input };
    this.outputs = { d: d.output, k: k.output, r: r.output };
    this.messages = { d: d.message, k: k.message, r: r.message, preset: presetMessage };
    this.stepButton = h('button', { type: 'button', onclick: () => this.step() }, t('loraAnatomy.step'));
    this.trainButton = h('button', { type: 'button', onclick: () => this.toggleTraining() }, t('loraAnatomy.train', { n: TRAIN_STEPS }));
    // Titles and descriptions of the pictures are set on every render (render, drawFitPicture).
    const format = (v: number) => this.value(v);
    this.fitSvg = pixelSvg('', '');
    this.targetMap = heatmap([[0]], { title: '', description: '', cellSize: 16, legend: false, format });
    this.parts = {
      result: h('p', { class: 'rb-result' }), detail: h('p'), gpt3: h('p', { class: 'rb-anatomy-gpt3' }),
      scaleNote: h('p', { class: 'rb-note' }), stepResult: h('p', { class: 'rb-anatomy-step-result' }),
      rankNote: h('p', { class: 'rb-picture-note' }), fitResult: h('p'),
      caption: h('p', { class: 'rb-note' }),
      readout: h('p', { class: 'rb-note rb-anatomy-readout' }, t('loraAnatomy.readoutHint')),
    };
    const cellLabel = (i: number, j: number) => t('loraAnatomy.cell', { row: i + 1, col: j + 1 });
    this.map = heatmap([[0]], {
      title: '', description: '', focusable: true, cellSize: 16, cellLabel, format,
      // Read as the cell's own label is (heatmap.ts), so that the readout says what a screen reader says.
      onCellFocus: (c) => { this.parts.readout.textContent = `${cellLabel(c.row, c.col)}: ${format(c.value)}`; },
    });
    const presetButton = (name: PresetName) => h('button', { type: 'button', onclick: () => this.applyPreset(name) },
      t(PRESETS[name].label, { d: PRESETS[name].d, k: PRESETS[name].k }));
    const fitArea = h('div', { class: 'rb-picture-area' }, this.fitSvg.node()!);
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-anatomy' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': t('loraAnatomy.presets'), 'data-control': 'presets' },
        h('span', {}, t('loraAnatomy.startFrom')), presetButton('small'), presetButton('gpt3')),
      presetMessage,
      h('div', { class: 'rb-anatomy-sliders', 'data-control': 'sliders' }, d.row, k.row, r.row),
      this.figure.element, this.parts.scaleNote,
      this.parts.result, this.parts.detail, this.parts.gpt3,
      this.parts.rankNote,
      h('div', { class: 'rb-anatomy-training', 'data-control': 'step' },
        h('p', { class: 'rb-subhead' }, t('loraAnatomy.trainingHead')),
        h('p', { class: 'rb-note' }, t('loraAnatomy.task')),
        h('div', { class: 'rb-row' }, this.stepButton, this.trainButton,
          h('button', { type: 'button', onclick: () => this.resetPair(true) }, t('loraAnatomy.reset'))),
        this.parts.stepResult,
        h('div', { class: 'rb-anatomy-maps' },
          h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, t('loraAnatomy.learnt')), this.map.element),
          h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, t('loraAnatomy.toLearn')), this.targetMap.element)),
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
      ? this.t('loraAnatomy.presetUnknown', { text: `“${presetText.slice(0, 24)}”`, names: Object.keys(PRESETS).join(', ') }) : '');
    const base = PRESETS[preset ?? 'small'];
    const d = readWholeNumber(this.getAttribute('d'), { name: 'd', min: 1, max: SIZE_MAX, fallback: base.d }, this.t);
    const k = readWholeNumber(this.getAttribute('k'), { name: 'k', min: 1, max: SIZE_MAX, fallback: base.k }, this.t);
    const r = readWholeNumber(this.getAttribute('r'), { name: 'r', min: 1, max: rankMax(d.value, k.value), fallback: Math.min(base.r, rankMax(d.value, k.value)) }, this.t);
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
    const counts = { d, k, r, lora: c.lora, full: c.full };
    this.announce(clipped ? this.t('loraAnatomy.announceLowered', counts) : this.t('loraAnatomy.announce', counts));
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
    if (announce) this.announce(this.t('loraAnatomy.resetDone'));
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
      this.parts.stepResult.textContent = this.t('loraAnatomy.computing');
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
    this.trainButton.textContent = this.t('loraAnatomy.stop');
    this.stepButton.setAttribute('aria-disabled', 'true');
    this.emitChange();
  }

  private stopTraining(): void {
    if (!this.training) return;
    cancelAnimationFrame(this.training);
    this.training = 0;
    this.trainButton.textContent = this.t('loraAnatomy.train', { n: TRAIN_STEPS });
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
    this.announce(this.t('loraAnatomy.announceFit', { step: this.pair.steps, rank: this.rank, r: this.size.r, error: this.value(error, 2) }));
  }

  private render(): void {
    const t = this.t;
    const { d, k, r } = this.size;
    const max = rankMax(d, k);
    const full = Math.min(d, k);
    this.sliders.d.value = String(nearestStop(d));
    this.sliders.k.value = String(nearestStop(k));
    this.sliders.r.max = String(max);
    this.sliders.r.value = String(r);
    this.sliders.d.setAttribute('aria-valuetext', t('loraAnatomy.dValue', { d }));
    this.sliders.k.setAttribute('aria-valuetext', t('loraAnatomy.kValue', { k }));
    this.sliders.r.setAttribute('aria-valuetext', t('loraAnatomy.rValue', { r, most: full }));
    this.outputs.d.textContent = this.count(d);
    this.outputs.k.textContent = this.count(k);
    this.outputs.r.textContent = this.count(r);

    const steps = this.pair.steps;
    const layout = this.figure.update(d, k, r, steps === 0);
    const thin = [layout.B, layout.A].some((b) => b.tooThin);
    this.parts.scaleNote.textContent = joinSentences(t.lang, [t('loraAnatomy.scale', { units: this.value(layout.scale) }),
      thin ? t('loraAnatomy.thickened', { units: this.value(r * layout.scale) }) : '']);

    const c = parameterCounts(d, k, r);
    const counts = { d, k, r, lora: c.lora, full: c.full };
    this.parts.result.textContent = c.lora < c.full
      ? t('loraAnatomy.saves', { ...counts, ratio: this.times(c.ratio) })
      : t('loraAnatomy.noSaving', counts);
    this.parts.detail.textContent = t('loraAnatomy.detail', {
      ...counts,
      percent: localePercent(t.lang, c.lora / c.full),
      breakEven: Number.isInteger(c.breakEven) ? this.count(c.breakEven) : localeFixed(t.lang, c.breakEven, 1),
    });
    const whole = d === 12288 && k === 12288 ? gpt3Counts(r) : null;
    this.parts.gpt3.hidden = !whole;
    this.parts.gpt3.textContent = whole
      ? t('loraAnatomy.gpt3', { matrices: whole.adaptedMatrices, lora: c.lora, trainable: whole.trainable,
        ratio: this.times(whole.ratio), mib: this.value(whole.checkpointBytes / 2 ** 20, 2) })
      : '';

    const view = this.view();
    // One colour scale for both maps, the target's, so that a fitted cell looks like the cell it fits.
    const wanted = targetBlock(this.target, view.rows, view.cols);
    const largest = Math.max(1e-12, ...wanted.flat().map(Math.abs));
    const domain: [number, number] = [-largest, largest];
    const corner = { rows: view.rows, cols: view.cols, d, k };
    this.map.update(deltaBlock(this.pair, view.rows, view.cols), {
      domain,
      title: view.whole ? t('loraAnatomy.mapWhole', corner) : t('loraAnatomy.mapCorner', corner),
      description: steps === 0 ? t('loraAnatomy.mapZero') : t('loraAnatomy.mapAfter', { steps }),
    });
    this.targetMap.update(wanted, {
      domain,
      title: view.whole ? t('loraAnatomy.targetWhole', corner) : t('loraAnatomy.targetCorner', corner),
      description: t('loraAnatomy.targetDescription', { rank: this.target.values.length }),
    });
    this.parts.caption.textContent = joinSentences(t.lang, [
      view.whole ? t('loraAnatomy.captionWhole', corner) : t('loraAnatomy.captionCorner', corner), t('loraAnatomy.captionColours')]);
    this.parts.stepResult.textContent = steps === 0 ? t('loraAnatomy.stepZero')
      : steps === 1 ? t('loraAnatomy.stepFirst', { rank: this.rank, r })
        : t('loraAnatomy.stepMany', { steps, rank: this.rank, r });
    this.parts.rankNote.textContent = r === full ? t('loraAnatomy.fullRank', { ...counts, most: full })
      : max < full && r === max ? t('loraAnatomy.rankCapped', { d, k, max, most: full })
        : '';
    this.parts.rankNote.hidden = this.parts.rankNote.textContent === '';
    this.drawFitPicture();
  }

  private drawFitPicture(): void {
    const t = this.t;
    const { d, k, r } = this.size;
    const error = this.history[this.history.length - 1][1];
    const floor = bestPossibleError(this.target, r);
    const full = Math.min(d, k);
    const steps = this.pair.steps;
    const rank = this.target.values.length;
    drawFit(this.fitSvg, { history: this.history, floor, sigma: this.sigma, target: this.target.values, r, full }, this.fitWidth(), t);
    const shown = Math.min(full, BARS_MAX);
    const figures = {
      r, floor: this.value(floor, 2), shown,
      values: localeList(t.lang, this.sigma.slice(0, Math.min(shown, 8)), 2) || t('loraAnatomy.allZero'),
      target: localeList(t.lang, this.target.values, 2),
    };
    setTitle(this.fitSvg, t('loraAnatomy.fitTitle', { error: this.value(error, 2), steps }),
      floor > 0.005 ? t('loraAnatomy.fitDescriptionFloor', figures) : t('loraAnatomy.fitDescription', figures));
    const fit = { steps, error: this.value(error, 2), r, floor: this.value(floor, 2), rank, nonZero: this.rank, most: full, k };
    this.parts.fitResult.textContent = steps === 0
      ? (r < rank ? t('loraAnatomy.fitStartFloor', fit) : t('loraAnatomy.fitStart', fit))
      : joinSentences(t.lang, [
        floor > 0.005 ? t('loraAnatomy.fitErrorFloor', fit) : t('loraAnatomy.fitError', fit),
        r > rank ? t('loraAnatomy.fitRankNoise', fit) : t('loraAnatomy.fitRank', fit),
        k > 1000 ? t('loraAnatomy.fitWide', fit) : '',
      ]);
  }
}

defineWidget('rankbook-lora-anatomy', LoraAnatomy);
