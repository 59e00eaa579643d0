import { h, fill, tableScroll } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { lineChart, type LineChart } from '../plots/line-chart';
import type { AdapterIndex } from '../lora/checkpoint-reader';
import { loadAdapterIndex } from './adapter-data';
import { RetrainPanel, type RetrainState } from './retrain-panel';
import type { RetrainOutcome } from './adapter-retrain';
import { SWEEP_RANKS, SWEEP_TARGETS, sweepCells, targetsLabel, type SweepCell, type TargetsKey } from './rank-sweep-cells';
import { localeFixed } from '../i18n/numbers';
import { formatNumber } from '../i18n/format';

export interface RankSweepState {
  /** The cell chosen for a live re-run. */
  targets: TargetsKey;
  r: number;
  steps: number;
  /** Every cell: shipped validation loss, and the reader's own run when there is one. */
  cells: SweepCell[];
  baseLoss: number | null;
  fullFineTuneLoss: number | null;
  /** Steps the shipped runs had. */
  shippedSteps: number | null;
  retrain: RetrainState;
  status: 'loading' | 'ready' | 'error';
  message: string;
}

/**
 * `<rankbook-rank-sweep targets="wq-wv" r="4">`: the LoRA paper's Table 6 for the tiny model: validation
 * loss after LoRA at r = 1, 2, 4, 8, 64 on {Wq}, {Wq, Wv} and {Wq, Wk, Wv, Wo}, from the shipped runs; any
 * cell can be re-run in the browser.
 */
