import { h } from './dom';
import { WidgetElement, defineWidget, setMessage, whenNearView } from './widget-element';
import { loadImageFile, IMAGE_MESSAGES } from './image-input';
import { assetUrl } from './asset-url';
import { SvdPlots, psnrText, percentText } from './svd-plots';
import { decomposeImage, prepareSvdWorkers, type ImageDecomposition, type ImageMode } from './svd-session';
import { compressionFigures } from '../linalg/compression';
import { readSvdAttributes } from './svd-attributes';
import { buildSvdControls, figureRows, type Figures, type View } from './svd-compressor-controls';
import { joinSentences } from '../i18n/numbers';

const THUMBNAIL_RANKS = [1, 4, 16, 64];
const MAX_SIDE = 512;

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
    this.plots = new SvdPlots((k) => this.setRank(k), this.t);
    return buildSvdControls(this, this.t, {
      sample: (name) => { this.s.image = name; void this.loadSample(name); },
      upload: (file) => void this.loadUpload(file),
      mode: (mode) => { this.s.mode = mode; void this.decompose(); },
      centred: (on) => { this.s.centred = on; void this.decompose(); },
      view: (view) => { this.s.view = view; this.draw(); },
      rank: (k) => this.setRank(k),
      cancel: () => this.abort?.abort(),
    }, this.plots.element, this.createLiveRegion());
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
    this.ui.figures.replaceChildren(...figureRows(figures, percent, d.centred, t));
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
