import { fill } from './dom';
import { WidgetElement, defineWidget, whenNearView, setMessage } from './widget-element';
import { loraFactor, overlapSummary, randomPair, RANDOM_SEED } from '../lora/adapter-analysis';
import { expectedRandomSimilarity } from '../linalg/subspace-grid';
import type { NamedArrays } from '../lora/model';
import { loadShippedAdapter, nextFrame } from './adapter-data';
import { SHIPPED_STEPS, type RetrainState } from './retrain-panel';
import type { RetrainOutcome } from './adapter-retrain';
import { readLayer, type AdaptedMatrix } from './layer-matrix-choice';
import { COLS, COMPARISONS, CORNER, ROWS, WIDTH, type Compare } from './subspace-comparisons';
import { buildOverlapControls, phiTable, type OverlapSettings, type OverlapView } from './subspace-overlap-controls';
import { localeFixed } from '../i18n/numbers';

export type { OverlapView };

export interface SubspaceOverlapState {
  layer: number;
  matrix: AdaptedMatrix;
  compare: Compare;
  view: OverlapView;
  /** Retraining length, in steps per adapter. */
  steps: number;
  /** Where the matrices on show came from. */
  source: 'shipped' | 'retrained' | 'random';
  randomSeed: number;
  /** phi(i, j) as drawn: rows i = 1.., columns j = 1.. */
  phi: number[][];
  rows: number;
  cols: number;
  /** The width the directions live in (128 for the shipped model). */
  k: number;
  phi11: number | null;
  cornerMean: number | null;
  randomCornerMean: number | null;
  /** The cell last focused or pointed at (1-based), with the random expectation there. */
  focus: { i: number; j: number; phi: number; random: number } | null;
  retrain: RetrainState;
  status: 'loading' | 'ready' | 'error';
  /** The message on show about bad attributes or a failed download, '' when none. */
  message: string;
}

/**
 * `<rankbook-subspace-overlap layer="1" matrix="wq" compare="ranks" view="full">`: the LoRA paper's Figures 3
 * and 4 from the shipped adapters: phi(A1, A2, i, j) as a heatmap, row profiles against the random
 * expectation max(i, j) / k, a data table, and "Retrain in my browser".
 */
export class SubspaceOverlap extends WidgetElement<SubspaceOverlapState> {
  static observedAttributes = ['layer', 'matrix', 'compare', 'view', 'steps'];
  private settings: OverlapSettings = { layer: 1, matrix: 'wq', compare: 'ranks', view: 'full' };
  private ui!: ReturnType<SubspaceOverlap['build']>;
  private grid: number[][] = [];
  private summary: { phi11: number; cornerMean: number; randomCornerMean: number; k: number } | null = null;
  private source: SubspaceOverlapState['source'] = 'shipped';
  private focused: SubspaceOverlapState['focus'] = null;
  private status: SubspaceOverlapState['status'] = 'loading';
  private message = '';
  private loadError = '';
  private randomSeed = RANDOM_SEED;
  /** Adapters trained in this page, per comparison: [first, second]. */
  private fresh = new Map<Compare, { tensors: [NamedArrays, NamedArrays]; steps: number }>();
  private drawToken = 0;
  private trainingFor: Compare = 'ranks';

  connectedCallback(): void {
    this.startTranslated(() => {
      this.ui = this.build();
      this.readAttributes();
      whenNearView(this, () => void this.redraw());
    });
  }

