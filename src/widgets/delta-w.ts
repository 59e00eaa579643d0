import { h, fill, tableScroll } from './dom';
import { WidgetElement, defineWidget, whenNearView, setMessage } from './widget-element';
import { lineChart, type LineChart } from '../plots/line-chart';
import { baseWeight, deltaProduct, RANDOM_SEED } from '../lora/adapter-analysis';
import { gaussianMatrix } from '../linalg/gaussian';
import { amplificationFactor, projectionRow, type LowRankProduct, type ProjectionRow } from '../linalg/projection';
import type { NamedArrays } from '../lora/model';
import { adapterRunName } from '../lora/checkpoint-reader';
import { loadBaseWeights, loadShippedAdapter, nextFrame } from './adapter-data';
import { RetrainPanel, SHIPPED_STEPS, type RetrainState } from './retrain-panel';
import type { RetrainOutcome } from './adapter-retrain';
import { PAPER_TABLE7, paperAmplification } from './delta-w-paper';
import { layerSelect, matrixSelect, readLayer, type AdaptedMatrix } from './layer-matrix-choice';
import { SWEEP_RANKS, targetsLabel } from './rank-sweep-cells';
import { withSubscripts } from './subscripts';
import { localeFixed } from '../i18n/numbers';

/** The paper's Table 7 columns, two of the sweep's ranks (SWEEP_RANKS). */
const TABLE_RANKS = [4, 64] as const;

export interface DeltaWState {
  layer: number;
  matrix: AdaptedMatrix;
  steps: number;
  source: 'shipped' | 'retrained';
  /** The Table 7 analogue for r = 4 and r = 64 (norms in the paper's orientation, ΔW = (alpha / r) B A). */
  rows: ProjectionRow[];
  /** ||ΔW||_F / ||U^T W V||_F for every rank of the {Wq, Wv} sweep. */
  amplification: Array<{ r: number; factor: number }>;
  paper: { r4: number; r64: number };
  retrain: RetrainState;
  status: 'loading' | 'ready' | 'error';
  message: string;
}

const runName = (r: number) => adapterRunName(r, ['wq', 'wv'], 1);

/**
 * W and the random comparison matrices never change on a page: keep each one object, so projection.ts
 * factors it once rather than on every redraw.
 */
const kept = new Map<string, number[][]>();
const keep = (key: string, make: () => number[][]) => kept.get(key) ?? kept.set(key, make()).get(key)!;
const randomWeight = (d: number, k: number, seed: number) => keep(`random ${d}x${k} ${seed}`, () => gaussianMatrix(d, k, seed));

/**
 * `<rankbook-delta-w layer="1" matrix="wq">`: the LoRA paper's Table 7 for the tiny model: how much of W
 * lies along ΔW's top directions, against W's own and random ones, and the amplification factor
 * ||ΔW||_F / ||U^T W V||_F, beside GPT-3's figures; with retraining of r = 4 and r = 64 in the browser.
 */
export class DeltaW extends WidgetElement<DeltaWState> {
  static observedAttributes = ['layer', 'matrix', 'steps'];
  private settings = { layer: 1, matrix: 'wq' as AdaptedMatrix };
  private controls!: { layer: HTMLSelectElement; matrix: HTMLSelectElement };
  private parts!: Record<'message' | 'result' | 'table' | 'source' | 'back', HTMLElement>;
  private chart!: LineChart;
  private panel!: RetrainPanel;
  private rows: ProjectionRow[] = [];
  private width = 0;
  private factors: Array<{ r: number; factor: number }> = [];
  private source: DeltaWState['source'] = 'shipped';
  private status: DeltaWState['status'] = 'loading';
  private message = '';
  private fresh: { byRank: Map<number, { tensors: NamedArrays; scale: number }>; steps: number } | null = null;
  private drawToken = 0;

  connectedCallback(): void {
    this.startTranslated(() => {
      this.build();
      this.readAttributes();
      whenNearView(this, () => void this.redraw());
    });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (!this.chart || value === old) return;
    this.readAttributes();
    void this.redraw();
  }

  protected currentState(): DeltaWState {
    return {
      ...this.settings,
      steps: this.panel?.state.steps ?? 100,
      source: this.source,
      rows: this.rows,
      amplification: this.factors,
      paper: { r4: paperAmplification(4), r64: paperAmplification(64) },
      retrain: this.panel?.state,
      status: this.status,
      message: this.message,
    };
  }

