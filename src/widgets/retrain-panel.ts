import { h, uniqueId } from './dom';
import { setMessage } from './widget-element';
import type { RetrainOutcome, RetrainProgress, RetrainSpec, RetrainStatusReport } from './adapter-retrain';
import { formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/translate';
import { localeFixed } from '../i18n/numbers';

/** Step counts a reader can pick; the shipped adapters had 300. */
export const STEP_CHOICES = [5, 25, 50, 100, 200, 300];
export const MAX_RETRAIN_STEPS = 300;
export const SHIPPED_STEPS = 300;

export type RetrainStatus = 'idle' | 'loading' | 'training' | 'done' | 'cancelled' | 'error';

export interface RetrainState {
  status: RetrainStatus;
  steps: number;
  /** Steps done in the current run, which run, of how many. */
  step: number;
  run: number;
  runs: number;
  backend: string;
  message: string;
}

/**
 * The "Retrain in my browser" row the lesson-7 widgets share: a step count, the button, Cancel, a progress
 * bar and a status line. tfjs arrives by dynamic import on the first press (adapter-retrain.ts).
 */
export class RetrainPanel {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly start: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly statusLine: HTMLElement;
  private readonly error: HTMLElement;
  private abort: AbortController | null = null;
  private current: RetrainState = { status: 'idle', steps: 100, step: 0, run: 0, runs: 0, backend: '', message: '' };

  private readonly t: Translate;

  constructor(private readonly options: {
    t: Translate;
    /** Button text, e.g. "Retrain r = 8 and r = 64 in my browser". */
    label: () => string;
    specs: () => RetrainSpec[];
    onDone: (outcome: RetrainOutcome) => void;
    /** Called whenever the state changes (status, a step), so the widget can announce (when not '') and emit. */
    onChange: (announcement: string) => void;
  }) {
    const t = (this.t = options.t);
    const id = uniqueId('retrain-steps');
    this.select = h('select', { id, onchange: () => { this.current.steps = Number(this.select.value); this.options.onChange(''); } },
      ...STEP_CHOICES.map((n) => h('option', { value: n }, n === SHIPPED_STEPS ? t('retrain.stepsShipped', { n }) : t('retrain.steps', { n }))));
    this.start = h('button', { type: 'button', onclick: () => void this.run() }, this.options.label());
    this.cancel = h('button', { type: 'button', disabled: true, onclick: () => this.abort?.abort() }, t('retrain.cancel'));
    this.progress = h('progress', { max: 1, value: 0, 'aria-label': t('retrain.progress') });
    this.progress.hidden = true;
    this.statusLine = h('p', { class: 'rb-note' });
    this.error = h('p', { class: 'rb-message', role: 'alert', hidden: true });
    this.element = h('div', { class: 'rb-retrain', 'data-control': 'retrain' },
      h('div', { class: 'rb-row' }, h('label', { for: id }, t('retrain.trainFor')), this.select, this.start, this.cancel),
      this.progress, this.statusLine, this.error);
    this.setSteps(100);
  }

  get state(): RetrainState {
    return { ...this.current };
  }

  get busy(): boolean {
    return this.current.status === 'loading' || this.current.status === 'training';
  }

  /** Any whole number of steps from 1 to 300; one not in the list gets its own option. */
  setSteps(n: number): void {
    const steps = Math.max(1, Math.min(MAX_RETRAIN_STEPS, Math.round(n)));
    if (![...this.select.options].some((o) => Number(o.value) === steps)) {
      const option = h('option', { value: steps }, this.t('retrain.steps', { n: steps }));
      const after = [...this.select.options].find((o) => Number(o.value) > steps);
      this.select.insertBefore(option, after ?? null);
    }
    this.select.value = String(steps);
    this.current.steps = steps;
  }

  /** The widget's steps="…" attribute (null when absent): sets the step count, or pushes why not onto `problems`. */
  readSteps(raw: string | null, problems: string[]): void {
    if (raw === null) return;
    const n = Number(raw);
    if (Number.isFinite(n) && n >= 1) this.setSteps(n);
    else problems.push(this.t('retrain.stepsProblem', { value: raw, max: MAX_RETRAIN_STEPS }));
  }

  /** Refreshes the button text (what will be trained depends on the widget's settings). */
  relabel(): void {
    this.start.textContent = this.options.label();
  }

  setAvailable(available: boolean, why = ''): void {
    this.start.disabled = !available || this.busy;
    this.statusLine.textContent = available ? this.statusLine.textContent : why;
  }

  private update(patch: Partial<RetrainState>, announce = ''): void {
    this.current = { ...this.current, ...patch };
    const busy = this.busy;
    this.start.disabled = busy;
    this.select.disabled = busy;
    this.cancel.disabled = !busy;
    this.progress.hidden = !busy;
    this.options.onChange(announce);
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    const specs = this.options.specs();
    const steps = this.current.steps;
    this.abort = new AbortController();
    setMessage(this.error, '');
    this.progress.value = 0;
    const t = this.t;
    this.update({ status: 'loading', step: 0, run: 0, runs: specs.length, message: '' }, t('retrain.loadingAnnounce'));
    this.statusLine.textContent = t('retrain.loading');
    try {
      const { retrainAdapters } = await import('./adapter-retrain');
      const outcome = await retrainAdapters(specs, {
        steps, signal: this.abort.signal,
        onStatus: (status) => { this.statusLine.textContent = this.statusText(status); },
        onProgress: (p) => this.onProgress(p),
      });
      this.current.backend = outcome.backend;
      if (outcome.cancelled) {
        this.statusLine.textContent = t('retrain.cancelled', { done: outcome.adapters.length, runs: specs.length });
        this.update({ status: 'cancelled' }, t('retrain.cancelledAnnounce'));
        return;
      }
      const trained = specs.length === 1
        ? t('retrain.trainedOne', { steps, backend: outcome.backend })
        : t('retrain.trainedMany', { runs: specs.length, steps, backend: outcome.backend });
      this.statusLine.textContent = trained +
        (outcome.notice ? ` ${outcome.notice}` : '');
      this.update({ status: 'done' });
      this.options.onDone(outcome);
    } catch (e) {
      const message = t('retrain.failed', { error: (e as Error).message });
      setMessage(this.error, message);
      this.statusLine.textContent = '';
      this.update({ status: 'error', message }, message);
    } finally {
      this.abort = null;
    }
  }

  private statusText(status: RetrainStatusReport): string {
    if (status.kind === 'starting') return this.t('retrain.starting');
    if (status.kind === 'measuring') return this.t('retrain.measuring');
    return this.t('retrain.training', { r: status.r, seed: String(status.seed), backend: status.backend });
  }

  private onProgress(p: RetrainProgress): void {
    const t = this.t;
    const done = p.run * p.totalSteps + p.step;
    const total = p.runs * p.totalSteps;
    this.progress.value = done / total;
    const left = (total - done) / Math.max(p.stepsPerSecond, 1e-6);
    const eta = p.step < 3 || left < 1 ? '' : left < 90 ? t('retrain.etaSeconds', { s: Math.round(left) }) : t('retrain.etaMinutes', { min: Math.round(left / 60) });
    this.statusLine.textContent = t('retrain.progressLine', {
      run: p.run + 1, runs: p.runs, step: p.step, total: p.totalSteps, loss: localeFixed(t.lang, p.trainLoss, 3), eta,
    });
    // Announce every quarter, not every step: a screen reader cannot keep up with each one.
    const quarter = Math.floor((4 * done) / total);
    const before = Math.floor((4 * (done - 1)) / total);
    this.update({ status: 'training', step: p.step, run: p.run }, quarter > before && done < total
      ? t('retrain.percentTrained', { percent: formatNumber(t.lang, done / total, { style: 'percent', maximumFractionDigits: 0 }) }) : '');
  }
}