  /** φ and its kin to three decimals, in the reader's language. */
  private f3(x: number): string {
    return localeFixed(this.t.lang, x, 3);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.ui || value === old) return;
    if (name === 'steps') this.ui.panel.readSteps(value, []);
    else {
      this.readAttributes();
      void this.redraw();
    }
  }

  protected currentState(): SubspaceOverlapState {
    const corner = this.settings.view === 'corner';
    const phi = corner ? this.grid.slice(0, CORNER).map((row) => row.slice(0, CORNER)) : this.grid;
    return {
      ...this.settings,
      steps: this.ui?.panel.state.steps ?? 100,
      source: this.source,
      randomSeed: this.randomSeed,
      phi,
      rows: phi.length,
      cols: phi[0]?.length ?? 0,
      k: this.summary?.k ?? 0,
      phi11: this.summary?.phi11 ?? null,
      cornerMean: this.summary?.cornerMean ?? null,
      randomCornerMean: this.summary?.randomCornerMean ?? null,
      focus: this.focused,
      retrain: this.ui?.panel.state,
      status: this.status,
      message: this.message,
    };
  }

  private build() {
    const t = this.t;
    return buildOverlapControls(this, t, {
      setting: (key, value) => this.setSetting(key, value),
      cell: (row, col) => this.showCell(row, col),
      backToShipped: () => { this.fresh.delete(this.settings.compare); void this.redraw(); },
      drawRandom: () => { this.randomSeed += 2; void this.redraw(); },
      format: (x) => this.f3(x),
      retrain: {
        label: () => this.settings.compare === 'seeds' ? t('subspace.retrainSeeds') : t('subspace.retrainRanks'),
        specs: () => {
          this.trainingFor = this.settings.compare;
          const seed = 1 + Math.floor(Math.random() * 1e6);
          return this.settings.compare === 'seeds'
            ? [{ r: 64, targets: ['wq', 'wv'], seed }, { r: 64, targets: ['wq', 'wv'], seed: seed + 1 }]
            // One seed for both ranks shares only the batch order: each A is drawn from (seed, block, matrix, r).
            : [{ r: 8, targets: ['wq', 'wv'], seed }, { r: 64, targets: ['wq', 'wv'], seed }];
        },
        onDone: (outcome) => this.useRetrained(outcome),
        onChange: (announcement) => this.announceAndEmit(announcement),
      },
    }, this.createLiveRegion());
  }

  private readAttributes(): void {
    const problems: string[] = [];
    const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
      const v = this.getAttribute(name);
      if (v === null) return fallback;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      problems.push(this.t('subspace.choiceProblem', { name, value: v, allowed: allowed.join(', '), fallback }));
      return fallback;
    };
    this.settings = {
      layer: readLayer(this.getAttribute('layer'), problems, this.t),
      matrix: pick('matrix', ['wq', 'wv'] as const, 'wq'),
      compare: pick('compare', ['ranks', 'seeds', 'random'] as const, 'ranks'),
      view: pick('view', ['full', 'corner', 'both'] as const, 'full'),
    };
    this.ui.panel.readSteps(this.getAttribute('steps'), problems);
    this.message = problems.join(' ');
    setMessage(this.ui.parts.message, this.message);
    this.syncControls();
  }

  private syncControls(): void {
    this.ui.controls.layer.value = String(this.settings.layer);
    this.ui.controls.matrix.value = this.settings.matrix;
    this.ui.controls.compare.value = this.settings.compare;
    for (const input of this.ui.controls.view) input.checked = input.value === this.settings.view;
    const random = this.settings.compare === 'random';
    this.ui.panel.element.hidden = random;
    this.ui.randomButton.hidden = !random;
    this.ui.panel.relabel();
  }

  private setSetting<K extends keyof OverlapSettings>(key: K, value: OverlapSettings[K]): void {
    this.settings = { ...this.settings, [key]: value };
    this.syncControls();
    void this.redraw();
  }

  /** The two matrices A1, A2 (r x k) for the current settings. */
  private async matrices(): Promise<[number[][], number[][]]> {
    const { compare, layer, matrix } = this.settings;
    if (compare === 'random') {
      this.source = 'random';
      return randomPair(ROWS, COLS, WIDTH, this.randomSeed);
    }
    const fresh = this.fresh.get(compare);
    if (fresh) {
      this.source = 'retrained';
      return [loraFactor(fresh.tensors[0], layer - 1, matrix, 'A'), loraFactor(fresh.tensors[1], layer - 1, matrix, 'A')];
    }
    this.source = 'shipped';
    const [a, b] = await Promise.all(COMPARISONS[compare].runs!.map(loadShippedAdapter));
    return [loraFactor(a.tensors, layer - 1, matrix, 'A'), loraFactor(b.tensors, layer - 1, matrix, 'A')];
  }

  private async redraw(): Promise<void> {
    const token = ++this.drawToken;
    try {
      const [A1, A2] = await this.matrices();
      await nextFrame();
      if (token !== this.drawToken) return;
      const s = overlapSummary(A1, A2, ROWS, COLS, CORNER);
      this.grid = s.grid;
      this.summary = { phi11: s.phi11, cornerMean: s.cornerMean, randomCornerMean: s.randomCornerMean, k: s.k };
      this.status = 'ready';
      this.loadError = '';
      this.render();
    } catch (e) {
      if (token !== this.drawToken) return;
      this.status = 'error';
      this.loadError = this.t('subspace.loadFailed', { error: (e as Error).message });
      this.ui.parts.result.textContent = this.loadError;
      setMessage(this.ui.parts.message, [this.message, this.loadError].filter(Boolean).join(' '));
    }
    this.emitChange();
  }

  private render(): void {
    const { compare, layer, matrix, view } = this.settings;
    const t = this.t;
    const c = COMPARISONS[compare].words(t);
    const s = this.summary!;
    const corner = view === 'corner';
    const shown = corner ? this.grid.slice(0, CORNER).map((row) => row.slice(0, CORNER)) : this.grid;
    const name = matrix === 'wq' ? 'ΔWq' : 'ΔWv';
    const ratio = s.cornerMean / s.randomCornerMean;
    const figures = { phi11: this.f3(s.phi11), mean: this.f3(s.cornerMean), random: this.f3(s.randomCornerMean), n: CORNER };
    this.ui.parts.result.textContent = t('subspace.result', { ...figures, k: s.k, ratio: localeFixed(t.lang, ratio, 1) });
    this.ui.parts.axes.textContent = t('subspace.axes', {
      matrix: name, layer, comparison: c.label, rows: shown.length, first: c.first, cols: shown[0].length, second: c.second,
    });
    const description = (grid: number[][]) => t('subspace.mapDescription', { rows: grid.length, cols: grid[0].length, ...figures });
    this.ui.map.update(shown, {
      title: t('subspace.mapTitleFor', { matrix: name, layer, comparison: c.label }), description: description(shown), cellSize: corner ? 40 : 18,
    });
    const both = view === 'both';
    this.ui.cornerPane.hidden = !both;
    this.ui.mapCaptions[0].hidden = !both;
    this.ui.mapCaptions[0].textContent = t('subspace.allColumns', { cols: shown[0].length });
    if (both) {
      const zoom = this.grid.slice(0, CORNER).map((row) => row.slice(0, CORNER));
      this.ui.cornerMap.update(zoom, { title: t('subspace.cornerTitleFor', { matrix: name, layer, n: CORNER }), description: description(zoom) });
    }
    fill(this.ui.parts.source, this.sourceNote());
    this.ui.parts.back.hidden = this.source !== 'retrained';
    fill(this.ui.parts.table, phiTable(shown, this.settings, t));
    const focus = this.focused && this.focused.i <= shown.length && this.focused.j <= shown[0].length ? this.focused : { i: 1, j: 1 };
    this.showCell(focus.i - 1, focus.j - 1, false);
    this.announce(this.ui.parts.result.textContent);
  }

  private sourceNote(): string {
    const fresh = this.fresh.get(this.settings.compare);
    const t = this.t;
    if (this.source === 'random') return t('subspace.sourceRandom', { seed: String(this.randomSeed) });
    if (this.source === 'retrained' && fresh) return t('subspace.sourceRetrained', { steps: fresh.steps, shipped: SHIPPED_STEPS });
    return t('subspace.sourceShipped', { steps: SHIPPED_STEPS });
  }

  private showCell(row: number, col: number, fromReader = true): void {
    const value = this.grid[row]?.[col];
    if (value === undefined || !this.summary) return;
    const i = row + 1, j = col + 1;
    const random = expectedRandomSimilarity(i, j, this.summary.k);
    this.focused = { i, j, phi: value, random };
    const t = this.t;
    this.ui.parts.readout.textContent = t('subspace.readout', { i, j, phi: this.f3(value), random: this.f3(random) });
    const cols = this.settings.view === 'corner' ? CORNER : COLS;
    const points = this.grid[row].slice(0, cols).map((v, t) => [t + 1, v] as [number, number]);
    const expected = points.map(([x]) => [x, expectedRandomSimilarity(i, x, this.summary!.k)] as [number, number]);
    this.ui.profile.update([{ label: `φ(${i}, j)`, points }, { label: t('subspace.randomSeries'), points: expected }], {
      title: t('subspace.profileTitleFor', { i, cols }),
      description: t('subspace.profileDescription', {
        i, cols, first: this.f3(points[0][1]), last: this.f3(points[points.length - 1][1]),
        randomFirst: this.f3(expected[0][1]), randomLast: this.f3(expected[expected.length - 1][1]),
      }),
      marker: { x: j, label: `j = ${j}` },
      xDomain: [1, cols],
    });
    if (fromReader) this.emitChange();
  }

  private useRetrained(outcome: RetrainOutcome): void {
    if (outcome.adapters.length < 2) return;
    const compare = this.trainingFor;
    this.fresh.set(compare, { tensors: [outcome.adapters[0].tensors, outcome.adapters[1].tensors], steps: outcome.adapters[0].steps });
    void this.redraw();
  }
}

defineWidget('rankbook-subspace-overlap', SubspaceOverlap);
