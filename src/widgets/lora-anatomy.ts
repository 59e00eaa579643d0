import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { readWholeNumber } from './whole-number';
import { anatomyFigure } from './lora-anatomy-figure';
import { PRESETS, type PresetName } from './lora-anatomy-presets';
import { AnatomyTraining, untrainedState, type TrainingState } from './lora-anatomy-training';
import { localeValue, localeCount, localeFixed, localePercent, joinSentences } from '../i18n/numbers';
import { SIZE_MAX, parameterCounts, gpt3Counts, largestRank, type WholeModelCounts } from '../lora/anatomy';

/** Sizes the d and k sliders step through: small ones for hand-sized examples up to GPT-3's 12,288. */
export const SIZE_STOPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
  1536, 2048, 3072, 4096, 6144, 8192, 12288];
/** The shape and counts, then the training section's state (lora-anatomy-training.ts). */
export interface LoraAnatomyState extends TrainingState {
  d: number;
  k: number;
  r: number;
  /** The preset whose d and k are on show, or null. */
  preset: PresetName | null;
  fullParams: number;
  loraParams: number;
  ratio: number;
  breakEvenRank: number;
  /** The largest r offered for this d and k: min(d, k) where the browser can afford it. */
  rankLimit: number;
  /** r = min(d, k): B A can be any d x k matrix. */
  atFullRank: boolean;
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
  private sliders!: Record<'d' | 'k' | 'r', HTMLInputElement>;
  private outputs!: Record<'d' | 'k' | 'r', HTMLOutputElement>;
  private messages!: Record<'d' | 'k' | 'r' | 'preset', HTMLElement>;
  private parts!: Record<'result' | 'detail' | 'gpt3' | 'scaleNote' | 'rankNote', HTMLElement>;
  private figure!: ReturnType<typeof anatomyFigure>;
  private training!: AnatomyTraining;

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
    return {
      d, k, r, preset: this.preset,
      fullParams: c.full, loraParams: c.lora, ratio: c.ratio, breakEvenRank: c.breakEven,
      rankLimit: rankMax(d, k), atFullRank: r === Math.min(d, k),
      gpt3: d === 12288 && k === 12288 ? gpt3Counts(r) : null,
      message: Object.values(this.messages ?? {}).map((m) => m.textContent).filter(Boolean).join(' '),
      ...(this.training ? this.training.state() : untrainedState(this.size)),
    };
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
    this.parts = {
      result: h('p', { class: 'rb-result' }), detail: h('p'), gpt3: h('p', { class: 'rb-anatomy-gpt3' }),
      scaleNote: h('p', { class: 'rb-note' }), rankNote: h('p', { class: 'rb-picture-note' }),
    };
    // The figure follows the training section, which redraws after every step: B = 0 is drawn until the first.
    this.training = new AnatomyTraining({
      t, announce: (m) => this.announce(m), emitChange: () => this.emitChange(), fitDrawn: () => this.drawFigure(),
    });
    const presetButton = (name: PresetName) => h('button', { type: 'button', onclick: () => this.applyPreset(name) },
      t(PRESETS[name].label, { d: PRESETS[name].d, k: PRESETS[name].k }));
    this.replaceChildren(h('div', { class: 'rb-widget rb-lora-anatomy' },
      h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': t('loraAnatomy.presets'), 'data-control': 'presets' },
        h('span', {}, t('loraAnatomy.startFrom')), presetButton('small'), presetButton('gpt3')),
      presetMessage,
      h('div', { class: 'rb-anatomy-sliders', 'data-control': 'sliders' }, d.row, k.row, r.row),
      this.figure.element, this.parts.scaleNote,
      this.parts.result, this.parts.detail, this.parts.gpt3,
      this.parts.rankNote,
      this.training.element,
      this.createLiveRegion()));
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
    this.render();
    this.training.reset(this.size, false); // draws the figure too, with B = 0
    const c = parameterCounts(d, k, r);
    const counts = { d, k, r, lora: c.lora, full: c.full };
    this.announce(clipped ? this.t('loraAnatomy.announceLowered', counts) : this.t('loraAnatomy.announce', counts));
  }

  /** W0, B and A to scale, and the note on that scale. */
  private drawFigure(): void {
    const t = this.t;
    const { d, k, r } = this.size;
    const layout = this.figure.update(d, k, r, this.training.steps === 0);
    const thin = [layout.B, layout.A].some((b) => b.tooThin);
    this.parts.scaleNote.textContent = joinSentences(t.lang, [t('loraAnatomy.scale', { units: this.value(layout.scale) }),
      thin ? t('loraAnatomy.thickened', { units: this.value(r * layout.scale) }) : '']);
  }

  /** The sliders and the counts; the figure is drawn with the training section (drawFigure), which draws itself. */
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

    this.parts.rankNote.textContent = r === full ? t('loraAnatomy.fullRank', { ...counts, most: full })
      : max < full && r === max ? t('loraAnatomy.rankCapped', { d, k, max, most: full })
        : '';
    this.parts.rankNote.hidden = this.parts.rankNote.textContent === '';
  }
}

defineWidget('rankbook-lora-anatomy', LoraAnatomy);