  private build(): void {
    const t = this.t;
    const layer = layerSelect('delta-w', t, (n) => this.set({ layer: n }));
    const matrix = matrixSelect('delta-w', t, (m) => this.set({ matrix: m }));
    this.controls = { layer: layer.el, matrix: matrix.el };
    this.parts = {
      message: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
      result: h('p', { class: 'rb-result' }, t('deltaW.loading')),
      table: tableScroll(t('deltaW.title')),
      source: h('p', { class: 'rb-note' }),
      back: h('button', { type: 'button', class: 'rb-link', hidden: true, onclick: () => { this.fresh = null; void this.redraw(); } }, t('retrain.backToShipped')),
    };
    this.chart = lineChart([], {
      title: t('deltaW.chartTitle'), description: '', xLabel: t('deltaW.rankAxis'), yLabel: '‖ΔW‖ / ‖UᵀWV‖',
      yScale: 'log', height: 260, dots: true, formatX: (v) => String(2 ** Math.round(v)), lang: t.lang,
    });
    this.panel = new RetrainPanel({
      t,
      label: () => t('deltaW.retrain'),
      specs: () => {
        const seed = 1 + Math.floor(Math.random() * 1e6);
        return TABLE_RANKS.map((r) => ({ r, targets: ['wq', 'wv'], seed }));
      },
      onDone: (outcome) => this.useRetrained(outcome),
      onChange: (announcement) => this.announceAndEmit(announcement),
    });
    this.replaceChildren(h('div', { class: 'rb-widget rb-delta-w' },
      h('div', { class: 'rb-row rb-controls', 'data-control': 'choose' }, ...layer.row, ...matrix.row),
      this.parts.message,
      this.parts.result,
      this.parts.table,
      h('div', { 'data-control': 'chart' }, this.chart.element),
      this.parts.source, this.parts.back,
      this.panel.element,
      this.createLiveRegion()));
  }

  private readAttributes(): void {
    const problems: string[] = [];
    const layer = readLayer(this.getAttribute('layer'), problems, this.t);
    const rawMatrix = this.getAttribute('matrix');
    let matrix: AdaptedMatrix = 'wq';
    if (rawMatrix === 'wq' || rawMatrix === 'wv') matrix = rawMatrix;
    else if (rawMatrix !== null) problems.push(this.t('deltaW.matrixProblem', { value: rawMatrix }));
    this.panel.readSteps(this.getAttribute('steps'), problems);
    this.settings = { layer, matrix };
    this.message = problems.join(' ');
    setMessage(this.parts.message, this.message);
    this.controls.layer.value = String(layer);
    this.controls.matrix.value = matrix;
  }

  private set(patch: Partial<DeltaW['settings']>): void {
    this.settings = { ...this.settings, ...patch };
    void this.redraw();
  }

  /** ΔW for rank r in the current layer and matrix, from a fresh run when there is one. */
  private async delta(r: number): Promise<LowRankProduct> {
    const { layer, matrix } = this.settings;
    const fresh = this.fresh?.byRank.get(r);
    if (fresh) return deltaProduct(fresh.tensors, layer - 1, matrix, fresh.scale);
    const adapter = await loadShippedAdapter(runName(r));
    const lora = adapter.manifest.lora!;
    return deltaProduct(adapter.tensors, layer - 1, matrix, lora.alpha / lora.r);
  }

  private async redraw(): Promise<void> {
    const token = ++this.drawToken;
    this.status = 'loading';
    try {
      const base = await loadBaseWeights();
      const { layer, matrix } = this.settings;
      const W = keep(`W ${layer} ${matrix}`, () => baseWeight(base.tensors, layer - 1, matrix));
      const rows: ProjectionRow[] = [];
      for (const r of TABLE_RANKS) {
        const deltaW = await this.delta(r);
        await nextFrame();
        if (token !== this.drawToken) return;
        rows.push(projectionRow(W, deltaW, r, randomWeight(W.length, W[0].length, RANDOM_SEED + r)));
      }
      const factors: Array<{ r: number; factor: number }> = [];
      for (const r of SWEEP_RANKS) {
        const known = rows.find((row) => row.r === r);
        if (this.fresh && !known) continue; // a retrain makes r = 4 and 64 only: the others would mix runs
        const factor = known ? known.amplification : amplificationFactor(await this.delta(r), W, r);
        factors.push({ r, factor });
        await nextFrame();
        if (token !== this.drawToken) return;
      }
      this.rows = rows;
      this.width = W.length;
      this.factors = factors;
      this.source = this.fresh ? 'retrained' : 'shipped';
      this.status = 'ready';
      this.render();
    } catch (e) {
      if (token !== this.drawToken) return;
      this.status = 'error';
      const text = this.t('deltaW.loadFailed', { error: (e as Error).message });
      this.parts.result.textContent = text;
      setMessage(this.parts.message, [this.message, text].filter(Boolean).join(' '));
    }
    this.emitChange();
  }

