import { h } from './dom';
import { heatmap, type Heatmap } from '../plots/heatmap';
import { localeValue, localeList, joinSentences } from '../i18n/numbers';
import type { Translate } from '../i18n/translate';
import { pixelSvg, watchWidth, type PixelSvg } from './pixel-svg';
import { setTitle } from '../plots/svg-frame';
import { drawFit, BARS_MAX } from './lora-anatomy-fit';
import { createRng } from '../lora/random';
import { initialPair, deltaBlock, deltaSingularValues, rankOf, type LoraPair } from '../lora/anatomy';
import { plantedTarget, targetBlock, fitStep, relativeError, bestPossibleError, type PlantedTarget } from '../lora/planted-target';

/** The heatmap shows Delta W whole up to this many rows and columns, else its top-left corner. */
const VIEW = 16;
/** Steps the Train button takes, and the most it takes between two paints. */
const TRAIN_STEPS = 100;
const FRAME_MS = 30;

export interface Size { d: number; k: number; r: number }

/** What the anatomy element lends its training section: the words, and how to tell the reader and the page. */
export interface TrainingHost {
  t: Translate;
  announce(message: string): void;
  emitChange(): void;
  /** Called after each redraw of the section (a step, a reset), so the element's figure can follow. */
  fitDrawn(): void;
}

/** The training section's part of the widget's state. */
export interface TrainingState {
  /** rank(B A) of the whole Delta W, at most r. */
  deltaRank: number;
  steps: number;
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
}

/** The part of Delta W drawn and computed entry by entry: all of it, or its top-left VIEW x VIEW corner. */
function shownBlock({ d, k }: Size): TrainingState['view'] {
  const rows = Math.min(d, VIEW);
  const cols = Math.min(k, VIEW);
  return { rows, cols, whole: rows === d && cols === k };
}

/** The state before the section is built (a script asked for it while the page's language was loading). */
export const untrainedState = (size: Size): TrainingState => ({
  deltaRank: 0, steps: 0, view: shownBlock(size), targetValues: [], relativeError: 1, bestError: 0, singularValues: [], training: false,
});

/**
 * The anatomy widget's lower half: B and A learn a planted low-rank change T by gradient steps (one, or a
 * hundred animated), and the reader sees Delta W beside T, the error against the best rank r allows, and
 * Delta W's singular values, at most r of them non-zero. The element owns the sizes and tells this section
 * when they change (`reset`).
 */
export class AnatomyTraining {
  readonly element: HTMLElement;
  private size: Size = { d: 1, k: 1, r: 1 };
  private pair!: LoraPair;
  private target!: PlantedTarget;
  private rank = 0;
  private sigma: number[] = [];
  private history: [number, number][] = [[0, 1]];
  private frame = 0;
  private busy = false;
  private readonly rng = createRng(Date.now());
  private readonly stepButton: HTMLButtonElement;
  private readonly trainButton: HTMLButtonElement;
  private readonly map: Heatmap;
  private readonly targetMap: Heatmap;
  private readonly fitSvg: PixelSvg;
  private readonly fitWidth: () => number;
  private readonly parts: Record<'stepResult' | 'caption' | 'readout' | 'fitResult', HTMLElement>;

