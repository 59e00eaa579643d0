import { h, uniqueId } from './dom';
import { lineChart, type LineChart, type LineSeries } from '../plots/line-chart';
import type { CompressionFigures } from '../linalg/compression';

const CHANNEL_NAMES = ['red', 'green', 'blue'];

/** PSNR in words for figures and labels: Infinity (nothing dropped) reads as exact. */
export const psnrText = (db: number) => (Number.isFinite(db) ? `${db.toFixed(1)} dB` : 'exact');

/**
 * The two plots beside the SVD compressor: singular values (linear or log) and the cumulative share kept
 * (energy and sum of sigma), each with a marker at k, and the ranks that keep 90/95/99% of the energy.
 */
export class SvdPlots {
  readonly element: HTMLElement;
  private readonly values: LineChart;
  private readonly shares: LineChart;
  private readonly thresholds: HTMLElement;
  private readonly logToggle: HTMLInputElement;
  private channels: Float64Array[] = [];

  constructor(private readonly onChooseRank: (k: number) => void) {
    this.values = lineChart([], {
      title: 'Singular values', description: 'No image decomposed yet.', xLabel: 'index i', yLabel: 'σᵢ', yScale: 'log',
    });
    this.shares = lineChart([], {
      title: 'Share kept by the first k layers', description: 'No image decomposed yet.', xLabel: 'rank k', yLabel: 'share kept',
      yScale: 'linear', yDomain: [0, 1], formatY: (v) => `${Math.round(v * 100)}%`,
    });
    const toggleId = uniqueId('log');
    this.logToggle = h('input', { type: 'checkbox', id: toggleId, checked: true });
    this.logToggle.addEventListener('change', () => this.values.update(this.valueSeries(), { yScale: this.logToggle.checked ? 'log' : 'linear' }));
    this.thresholds = h('p', { class: 'rb-row rb-svd-thresholds' });
    this.element = h('div', { class: 'rb-svd-plots' },
      h('div', {}, this.values.element, h('label', { for: toggleId }, this.logToggle, ' log scale')),
      h('div', {}, this.shares.element, this.thresholds));
  }

  /** A new decomposition: redraws both plots in full and lists the ranks for 90/95/99% energy, with their PSNR. */
  setValues(channels: Float64Array[], figures: CompressionFigures, centred = false): void {
    this.channels = channels;
    this.values.update(this.valueSeries());
    const curve = (label: string, shares: number[]): LineSeries => ({ label, points: shares.map((v, i) => [i + 1, v] as [number, number]) });
    this.shares.update([curve(centred ? 'energy Σσ² (centred)' : 'energy Σσ²', figures.energyCurve), curve('Σσ', figures.sigmaCurve)]);
    this.thresholds.replaceChildren(centred ? 'Energy kept (centred): ' : 'Energy kept: ', ...(['0.9', '0.95', '0.99'] as const).map((level) => {
      const target = figures.kForEnergy[level];
      return h('button', { type: 'button', onclick: () => this.onChooseRank(target) },
        `${Number(level) * 100}% at k = ${target} (${psnrText(figures.psnrForEnergy[level])})`);
    }));
  }

  /** Moves the markers and rewrites the plots' descriptions for screen readers; cheap, for every step. */
  setRank(k: number, figures: Pick<CompressionFigures, 'energyKept' | 'sigmaShare'>): void {
    const first = this.channels[0] ?? new Float64Array(0);
    const sigma = (i: number) => this.channels.map((c) => c[i]?.toPrecision(3)).join(' / ');
    const marker = { x: k, label: `k = ${k}` };
    this.values.setMarker(marker, `${first.length} singular values${this.channels.length > 1 ? ' per colour channel' : ''}, falling from ` +
      `${sigma(0)} to ${sigma(first.length - 1)}; σ at k = ${k} is ${sigma(k - 1)}.`);
    this.shares.setMarker(marker, `At k = ${k} the first layers keep ${(figures.energyKept * 100).toFixed(1)}% of the energy and ` +
      `${(figures.sigmaShare * 100).toFixed(1)}% of the sum of singular values.`);
  }

  private valueSeries(): LineSeries[] {
    return this.channels.map((values, c) => ({
      label: this.channels.length === 1 ? 'σ (grey)' : `σ ${CHANNEL_NAMES[c]}`,
      points: Array.from(values, (v, i) => [i + 1, v] as [number, number]),
    }));
  }
}