  private render(): void {
    const { layer, matrix } = this.settings;
    const M = matrix === 'wq' ? 'Wq' : 'Wv';
    const [r4, r64] = this.rows;
    const t = this.t;
    const f1 = (x: number) => localeFixed(t.lang, x, 1);
    const f2 = (x: number) => localeFixed(t.lang, x, 2);
    const paper4 = f1(paperAmplification(4)), paper64 = f1(paperAmplification(64));
    this.parts.result.textContent = t('deltaW.result', { layer, matrix: M, r4: f1(r4.amplification), r64: f1(r64.amplification), paper4, paper64 });
    const paper = PAPER_TABLE7.rows;
    const paperCell = (x: number | string) => h('td', { class: 'rb-paper' }, typeof x === 'number' ? f2(x) : x);
    const line = (label: string, ours: (row: ProjectionRow) => string, theirs: (r: 4 | 64) => number | string) =>
      h('tr', {}, h('th', { scope: 'row' }, ...withSubscripts(label)),
        ...[0, 1].flatMap((t) => [h('td', {}, ours(this.rows[t])), paperCell(theirs(TABLE_RANKS[t]))]));
    const here = M === 'Wq' ? t('deltaW.tinyModel') : t('deltaW.tinyModelWv');
    fill(this.parts.table, h('table', { class: 'rb-data-table rb-delta-table' },
      h('caption', {}, ...withSubscripts(t('deltaW.caption', { layer, matrix: M, width: this.width, gpt: 12288 }))),
      h('thead', {},
        h('tr', {}, h('td', {}), h('th', { scope: 'colgroup', colspan: 2 }, 'r = 4'), h('th', { scope: 'colgroup', colspan: 2 }, 'r = 64')),
        h('tr', {}, h('th', { scope: 'col' }, t('deltaW.from')), h('th', { scope: 'col' }, here), h('th', { scope: 'col' }, t('deltaW.paper')),
          h('th', { scope: 'col' }, here), h('th', { scope: 'col' }, t('deltaW.paper')))),
      h('tbody', {},
        line('ΔW', (row) => f2(row.ofDelta), (r) => paper[r].ofDelta),
        line('W', (row) => f2(row.ofWeight), (r) => paper[r].ofWeight),
        line(t('deltaW.randomMatrix'), (row) => t('deltaW.aboutExpected', { value: f2(row.ofRandom), expected: f2(row.randomExpected) }), (r) => paper[r].ofRandom),
        line('‖ΔW‖_F', (row) => f2(row.deltaNorm), (r) => paper[r].deltaNorm),
        line('‖W‖_F', (row) => f2(row.weightNorm), () => PAPER_TABLE7.weightNorm),
        line(t('deltaW.amplificationRow'), (row) => f1(row.amplification), (r) => f1(paperAmplification(r))))));
    const ours = this.factors.map(({ r, factor }) => [Math.log2(r), factor] as [number, number]);
    this.chart.update([
      { label: t('deltaW.seriesTiny', { layer, matrix: M }), points: ours },
      { label: t('deltaW.seriesPaper'), points: TABLE_RANKS.map((r) => [Math.log2(r), paperAmplification(r)] as [number, number]) },
    ], {
      title: t('deltaW.chartTitleFor', { layer, matrix: M }),
      description: t('deltaW.chartDescription', { tiny: this.factors.map(({ r, factor }) => `r = ${r}: ${f1(factor)}`).join('; '), paper4, paper64 }),
      xDomain: [0, 6],
    });
    fill(this.parts.source, ...withSubscripts(this.fresh
      ? t('deltaW.sourceRetrained', { steps: this.fresh.steps, shipped: SHIPPED_STEPS })
      : t('deltaW.sourceShipped', { targets: targetsLabel('wq-wv'), steps: SHIPPED_STEPS, alpha: 8 /* the sweep's α (index.json) */ })));
    this.parts.back.hidden = !this.fresh;
    this.announce(this.parts.result.textContent);
  }

  private useRetrained(outcome: RetrainOutcome): void {
    if (outcome.adapters.length < TABLE_RANKS.length) return;
    this.fresh = { byRank: new Map(outcome.adapters.map((a) => [a.spec.r, { tensors: a.tensors, scale: a.scale }])), steps: outcome.adapters[0].steps };
    void this.redraw();
  }
}

defineWidget('rankbook-delta-w', DeltaW);
