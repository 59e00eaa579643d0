import { h, uniqueId, tableScroll } from './dom';
import { heatmap } from '../plots/heatmap';
import { lineChart } from '../plots/line-chart';
import { RetrainPanel } from './retrain-panel';
import { labelledSelect, layerSelect, matrixSelect, type AdaptedMatrix } from './layer-matrix-choice';
import { COLS, COMPARISONS, CORNER, type Compare } from './subspace-comparisons';
import { localeFixed } from '../i18n/numbers';
import type { Translate } from '../i18n/translate';

/** 'both' is the LoRA paper's Figure 3: all 64 columns beside the 8 x 8 corner, zoomed. */
export type OverlapView = 'full' | 'corner' | 'both';

/** What the reader chooses with the menus and the view buttons. */
export interface OverlapSettings {
  layer: number;
  matrix: AdaptedMatrix;
  compare: Compare;
  view: OverlapView;
}

/** What the subspace overlap's controls ask of it. */
export interface OverlapControlHandlers {
  setting<K extends keyof OverlapSettings>(key: K, value: OverlapSettings[K]): void;
  /** A heatmap cell focused or pointed at (0-based row and column). */
  cell(row: number, col: number): void;
  /** "Back to the shipped adapters": forget this comparison's retrained pair. */
  backToShipped(): void;
  /** Another pair of random matrices. */
  drawRandom(): void;
  /** How the heatmaps write φ in their cells and legend. */
  format(x: number): string;
  /** "Retrain in my browser": the button's text, what to train, and what to do with the outcome and each change. */
  retrain: Omit<ConstructorParameters<typeof RetrainPanel>[0], 't'>;
}

/**
 * The subspace overlap's menus, view buttons, heatmaps (Figure 3's pair in the 'both' view), row profile, data
 * table and retrain row, built into `host` around its live region; returns the parts the element updates.
 */
export function buildOverlapControls(host: HTMLElement, t: Translate, on: OverlapControlHandlers, liveRegion: HTMLElement) {
  const layer = layerSelect('overlap', t, (n) => on.setting('layer', n));
  const matrix = matrixSelect('overlap', t, (m) => on.setting('matrix', m));
  const compare = labelledSelect('overlap', t('subspace.compare'), (Object.keys(COMPARISONS) as Compare[]).map((c) => [c, COMPARISONS[c].words(t).label]),
    () => on.setting('compare', compare.el.value as Compare));
  const viewName = uniqueId('overlap-view');
  const viewInput = (value: OverlapView, text: string) => {
    const input = h('input', { type: 'radio', name: viewName, value, onchange: () => on.setting('view', value) });
    return { input, label: h('label', {}, input, ` ${text}`) };
  };
  const full = viewInput('full', t('subspace.viewFull', { cols: COLS }));
  const corner = viewInput('corner', t('subspace.viewCorner', { n: CORNER }));
  const both = viewInput('both', t('subspace.viewBoth'));
  const parts = {
    message: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
    result: h('p', { class: 'rb-result' }, t('subspace.loading')),
    source: h('p', { class: 'rb-note' }),
    readout: h('p', { class: 'rb-note rb-overlap-readout' }, t('subspace.readoutHint')),
    axes: h('p', { class: 'rb-note' }),
    table: tableScroll(t('subspace.title')),
    back: h('button', { type: 'button', class: 'rb-link', hidden: true, onclick: () => on.backToShipped() }, t('retrain.backToShipped')),
  };
  const mapOptions = {
    description: '', focusable: true, scheme: 'sequential' as const, domain: [0, 1] as [number, number], minHeight: 240,
    axes: { rows: 'i', cols: 'j' }, legendTitle: t('subspace.legend'),
    cellLabel: (i: number, j: number) => `i = ${i + 1}, j = ${j + 1}, φ`,
    format: (x: number) => on.format(x),
    onCellFocus: (c: { row: number; col: number }) => on.cell(c.row, c.col),
  };
  const map = heatmap([[0]], { ...mapOptions, title: t('subspace.mapTitle'), cellSize: 18 });
  /** The zoomed 8 x 8 corner beside the full grid, in the 'both' view. */
  const cornerMap = heatmap([[0]], { ...mapOptions, title: t('subspace.cornerMapTitle', { n: CORNER }), cellSize: 40, legend: false });
  const mapCaptions: [HTMLElement, HTMLElement] = [h('p', { class: 'rb-note' }), h('p', { class: 'rb-note' }, t('subspace.cornerCaption', { n: CORNER }))];
  const cornerPane = h('div', { class: 'rb-overlap-corner', hidden: true }, mapCaptions[1], cornerMap.element);
  const profile = lineChart([], {
    title: t('subspace.profileTitle'), description: '', xLabel: 'j', yLabel: 'φ(i, j)', yScale: 'linear', yDomain: [0, 1], height: 240, dots: false, lang: t.lang,
  });
  const panel = new RetrainPanel({ t, ...on.retrain });
  const randomButton = h('button', { type: 'button', 'data-control': 'retrain', onclick: () => on.drawRandom() }, t('subspace.drawRandom'));
  host.replaceChildren(h('div', { class: 'rb-widget rb-subspace-overlap' },
    h('div', { class: 'rb-row rb-controls', 'data-control': 'choose' }, ...layer.row, ...matrix.row, ...compare.row),
    h('div', { class: 'rb-row rb-controls', role: 'radiogroup', 'aria-label': t('subspace.view'), 'data-control': 'zoom' }, full.label, corner.label, both.label),
    parts.message,
    parts.result,
    parts.axes,
    h('div', { class: 'rb-overlap-maps' },
      h('div', { class: 'rb-overlap-map' }, mapCaptions[0], map.element), cornerPane),
    parts.readout,
    h('div', { 'data-control': 'profile' }, profile.element),
    h('details', { class: 'rb-overlap-table', 'data-control': 'table' },
      h('summary', {}, t('subspace.tableSummary')), parts.table),
    parts.source, parts.back,
    panel.element, randomButton,
    liveRegion));
  return {
    controls: { layer: layer.el, matrix: matrix.el, compare: compare.el, view: [full.input, corner.input, both.input] },
    parts, map, cornerMap, mapCaptions, cornerPane, profile, panel, randomButton,
  };
}

/** The data table under the heatmap: φ(i, j) to two decimals for the cells on show, captioned with what they compare. */
export function phiTable(shown: number[][], settings: OverlapSettings, t: Translate): HTMLTableElement {
  const { layer, matrix, compare } = settings;
  const caption = t('subspace.tableCaption', { matrix: matrix === 'wq' ? 'ΔWq' : 'ΔWv', layer, comparison: COMPARISONS[compare].words(t).label });
  return h('table', { class: 'rb-data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'i \\ j'), ...shown[0].map((_, j) => h('th', { scope: 'col' }, String(j + 1))))),
    h('tbody', {}, ...shown.map((row, i) => h('tr', {}, h('th', { scope: 'row' }, String(i + 1)), ...row.map((v) => h('td', {}, localeFixed(t.lang, v, 2)))))));
}