export class RankSweep extends WidgetElement<RankSweepState> {
  static observedAttributes = ['targets', 'r', 'steps'];
  private selected: { targets: TargetsKey; r: number } = { targets: 'wq-wv', r: 4 };
  private index: AdapterIndex | null = null;
  private yours = new Map<string, { loss: number; steps: number }>();
  private parts!: Record<'message' | 'result' | 'table' | 'yours' | 'source', HTMLElement>;
  private chart!: LineChart;
  private panel!: RetrainPanel;
  private status: RankSweepState['status'] = 'loading';
  private message = '';

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.readAttributes();
      void this.load();
    });
  }

  /** A loss to three decimals, in the reader's language. */
  private f3(x: number): string {
    return localeFixed(this.t.lang, x, 3);
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (!this.chart || value === old) return;
    this.readAttributes();
    if (this.index) this.render();
    this.emitChange();
  }

  protected currentState(): RankSweepState {
    return {
      ...this.selected,
      steps: this.panel?.state.steps ?? 100,
      cells: this.cells(),
      baseLoss: this.index?.base.validationLossOnTask ?? null,
      fullFineTuneLoss: this.index?.fullFineTune?.validationLoss ?? null,
      shippedSteps: this.index?.training.steps ?? null,
      retrain: this.panel?.state,
      status: this.status,
      message: this.message,
    };
  }

  private cells(): SweepCell[] {
    return this.index ? sweepCells(this.index, this.yours) : [];
  }

  private build(): void {
    const t = this.t;
    this.parts = {
      message: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
      result: h('p', { class: 'rb-result' }, t('rankSweep.loading')),
      table: tableScroll(t('rankSweep.title'), { 'data-control': 'table' }),
      yours: h('p', { class: 'rb-note', 'aria-live': 'polite' }),
      source: h('p', { class: 'rb-note' }),
    };
    this.chart = lineChart([], {
      title: t('rankSweep.chartTitle'), description: '', xLabel: t('rankSweep.rankAxis'), yLabel: t('rankSweep.lossAxis'),
      yScale: 'linear', height: 280, dots: true, formatX: (v) => String(2 ** Math.round(v)), lang: t.lang,
    });
    this.panel = new RetrainPanel({
      t,
      label: () => t('rankSweep.rerun', { r: this.selected.r, targets: targetsLabel(this.selected.targets) }),
      specs: () => [{ r: this.selected.r, targets: [...SWEEP_TARGETS[this.selected.targets]], seed: 1 }],
      onDone: (outcome) => this.useRetrained(outcome),
      onChange: (announcement) => this.announceAndEmit(announcement),
    });
    this.replaceChildren(h('div', { class: 'rb-widget rb-rank-sweep' },
      this.parts.message,
      this.parts.result,
      h('p', { class: 'rb-note' }, t('rankSweep.chooseHint')),
      this.parts.table,
      this.parts.yours,
      h('div', { 'data-control': 'chart' }, this.chart.element),
      this.parts.source,
      this.panel.element,
      this.createLiveRegion()));
  }

  private readAttributes(): void {
    const problems: string[] = [];
    const rawTargets = this.getAttribute('targets');
    let targets: TargetsKey = 'wq-wv';
    if (rawTargets !== null) {
      if (rawTargets in SWEEP_TARGETS) targets = rawTargets as TargetsKey;
      else problems.push(this.t('rankSweep.targetsProblem', { value: rawTargets, allowed: Object.keys(SWEEP_TARGETS).join(', ') }));
    }
    const rawR = this.getAttribute('r');
    let r = 4;
    if (rawR !== null) {
      const n = Number(rawR);
      if (SWEEP_RANKS.includes(n)) r = n;
      else problems.push(this.t('rankSweep.rProblem', { value: rawR, allowed: SWEEP_RANKS.join(', ') }));
    }
    this.panel.readSteps(this.getAttribute('steps'), problems);
    this.selected = { targets, r };
    this.panel.relabel();
    this.message = problems.join(' ');
    setMessage(this.parts.message, this.message);
  }

  private async load(): Promise<void> {
    try {
      this.index = await loadAdapterIndex();
      this.status = 'ready';
      this.render();
    } catch (e) {
      this.status = 'error';
      const text = this.t('rankSweep.loadFailed', { error: (e as Error).message });
      this.parts.result.textContent = text;
      setMessage(this.parts.message, [this.message, text].filter(Boolean).join(' '));
    }
    this.emitChange();
  }

  private select(targets: TargetsKey, r: number): void {
    this.selected = { targets, r };
    this.panel.relabel();
    this.render();
    this.emitChange();
  }

  private render(): void {
    const index = this.index!;
    const t = this.t;
    const f3 = (x: number) => this.f3(x);
    const count = (n: number) => formatNumber(t.lang, n);
    const cells = this.cells();
    const cell = (t: TargetsKey, r: number) => cells.find((c) => c.targets === t && c.r === r);
    const best = cells.reduce((a, c) => (c.validationLoss < a.validationLoss ? c : a), cells[0]);
    const full = index.fullFineTune?.validationLoss;
    this.parts.result.textContent = t('rankSweep.result', {
      base: f3(index.base.validationLossOnTask), full: full === undefined ? '—' : f3(full),
      r: best.r, targets: targetsLabel(best.targets), best: f3(best.validationLoss),
    });
    const header = h('tr', {}, h('th', { scope: 'col' }, t('rankSweep.adapted')), ...SWEEP_RANKS.map((r) => h('th', { scope: 'col' }, `r = ${r}`)));
    const rows = (Object.keys(SWEEP_TARGETS) as TargetsKey[]).map((key) => h('tr', {},
      h('th', { scope: 'row' }, targetsLabel(key)),
      ...SWEEP_RANKS.map((r) => {
        const c = cell(key, r);
        const chosen = this.selected.targets === key && this.selected.r === r;
        if (!c) return h('td', {}, '—');
        const label = t('rankSweep.cellLabel', { r, targets: targetsLabel(key), loss: f3(c.validationLoss), params: count(c.trainableParams) }) +
          (c.yours ? t('rankSweep.cellYours', { loss: f3(c.yours.loss), steps: c.yours.steps }) : '') + (chosen ? t('rankSweep.cellChosen') : '');
        return h('td', { 'aria-current': chosen ? 'true' : undefined },
          h('button', { type: 'button', 'aria-label': label, 'aria-pressed': chosen ? 'true' : 'false', onclick: () => this.select(key, r) },
            f3(c.validationLoss),
            c.yours ? h('span', { class: 'rb-yours' }, t('rankSweep.yoursBadge', { loss: f3(c.yours.loss) })) : null));
      })));
    fill(this.parts.table, h('table', { class: 'rb-data-table rb-sweep-table' },
      h('caption', {}, t('rankSweep.caption', { steps: index.training.steps })),
      h('thead', {}, header), h('tbody', {}, ...rows)));
    const chosen = cell(this.selected.targets, this.selected.r);
    this.parts.yours.textContent = chosen?.yours
      ? t('rankSweep.yourRun', {
        r: chosen.r, targets: targetsLabel(chosen.targets), loss: f3(chosen.yours.loss), steps: chosen.yours.steps,
        shippedSteps: index.training.steps, shipped: f3(chosen.validationLoss),
      })
      : t('rankSweep.chosen', { r: this.selected.r, targets: targetsLabel(this.selected.targets), params: chosen ? count(chosen.trainableParams) : '—' });
    const series = (Object.keys(SWEEP_TARGETS) as TargetsKey[]).map((key) => ({
      label: targetsLabel(key),
      points: SWEEP_RANKS.map((r) => [Math.log2(r), cell(key, r)?.validationLoss ?? NaN] as [number, number]),
    }));
    if (full !== undefined) series.push({ label: t('rankSweep.fullFineTuning'), points: [[0, full], [6, full]] });
    this.chart.update(series, {
      title: t('rankSweep.chartTitleFull'),
      description: series.map((s) => `${s.label}: ${s.points.map(([x, y]) => `r = ${2 ** x}: ${f3(y)}`).join('; ')}`).join('. ') + '.',
      xDomain: [0, 6],
    });
    this.parts.source.textContent = t('rankSweep.source', {
      runs: index.runs.length, steps: index.training.steps, batch: index.training.batchSize, lr: formatNumber(t.lang, index.training.learningRate, { maximumSignificantDigits: 6 }),
      alpha: index.training.alpha, train: index.task.trainWords, validation: index.task.validationWords,
    });
  }

  private useRetrained(outcome: RetrainOutcome): void {
    for (const a of outcome.adapters) {
      const key = Object.entries(SWEEP_TARGETS).find(([, v]) => v.join('-') === a.spec.targets.join('-'))?.[0] as TargetsKey;
      this.yours.set(`${key}/${a.spec.r}`, { loss: a.validationLoss, steps: a.steps });
    }
    this.render();
    const a = outcome.adapters[0];
    if (a) this.announce(this.t('rankSweep.yourRunAnnounce', { loss: this.f3(a.validationLoss), steps: a.steps }));
    this.emitChange();
  }
}

defineWidget('rankbook-rank-sweep', RankSweep);

