import { h, uniqueId } from './dom';
import { lineChart, type LineChart, type LineSeries } from '../plots/line-chart';
import { plotColours } from '../plots/scales';
import type { CompressionFigures } from '../linalg/compression';
import { formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/translate';

/** PSNR in words for figures and labels: Infinity (nothing dropped) reads as exact. */
export const psnrText = (db: number, t: Translate) =>
  (Number.isFinite(db) ? `${formatNumber(t.lang, db, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} dB` : t('svd.exact'));

/** A share as a percentage in the reader's language, to `digits` decimals (94.3%, 94,3 %). */
export const percentText = (x: number, t: Translate, digits = 1) =>
  formatNumber(t.lang, x, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

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

  constructor(private readonly onChooseRank: (k: number) => void, private readonly t: Translate) {
    const none = t('svdPlots.noImage');
    this.values = lineChart([], {
      title: t('svdPlots.valuesTitle'), description: none, xLabel: t('svdPlots.indexAxis'), yLabel: 'σᵢ', yScale: 'log', lang: t.lang,
    });
    this.shares = lineChart([], {
      title: t('svdPlots.sharesTitle'), description: none, xLabel: t('svdPlots.rankAxis'), yLabel: t('svdPlots.shareAxis'),
      yScale: 'linear', yDomain: [0, 1], formatY: (v) => percentText(v, t, 0), lang: t.lang,
    });
    const toggleId = uniqueId('log');
    this.logToggle = h('input', { type: 'checkbox', id: toggleId, checked: true });
    this.logToggle.addEventListener('change', () => this.values.update(this.valueSeries(), { yScale: this.logToggle.checked ? 'log' : 'linear' }));
    this.thresholds = h('p', { class: 'rb-row rb-svd-thresholds' });
    this.element = h('div', { class: 'rb-svd-plots' },
      h('div', {}, this.values.element, h('label', { for: toggleId }, this.logToggle, ` ${t('svdPlots.logScale')}`)),
      h('div', {}, this.shares.element, this.thresholds));
  }

  /** A new decomposition: redraws both plots in full and lists the ranks for 90/95/99% energy, with their PSNR. */
  setValues(channels: Float64Array[], figures: CompressionFigures, centred = false): void {
    this.channels = channels;
    this.values.update(this.valueSeries());
    const curve = (label: string, shares: number[]): LineSeries => ({ label, points: shares.map((v, i) => [i + 1, v] as [number, number]) });
    const t = this.t;
    this.shares.update([curve(centred ? t('svdPlots.energyCentred') : t('svdPlots.energy'), figures.energyCurve), curve('Σσ', figures.sigmaCurve)]);
    this.thresholds.replaceChildren(`${centred ? t('svdPlots.thresholdsCentred') : t('svdPlots.thresholds')} `, ...(['0.9', '0.95', '0.99'] as const).map((level) => {
      const target = figures.kForEnergy[level];
      return h('button', { type: 'button', onclick: () => this.onChooseRank(target) },
        t('svdPlots.threshold', { level: percentText(Number(level), t, 0), k: target, psnr: psnrText(figures.psnrForEnergy[level], t) }));
    }));
  }

  /** Moves the markers and rewrites the plots' descriptions for screen readers; cheap, for every step. */
  setRank(k: number, figures: Pick<CompressionFigures, 'energyKept' | 'sigmaShare'>): void {
    const first = this.channels[0] ?? new Float64Array(0);
    const sigma = (i: number) => this.channels.map((c) => c[i]?.toPrecision(3)).join(' / ');
    const marker = { x: k, label: `k = ${k}` };
    const t = this.t;
    const described = { count: first.length, first: sigma(0), last: sigma(first.length - 1), k, sigma: sigma(k - 1) };
    this.values.setMarker(marker, this.channels.length > 1 ? t('svdPlots.valuesDescriptionChannels', described) : t('svdPlots.valuesDescription', described));
    this.shares.setMarker(marker, t('svdPlots.sharesDescription', { k, energy: percentText(figures.energyKept, t), sigma: percentText(figures.sigmaShare, t) }));
  }

  private valueSeries(): LineSeries[] {
    const grey = this.channels.length === 1;
    return this.channels.map((values, c) => ({
      label: grey ? this.t('svdPlots.sigmaGrey') : [this.t('svdPlots.sigmaRed'), this.t('svdPlots.sigmaGreen'), this.t('svdPlots.sigmaBlue')][c],
      colour: grey ? undefined : plotColours.channels[c],
      points: Array.from(values, (v, i) => [i + 1, v] as [number, number]),
    }));
  }
}
