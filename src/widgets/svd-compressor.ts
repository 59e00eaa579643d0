import { h, uniqueId } from './dom';
import { WidgetElement, defineWidget, setMessage, whenNearView } from './widget-element';
import { loadImageFile, IMAGE_MESSAGES } from './image-input';
import { assetUrl } from './asset-url';
import { SvdPlots, psnrText, percentText } from './svd-plots';
import { decomposeImage, prepareSvdWorkers, type ImageDecomposition, type ImageMode } from './svd-session';
import { compressionFigures, type CompressionFigures } from '../linalg/compression';
import { readSvdAttributes, SAMPLE_IMAGES } from './svd-attributes';
import { formatNumber } from '../i18n/format';
import { joinSentences } from '../i18n/numbers';
import type { Translate } from '../i18n/translate';

const sampleLabel = (name: string, t: Translate) => ({
  astronaut: t('svd.sampleAstronaut'), camera: t('svd.sampleCamera'), coffee: t('svd.sampleCoffee'), chelsea: t('svd.sampleChelsea'),
  noise: t('svd.sampleNoise'),
} as Record<string, string>)[name] ?? name;
const THUMBNAIL_RANKS = [1, 4, 16, 64];
const MAX_SIDE = 512;
type View = 'approx' | 'original' | 'difference';

type Figures = Omit<CompressionFigures, 'energyCurve' | 'sigmaCurve'>;

export interface SvdCompressorState extends Partial<Figures> {
  image: string;
  mode: ImageMode;
  /** Each channel's mean taken out before the SVD and added back when drawing: energy then measures variation. */
  centred: boolean;
  k: number;
  rank: number;
  width: number;
  height: number;
  view: View;
  status: 'loading' | 'decomposing' | 'ready' | 'error';
  message: string;
  /** The rank of the picture on the canvas now (it follows k once the worker has drawn it). */
  shownK: number;
}

/** `<rankbook-svd-compressor image="astronaut" mode="colour" centred="true" k="20">`: a photo rebuilt from k SVD layers. */
export class SvdCompressor extends WidgetElement<SvdCompressorState> {
  static observedAttributes = ['image', 'mode', 'centred', 'k'];
  private s: SvdCompressorState = {
    image: 'astronaut', mode: 'colour', centred: true, k: 20, rank: 0, width: 0, height: 0, view: 'approx', status: 'loading', message: '', shownK: 0,
  };
  private decomposition: ImageDecomposition | null = null;
  private pixels: ImageData | null = null;
  /** The pixels behind `decomposition`, kept so a cancelled new image can give way to it again. */
  private decomposedPixels: ImageData | null = null;
  /** Counts drawings, so a slow one that a newer slider position replaced is not painted. */
  private drawing = 0;
  private abort: AbortController | null = null;
  /** Counts image requests, so a slow load that a newer one replaced is dropped when it lands. */
  private request = 0;
  private announcement = 0;
  private ui!: ReturnType<SvdCompressor['build']>;
  private plots!: SvdPlots;

  protected currentState(): SvdCompressorState {
    return this.s;
  }

  connectedCallback(): void {
    // The photo (0.2-0.8 MB) and its SVD (a second or more of work) wait until the reader nears the widget, so a
    // lesson's text opens without them. From then on, the workers load and warm up while the image is fetched
    // and decoded (and any catalogue): they overlap.
    whenNearView(this, prepareSvdWorkers);
    this.startTranslated(() => {
      this.ui = this.build();
      this.readAttributes();
      whenNearView(this, () => { if (!this.pixels && this.request === 0) void this.loadSample(this.s.image); });
    });
  }