  constructor(private readonly host: TrainingHost) {
    const t = host.t;
    const format = (v: number) => this.value(v);
    this.stepButton = h('button', { type: 'button', onclick: () => this.step() }, t('loraAnatomy.step'));
    this.trainButton = h('button', { type: 'button', onclick: () => this.toggleTraining() }, t('loraAnatomy.train', { n: TRAIN_STEPS }));
    // Titles and descriptions of the pictures are set on every render (render, drawFitPicture).
    this.fitSvg = pixelSvg('', '');
    this.targetMap = heatmap([[0]], { title: '', description: '', cellSize: 16, legend: false, format });
    this.parts = {
      stepResult: h('p', { class: 'rb-anatomy-step-result' }), fitResult: h('p'), caption: h('p', { class: 'rb-note' }),
      readout: h('p', { class: 'rb-note rb-anatomy-readout' }, t('loraAnatomy.readoutHint')),
    };
    const cellLabel = (i: number, j: number) => t('loraAnatomy.cell', { row: i + 1, col: j + 1 });
    this.map = heatmap([[0]], {
      title: '', description: '', focusable: true, cellSize: 16, cellLabel, format,
      // Read as the cell's own label is (heatmap.ts), so that the readout says what a screen reader says.
      onCellFocus: (c) => { this.parts.readout.textContent = `${cellLabel(c.row, c.col)}: ${format(c.value)}`; },
    });
    const fitArea = h('div', { class: 'rb-picture-area' }, this.fitSvg.node()!);
    this.element = h('div', { class: 'rb-anatomy-training', 'data-control': 'step' },
      h('p', { class: 'rb-subhead' }, t('loraAnatomy.trainingHead')),
      h('p', { class: 'rb-note' }, t('loraAnatomy.task')),
      h('div', { class: 'rb-row' }, this.stepButton, this.trainButton,
        h('button', { type: 'button', onclick: () => this.reset(this.size, true) }, t('loraAnatomy.reset'))),
      this.parts.stepResult,
      h('div', { class: 'rb-anatomy-maps' },
        h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, t('loraAnatomy.learnt')), this.map.element),
        h('div', { class: 'rb-anatomy-heatmap' }, h('p', { class: 'rb-note' }, t('loraAnatomy.toLearn')), this.targetMap.element)),
      this.parts.caption, this.parts.readout,
      fitArea, this.parts.fitResult);
    this.fitWidth = watchWidth(fitArea, () => this.drawFitPicture());
  }

  private value(x: number, digits = 3): string {
    return localeValue(this.host.t.lang, x, digits);
  }

  /** The steps taken so far: 0 means B = 0, so Delta W = 0. */
  get steps(): number {
    return this.pair?.steps ?? 0;
  }

  state(): TrainingState {
    return {
      deltaRank: this.rank, steps: this.steps, view: this.view(), targetValues: this.target?.values ?? [],
      relativeError: this.history[this.history.length - 1][1], bestError: this.target ? bestPossibleError(this.target, this.size.r) : 0,
      singularValues: this.sigma.slice(0, BARS_MAX), training: this.frame !== 0,
    };
  }

  /** A fresh pair for these sizes: B = 0 and a new random A, so Delta W = 0 again. The target depends on d and k only. */
  reset(size: Size, announce: boolean): void {
    this.stopTraining();
    this.size = size;
    const { d, k, r } = size;
    if (!this.target || this.target.d !== d || this.target.k !== k) this.target = plantedTarget(d, k, createRng(d * 65537 + k));
    this.pair = initialPair(d, k, r, this.rng);
    this.rank = 0;
    this.sigma = [];
    this.history = [[0, 1]];
    this.render();
    if (announce) this.host.announce(this.host.t('loraAnatomy.resetDone'));
    this.host.emitChange();
  }

  private view() {
    return shownBlock(this.size);
  }

  /** A GPT-3-sized step takes a fraction of a second: say so and let the page paint before computing. */
  private async step(): Promise<void> {
    if (this.busy || this.frame) return;
    const before = this.pair;
    const { d, k, r } = this.size;
    if (r * (d + k) > 100_000) {
      // aria-disabled rather than disabled, so keyboard focus stays on the button.
      this.busy = true;
      this.stepButton.setAttribute('aria-disabled', 'true');
      this.parts.stepResult.textContent = this.host.t('loraAnatomy.computing');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      this.busy = false;
      this.stepButton.removeAttribute('aria-disabled');
      if (this.pair !== before) return; // the sizes changed meanwhile: that reset the pair
    }
    this.pair = fitStep(before, this.target, this.rng);
    this.measure();
    this.render();
    this.announceFit();
    this.host.emitChange();
  }

  /** Train runs TRAIN_STEPS steps, as many per frame as fit in FRAME_MS, so the curve grows as it learns; pressed again, it stops. */
  private toggleTraining(): void {
    if (this.frame) {
      this.stopTraining();
      this.announceFit();
      this.host.emitChange();
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
        this.frame = requestAnimationFrame(run);
      } else {
        this.stopTraining();
        this.announceFit();
        this.host.emitChange();
      }
    };
    this.frame = requestAnimationFrame(run);
    this.trainButton.textContent = this.host.t('loraAnatomy.stop');
    this.stepButton.setAttribute('aria-disabled', 'true');
    this.host.emitChange();
  }

  stopTraining(): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.trainButton.textContent = this.host.t('loraAnatomy.train', { n: TRAIN_STEPS });
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
    this.host.announce(this.host.t('loraAnatomy.announceFit', { step: this.pair.steps, rank: this.rank, r: this.size.r, error: this.value(error, 2) }));
  }

  private render(): void {
    const t = this.host.t;
    const { d, k, r } = this.size;
    const steps = this.pair.steps;
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
    this.drawFitPicture();
    this.host.fitDrawn();
  }

  private drawFitPicture(): void {
    if (!this.pair) return;
    const t = this.host.t;
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
