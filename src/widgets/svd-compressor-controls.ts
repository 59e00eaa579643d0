import { h, uniqueId } from './dom';
import { SAMPLE_IMAGES } from './svd-attributes';
import type { ImageMode } from './svd-session';
import type { CompressionFigures } from '../linalg/compression';
import { psnrText } from './svd-plots';
import { formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/translate';

export type View = 'approx' | 'original' | 'difference';
export type Figures = Omit<CompressionFigures, 'energyCurve' | 'sigmaCurve'>;

/** What the SVD compressor's controls ask of it. */
export interface SvdControlHandlers {
  sample(name: string): void;
  /** A file from the picker, or dropped or pasted anywhere on the widget. */
  upload(file: File): void;
  mode(mode: ImageMode): void;
  centred(on: boolean): void;
  view(view: View): void;
  rank(k: number): void;
  cancel(): void;
}

const sampleLabel = (name: string, t: Translate) => ({
  astronaut: t('svd.sampleAstronaut'), camera: t('svd.sampleCamera'), coffee: t('svd.sampleCoffee'), chelsea: t('svd.sampleChelsea'),
  noise: t('svd.sampleNoise'),
} as Record<string, string>)[name] ?? name;

/**
 * The SVD compressor's controls, picture and figure list, built into `host` around its plots and live region;
 * returns the parts the element updates.
 */
export function buildSvdControls(host: HTMLElement, t: Translate, on: SvdControlHandlers, plots: HTMLElement, liveRegion: HTMLElement) {
  const sliderId = uniqueId('rank');
  const sampleId = uniqueId('sample');
  const fileId = uniqueId('file');
  const sample = h('select', { id: sampleId },
    ...SAMPLE_IMAGES.map((name) => h('option', { value: name }, sampleLabel(name, t))));
  sample.addEventListener('change', () => on.sample(sample.value));
  const file = h('input', { type: 'file', id: fileId, accept: 'image/*', class: 'rb-file' });
  file.addEventListener('change', () => { if (file.files?.[0]) on.upload(file.files[0]); file.value = ''; });
  const modeGroup = uniqueId('mode');
  const mode = (value: ImageMode, label: string) => {
    const input = h('input', { type: 'radio', name: modeGroup, value });
    input.addEventListener('change', () => { if (input.checked) on.mode(value); });
    return { input, label: h('label', {}, input, ` ${label}`) };
  };
  const grey = mode('grey', t('svd.modeGrey'));
  const colour = mode('colour', t('svd.modeColour'));
  const centred = h('input', { type: 'checkbox' });
  centred.addEventListener('change', () => on.centred(centred.checked));
  const viewGroup = uniqueId('view');
  const views = (['approx', 'original', 'difference'] as View[]).map((value) => {
    const input = h('input', { type: 'radio', name: viewGroup, value, checked: value === 'approx' });
    input.addEventListener('change', () => { if (input.checked) on.view(value); });
    return h('label', {}, input, ` ${value === 'approx' ? t('svd.viewApprox') : value === 'original' ? t('svd.viewOriginal') : t('svd.viewDifference')}`);
  });
  const slider = h('input', { type: 'range', id: sliderId, min: 1, max: 1, value: 1, step: 1, disabled: true });
  slider.addEventListener('input', () => on.rank(Number(slider.value)));
  const canvas = h('canvas', { class: 'rb-svd-canvas', role: 'img', 'aria-label': t('svd.canvas') });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': t('svd.progress') });
  const cancel = h('button', { type: 'button', onclick: () => on.cancel() }, t('svd.cancel'));
  const thumbnails = h('div', { class: 'rb-row rb-svd-thumbs', role: 'group', 'aria-label': t('svd.quickRanks'), 'data-control': 'thumbnails' });
  const ui = {
    sample, file, slider, canvas, progress, cancel, thumbnails, centred,
    modes: { grey: grey.input, colour: colour.input },
    imageMessage: h('p', { class: 'rb-message', role: 'alert', hidden: true }),
    imageNote: h('p', { class: 'rb-note', hidden: true }),
    rankNote: h('p', { class: 'rb-note', hidden: true }),
    busy: h('div', { class: 'rb-row', hidden: true }, h('span', { class: 'rb-note' }, t('svd.decomposing')), progress, cancel),
    sliderLabel: h('label', { for: sliderId }, t('svd.rankK')),
    sliderValue: h('output', { for: sliderId, class: 'rb-result' }),
    figures: h('dl', { class: 'rb-figures' }),
  };
  const root = h('div', { class: 'rb-widget rb-svd' },
    h('div', { class: 'rb-row rb-controls', 'data-control': 'images' },
      h('label', { for: sampleId }, t('svd.image')), sample,
      h('label', { for: fileId }, t('svd.ownImage')), file),
    ui.imageMessage, ui.imageNote,
    h('div', { class: 'rb-row', role: 'group', 'aria-label': t('svd.decomposition'), 'data-control': 'mode' }, grey.label, colour.label,
      h('label', {}, centred, ` ${t('svd.centred')}`)),
    h('div', { class: 'rb-row rb-svd-slider' }, ui.sliderLabel, slider, ui.sliderValue),
    ui.rankNote,
    ui.busy,
    h('div', { class: 'rb-svd-stage' },
      h('div', { class: 'rb-svd-image' },
        h('div', { class: 'rb-row', role: 'group', 'aria-label': t('svd.show'), 'data-control': 'views' }, ...views), canvas, thumbnails),
      ui.figures),
    h('div', { 'data-control': 'plots' }, plots),
    liveRegion);
  // A control's native `change` (file picker, menus, boxes) bubbles and carries no state: it stops here, so
  // the only `change` listeners on this element see (an exercise, an embed) is the widget's own, with detail.
  root.addEventListener('change', (event) => event.stopPropagation());
  host.replaceChildren(root);
  // Drop and paste anywhere on the widget: the same checks as the file picker.
  host.addEventListener('dragover', (event) => { event.preventDefault(); host.classList.add('rb-dropping'); });
  host.addEventListener('dragleave', () => host.classList.remove('rb-dropping'));
  host.addEventListener('drop', (event) => {
    event.preventDefault();
    host.classList.remove('rb-dropping');
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) on.upload(dropped);
  });
  host.addEventListener('paste', (event) => {
    const pasted = [...(event.clipboardData?.files ?? [])][0];
    if (pasted) { event.preventDefault(); on.upload(pasted); }
  });
  return ui;
}

/** The figure list beside the picture: energy, PSNR, σ share, error, stored numbers, storage, as dt/dd pairs. */
export function figureRows(f: Figures, percent: (x: number) => string, centred: boolean, t: Translate): HTMLElement[] {
  const rows: [string, string][] = [
    [centred ? t('svd.energyKeptCentred') : t('svd.energyKept'), percent(f.energyKept)],
    ['PSNR', psnrText(f.psnr, t)],
    [t('svd.sigmaShare'), percent(f.sigmaShare)],
    [centred ? t('svd.relativeErrorCentred') : t('svd.relativeError'), formatNumber(t.lang, f.relativeError, { minimumFractionDigits: 4, maximumFractionDigits: 4 })],
    [centred ? t('svd.storedNumbersCentred') : t('svd.storedNumbers'), t('svd.storedOf', { stored: f.storedNumbers, full: f.fullNumbers })],
    [t('svd.storageRatio'), percent(f.storageRatio)],
  ];
  return rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}