  disconnectedCallback(): void {
    this.abort?.abort();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.ui || value === null || value === old) return;
    const before = { image: this.s.image, mode: this.s.mode, centred: this.s.centred };
    this.readAttributes();
    if (name === 'image' && this.s.image !== before.image) void this.loadSample(this.s.image);
    else if (name === 'mode' && this.s.mode !== before.mode) void this.decompose();
    else if (name === 'centred' && this.s.centred !== before.centred) void this.decompose();
    else if (name === 'k') this.setRank(this.s.k);
  }

  /** Attributes are checked here as any input is: a bad one leaves a message and the current value. */
  private readAttributes(): void {
    const { inputs, problems } = readSvdAttributes((name) => this.getAttribute(name), this.s);
    Object.assign(this.s, inputs);
    this.ui.sample.value = this.s.image;
    this.ui.modes[this.s.mode].checked = true;
    this.ui.centred.checked = this.s.centred;
    setMessage(this.ui.imageMessage, joinSentences(this.t.lang, problems.map((p) => this.t(p.key, p.values))));
  }

  private build() {
    const t = this.t;
    const sliderId = uniqueId('rank');
    const sampleId = uniqueId('sample');
    const fileId = uniqueId('file');
    const sample = h('select', { id: sampleId },
      ...SAMPLE_IMAGES.map((name) => h('option', { value: name }, sampleLabel(name, t))));
    sample.addEventListener('change', () => { this.s.image = sample.value; void this.loadSample(sample.value); });
    const file = h('input', { type: 'file', id: fileId, accept: 'image/*', class: 'rb-file' });
    file.addEventListener('change', () => { if (file.files?.[0]) void this.loadUpload(file.files[0]); file.value = ''; });
    const modeGroup = uniqueId('mode');
    const mode = (value: ImageMode, label: string) => {
      const input = h('input', { type: 'radio', name: modeGroup, value });
      input.addEventListener('change', () => { if (input.checked) { this.s.mode = value; void this.decompose(); } });
      return { input, label: h('label', {}, input, ` ${label}`) };
    };
    const grey = mode('grey', t('svd.modeGrey'));
    const colour = mode('colour', t('svd.modeColour'));
    const centred = h('input', { type: 'checkbox' });
    centred.addEventListener('change', () => { this.s.centred = centred.checked; void this.decompose(); });
    const viewGroup = uniqueId('view');
    const views = (['approx', 'original', 'difference'] as View[]).map((value) => {
      const input = h('input', { type: 'radio', name: viewGroup, value, checked: value === 'approx' });
      input.addEventListener('change', () => { if (input.checked) { this.s.view = value; this.draw(); } });
      return h('label', {}, input, ` ${value === 'approx' ? t('svd.viewApprox') : value === 'original' ? t('svd.viewOriginal') : t('svd.viewDifference')}`);
    });
    const slider = h('input', { type: 'range', id: sliderId, min: 1, max: 1, value: 1, step: 1, disabled: true });
    slider.addEventListener('input', () => this.setRank(Number(slider.value)));
    const canvas = h('canvas', { class: 'rb-svd-canvas', role: 'img', 'aria-label': t('svd.canvas') });
    const progress = h('progress', { max: 1, value: 0, 'aria-label': t('svd.progress') });
    const cancel = h('button', { type: 'button', onclick: () => this.abort?.abort() }, t('svd.cancel'));
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
    this.plots = new SvdPlots((k) => this.setRank(k), t);
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
      h('div', { 'data-control': 'plots' }, this.plots.element),
      this.createLiveRegion());
    // A control's native `change` (file picker, menus, boxes) bubbles and carries no state: it stops here, so
    // the only `change` listeners on this element see (an exercise, an embed) is the widget's own, with detail.
    root.addEventListener('change', (event) => event.stopPropagation());
    this.replaceChildren(root);
    // Drop and paste anywhere on the widget: the same checks as the file picker.
    this.addEventListener('dragover', (event) => { event.preventDefault(); this.classList.add('rb-dropping'); });
    this.addEventListener('dragleave', () => this.classList.remove('rb-dropping'));
    this.addEventListener('drop', (event) => {
      event.preventDefault();
      this.classList.remove('rb-dropping');
      const dropped = event.dataTransfer?.files?.[0];
      if (dropped) void this.loadUpload(dropped);
    });
    this.addEventListener('paste', (event) => {
      const pasted = [...(event.clipboardData?.files ?? [])][0];
      if (pasted) { event.preventDefault(); void this.loadUpload(pasted); }
    });
    return ui;
  }

  private async loadSample(name: string): Promise<void> {
    const request = ++this.request;
    try {
      const response = await fetch(assetUrl(`images/${name}.png`));
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      const loaded = await loadImageFile(Object.assign(blob, { name: `${name}.png` }), MAX_SIDE);
      performance.mark('rankbook:svd-image-decoded');
      if (request === this.request) await this.useImage(loaded, name);
    } catch {
      if (request === this.request) this.fail(this.t('svd.sampleFailed', { name }));
    }
  }

  private async loadUpload(file: File): Promise<void> {
    const request = ++this.request;
    const loaded = await loadImageFile(file, MAX_SIDE);
    if (request === this.request) await this.useImage(loaded, 'upload');
  }

  private async useImage(loaded: Awaited<ReturnType<typeof loadImageFile>>, image: string): Promise<void> {
    if (!loaded.ok) {
      const problem = this.t(IMAGE_MESSAGES[loaded.problem.code], loaded.problem);
      this.fail(joinSentences(this.t.lang, [problem, this.decomposition ? this.t('svd.previousKept') : '']));
      return;
    }
    setMessage(this.ui.imageMessage, '');
    const notes = loaded.notes.map((note) => this.t(IMAGE_MESSAGES[note.code], note)).join(this.t('image.noteSeparator'));
    this.ui.imageNote.textContent = notes ? this.t('image.notes', { name: loaded.name, notes }) : '';
    this.ui.imageNote.hidden = notes === '';
    this.pixels = loaded.pixels;
    this.s.image = image;
    if (image !== 'upload') this.ui.sample.value = image;
    await this.decompose();
  }

  private fail(message: string): void {
    setMessage(this.ui.imageMessage, message);
    if (!this.decomposition) this.s.status = 'error';
    this.s.message = message;
    this.emitChange();
  }

  /** Runs the SVD off the main thread; a newer request or Cancel abandons an older one. */
  private async decompose(): Promise<void> {
    if (!this.pixels) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.s.status = 'decomposing';
    this.ui.busy.hidden = false;
    this.ui.progress.value = 0;
    try {
      const result = await decomposeImage(this.pixels, this.s.mode, this.s.centred, {
        signal: abort.signal, onProgress: (fraction) => { this.ui.progress.value = fraction; },
      });
      this.decomposition = result;
      this.decomposedPixels = this.pixels;
      Object.assign(this.s, { width: result.width, height: result.height, rank: result.rank, status: 'ready', message: '' });
      this.ui.slider.max = String(result.rank);
      this.ui.slider.disabled = false;
      this.plots.setValues(result.values, this.figuresAt(result, 1), result.centred);
      this.setRank(this.s.k);
      // The slider is live first; the quick-rank pictures follow.
      void this.drawThumbnails(result);
    } catch (error) {
      if (abort.signal.aborted) {
        if (this.abort !== abort) return;
        // Cancelling stops the worker, and the previous image's factors lived there: decompose it again.
        const previous = this.decomposedPixels;
        this.decomposition = null;
        this.fail(previous ? this.t('svd.cancelledRestoring') : this.t('svd.cancelled'));
        if (previous) {
          this.pixels = previous;
          void this.decompose();
        }
      } else {
        this.fail(this.t('svd.failed', { error: (error as Error).message }));
      }
    } finally {
      if (this.abort === abort) this.ui.busy.hidden = true;
    }
  }

  private setRank(k: number): void {
    const d = this.decomposition;
    if (!d) { this.s.k = k; return; }
    this.s.k = Math.max(1, Math.min(d.rank, Math.round(k)));
    // Only a k="…" attribute can ask for more than the slider holds: say so beside the slider.
    this.ui.rankNote.textContent = k > d.rank ? this.t('svd.rankAboveImage', { k: Math.round(k), rank: d.rank }) : '';
    this.ui.rankNote.hidden = k <= d.rank;
    const figures = this.figuresAt(d, this.s.k);
    const { energyCurve: _e, sigmaCurve: _s, ...shown } = figures;
    Object.assign(this.s, shown);
    const t = this.t;
    const percent = (x: number) => percentText(x, t, x > 0.999 && x < 1 ? 2 : 1);
    const psnr = psnrText(figures.psnr, t);
    const words = t('svd.valueText', { k: this.s.k, rank: d.rank, energy: percent(figures.energyKept), psnr });
    this.ui.slider.value = String(this.s.k);
    this.ui.slider.setAttribute('aria-valuetext', words);
    this.ui.sliderValue.textContent = `k = ${this.s.k}`;
    this.renderFigures(figures, percent, d.centred);
    this.plots.setRank(this.s.k, figures);
    this.draw();
    // Spoken once the reader stops moving the slider, not at every step.
    clearTimeout(this.announcement);
    const summary = t('svd.announce', { k: this.s.k, energy: percent(figures.energyKept), psnr, storage: percent(figures.storageRatio) });
    this.announcement = window.setTimeout(() => this.announce(summary), 400);
    this.emitChange();
  }

  private figuresAt(d: ImageDecomposition, k: number) {
    return compressionFigures(d.values, k, d.width, d.height, { centred: d.centred });
  }

  private renderFigures(f: Figures, percent: (x: number) => string, centred: boolean): void {
    const t = this.t;
    const rows: [string, string][] = [
      [centred ? t('svd.energyKeptCentred') : t('svd.energyKept'), percent(f.energyKept)],
      ['PSNR', psnrText(f.psnr, t)],
      [t('svd.sigmaShare'), percent(f.sigmaShare)],
      [centred ? t('svd.relativeErrorCentred') : t('svd.relativeError'), formatNumber(t.lang, f.relativeError, { minimumFractionDigits: 4, maximumFractionDigits: 4 })],
      [centred ? t('svd.storedNumbersCentred') : t('svd.storedNumbers'), t('svd.storedOf', { stored: f.storedNumbers, full: f.fullNumbers })],
      [t('svd.storageRatio'), percent(f.storageRatio)],
    ];
    this.ui.figures.replaceChildren(...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
  }

  /** Paints the current view; the worker draws rank-k images, so this returns before they arrive. */
  private draw(): void {
    const d = this.decomposition;
    if (!d) return;
    const drawing = ++this.drawing;
    const { k, view } = this.s;
    const paint = (image: ImageData) => {
      if (drawing !== this.drawing || d !== this.decomposition) return;
      const { canvas } = this.ui;
      if (canvas.width !== d.width || canvas.height !== d.height) Object.assign(canvas, { width: d.width, height: d.height });
      canvas.getContext('2d')!.putImageData(image, 0, 0);
      const size = { k, width: d.width, height: d.height };
      canvas.setAttribute('aria-label', view === 'original' ? this.t('svd.canvasOriginal', size)
        : view === 'difference' ? this.t('svd.canvasDifference', size) : this.t('svd.canvasApprox', size));
      this.s.shownK = view === 'original' ? d.rank : k;
    };
    if (view === 'original') return paint(d.original);
    // A rejection means a newer position replaced this one, or the image itself was replaced: nothing to paint.
    d.render(k, view).then(paint, () => {});
  }

  /** Drawn after the slider is live, behind its pictures; dropped if the worker or the image went away. */
  private async drawThumbnails(d: ImageDecomposition): Promise<void> {
    const ranks = THUMBNAIL_RANKS.filter((rank) => rank <= d.rank);
    let images: ImageData[];
    try {
      images = await Promise.all(ranks.map((k) => d.render(k, 'approx', { keep: true })));
    } catch {
      return;
    }
    if (d !== this.decomposition) return;
    const buttons = ranks.map((k, i) => {
      const thumb = h('canvas', { width: d.width, height: d.height, 'aria-hidden': 'true' });
      thumb.getContext('2d')!.putImageData(images[i], 0, 0);
      return h('button', { type: 'button', class: 'rb-svd-thumb', onclick: () => this.setRank(k), 'aria-label': this.t('svd.setRank', { k }) },
        thumb, h('span', {}, `k = ${k}`));
    });
    this.ui.thumbnails.replaceChildren(...buttons);
  }
}

defineWidget('rankbook-svd-compressor', SvdCompressor);
