import { h, fill, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { lineChart, type LineChart } from '../plots/line-chart';
import type { AdapterIndex } from '../lora/checkpoint-reader';
import { loadAdapterIndex } from './adapter-data';
import { RetrainPanel, type RetrainState } from './retrain-panel';
import type { RetrainOutcome } from './adapter-retrain';
import { SWEEP_RANKS, SWEEP_TARGETS, sweepCells, targetsLabel, type SweepCell, type TargetsKey } from './rank-sweep-cells';

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

const f3 = (x: number) => x.toFixed(3);
const count = (n: number) => n.toLocaleString('en-US');

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
    if (this.chart) return;
    this.build();
    this.readAttributes();
    void this.load();
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
    this.parts = {
      message: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
      result: h('p', { class: 'rb-result' }, 'Loading the shipped runs…'),
      table: h('div', { class: 'rb-table-scroll', 'data-control': 'table' }),
      yours: h('p', { class: 'rb-note', 'aria-live': 'polite' }),
      source: h('p', { class: 'rb-note' }),
    };
    this.chart = lineChart([], {
      title: 'Validation loss against rank', description: '', xLabel: 'rank r (log scale)', yLabel: 'validation loss (nats per character)',
      yScale: 'linear', height: 280, dots: true, formatX: (v) => String(2 ** Math.round(v)),
    });
    this.panel = new RetrainPanel({
      label: () => `Re-run r = ${this.selected.r} on ${targetsLabel(this.selected.targets)} in my browser`,
      specs: () => [{ r: this.selected.r, targets: [...SWEEP_TARGETS[this.selected.targets]], seed: 1 }],
      onDone: (outcome) => this.useRetrained(outcome),
      onChange: (announcement) => this.announceAndEmit(announcement),
    });
    this.replaceChildren(h('div', { class: 'rb-widget rb-rank-sweep' },
      this.parts.message,
      this.parts.result,
      h('p', { class: 'rb-note' }, 'Choose a cell to re-run it: the button below trains that adapter again in this browser, with the same recipe.'),
      this.parts.table,
      this.parts.yours,
      h('div', { 'data-control': 'chart' }, this.chart.element),
      this.parts.source,
      this.panel.element,
      this.createLiveRegion()));
  }

  private readAttributes(): void {
    const problems: string[] = [];
    const t = this.getAttribute('targets');
    let targets: TargetsKey = 'wq-wv';
    if (t !== null) {
      if (t in SWEEP_TARGETS) targets = t as TargetsKey;
      else problems.push(`targets="${t}" is not one of ${Object.keys(SWEEP_TARGETS).join(', ')}, so wq-wv is chosen.`);
    }
    const rawR = this.getAttribute('r');
    let r = 4;
    if (rawR !== null) {
      const n = Number(rawR);
      if (SWEEP_RANKS.includes(n)) r = n;
      else problems.push(`r="${rawR}" is not one of ${SWEEP_RANKS.join(', ')}, so r = 4 is chosen.`);
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
      const text = `The shipped runs could not be loaded: ${(e as Error).message}.`;
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
    const cells = this.cells();
    const cell = (t: TargetsKey, r: number) => cells.find((c) => c.targets === t && c.r === r);
    const best = cells.reduce((a, c) => (c.validationLoss < a.validationLoss ? c : a), cells[0]);
    const full = index.fullFineTune?.validationLoss;
    this.parts.result.textContent = `Before fine-tuning the base model scores ${f3(index.base.validationLossOnTask)} nats per character; ` +
      `full fine-tuning reaches ${full === undefined ? '—' : f3(full)}. The best LoRA cell is r = ${best.r} on ${targetsLabel(best.targets)}: ${f3(best.validationLoss)}.`;
    const header = h('tr', {}, h('th', { scope: 'col' }, 'adapted'), ...SWEEP_RANKS.map((r) => h('th', { scope: 'col' }, `r = ${r}`)));
    const rows = (Object.keys(SWEEP_TARGETS) as TargetsKey[]).map((t) => h('tr', {},
      h('th', { scope: 'row' }, targetsLabel(t)),
      ...SWEEP_RANKS.map((r) => {
        const c = cell(t, r);
        const chosen = this.selected.targets === t && this.selected.r === r;
        if (!c) return h('td', {}, '—');
        const label = `r = ${r} on ${targetsLabel(t)}: ${f3(c.validationLoss)}, ${count(c.trainableParams)} parameters` +
          (c.yours ? `; your run: ${f3(c.yours.loss)} after ${c.yours.steps} steps` : '') + (chosen ? ' (chosen)' : '');
        return h('td', { 'aria-current': chosen ? 'true' : undefined },
          h('button', { type: 'button', 'aria-label': label, 'aria-pressed': chosen ? 'true' : 'false', onclick: () => this.select(t, r) },
            f3(c.validationLoss),
            c.yours ? h('span', { class: 'rb-yours' }, `yours ${f3(c.yours.loss)}`) : null));
      })));
    fill(this.parts.table, h('table', { class: 'rb-data-table rb-sweep-table' },
      h('caption', {}, `Validation loss (nats per character, lower is better) after ${index.training.steps} steps of LoRA on dinosaur names`),
      h('thead', {}, header), h('tbody', {}, ...rows)));
    const chosen = cell(this.selected.targets, this.selected.r);
    this.parts.yours.textContent = chosen?.yours
      ? `Your run of r = ${chosen.r} on ${targetsLabel(chosen.targets)}: ${f3(chosen.yours.loss)} after ${chosen.yours.steps} steps (shipped, after ${index.training.steps}: ${f3(chosen.validationLoss)}).`
      : `Chosen: r = ${this.selected.r} on ${targetsLabel(this.selected.targets)} (${chosen ? count(chosen.trainableParams) : '—'} trainable parameters).`;
    const series = (Object.keys(SWEEP_TARGETS) as TargetsKey[]).map((t) => ({
      label: targetsLabel(t),
      points: SWEEP_RANKS.map((r) => [Math.log2(r), cell(t, r)?.validationLoss ?? NaN] as [number, number]),
    }));
    if (full !== undefined) series.push({ label: 'full fine-tuning', points: [[0, full], [6, full]] });
    this.chart.update(series, {
      title: 'Validation loss against LoRA rank, by adapted matrices',
      description: series.map((s) => `${s.label}: ${s.points.map(([x, y]) => `r = ${2 ** x} ${f3(y)}`).join(', ')}`).join('. ') + '.',
      xDomain: [0, 6],
    });
    this.parts.source.textContent = `From public/models/adapters: ${index.runs.length} LoRA runs of ${index.training.steps} Adam steps (batch ${index.training.batchSize}, ` +
      `learning rate ${index.training.learningRate}, α = ${index.training.alpha}, seed 1) on ${index.task.trainWords} dinosaur names, scored on ${index.task.validationWords} held-out names.`;
  }

  private useRetrained(outcome: RetrainOutcome): void {
    for (const a of outcome.adapters) {
      const key = Object.entries(SWEEP_TARGETS).find(([, v]) => v.join('-') === a.spec.targets.join('-'))?.[0] as TargetsKey;
      this.yours.set(`${key}/${a.spec.r}`, { loss: a.validationLoss, steps: a.steps });
    }
    this.render();
    const a = outcome.adapters[0];
    if (a) this.announce(`Your run: validation loss ${f3(a.validationLoss)} after ${a.steps} steps.`);
    this.emitChange();
  }
}

defineWidget('rankbook-rank-sweep', RankSweep);

