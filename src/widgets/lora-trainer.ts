import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { assetUrl } from './asset-url';
import { buildTrainerView, type TrainerView } from './lora-trainer-view';
import { BACKEND_WORDS, countsSentence, isLocked, renderTrainer, type LoraTrainerState, type TrainerStatus } from './lora-trainer-render';
import { BACKEND_CHOICES, DEFAULT_SETTINGS, loraParamCount, loraTargets, modelParamCount, type BackendChoice, type TrainerSettings } from './lora-trainer-settings';
import { readAttributes, readControl } from './lora-trainer-controls';
import { pause, reset, resume, train } from './lora-trainer-training';
import { download, loadFile, toggleMerge } from './lora-trainer-adapter';
import { DEFAULT_MODEL_CONFIG, DEFAULT_LORA_CONFIG, type LoraConfig, type ModelConfig } from '../lora/config';
import type { TrainerSession, MergeResult } from './lora-trainer-session';
import type { TrainerHost } from './lora-trainer-host';

export type { LoraTrainerState, TrainerStatus };

/**
 * `<rankbook-lora-trainer r="8" alpha="8" targets="Wq,Wv" lr="0.01" steps="100" task="dinosaurs">`: fine-tunes the
 * tiny character GPT with LoRA in the browser, beside a full fine-tune, and merges, saves and loads the adapter.
 * tfjs and the model load (by dynamic import) when the widget first comes into view or Train is pressed.
 * This file holds the element, its state, loading and the job queue; its parts act through TrainerHost:
 * lora-trainer-controls (settings), -training (runs), -adapter (merge, save, load).
 */
export class LoraTrainer extends WidgetElement<LoraTrainerState> implements TrainerHost {
  static observedAttributes = ['r', 'alpha', 'targets', 'lr', 'steps', 'task', 'backend'];
  view!: TrainerView;
  settings: TrainerSettings = { ...DEFAULT_SETTINGS, targets: DEFAULT_SETTINGS.targets.slice() };
  temperature = 0.8;
  private modelConfig: ModelConfig = DEFAULT_MODEL_CONFIG;
  session: TrainerSession | null = null;
  private opening: Promise<TrainerSession | null> | null = null;
  private backend: string | null = null;
  private backendNotice = '';
  status: TrainerStatus = 'idle';
  pausedBy: 'button' | 'scroll' | null = null;
  runMode: 'lora' | 'full' | null = null;
  lora = { train: [] as number[], val: [] as Array<[number, number]>, step: 0, offset: 0 };
  full = { train: [] as number[], val: [] as Array<[number, number]>, step: 0 };
  baseVal: number | null = null;
  stepsPerSecond: number | null = null;
  samples = { before: [] as string[], after: [] as string[], full: [] as string[], temperature: NaN };
  mergeResult: MergeResult | null = null;
  resetDifference: number | null = null;
  private tensors: number | null = null;
  private tensorCount: (() => number) | null = null;
  loop: Promise<void> | null = null;
  queue: Promise<unknown> = Promise.resolve();
  busy = '';
  epoch = 0;
  starting = false;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    if (!this.view) {
      this.view = buildTrainerView({
        train: () => void train(this, 'lora'), full: () => void train(this, 'full'), pause: () => pause(this, 'button'),
        reset: () => void reset(this, true), merge: () => void toggleMerge(this), download: () => download(this),
        resample: () => void this.resample(), setting: (name, live) => readControl(this, name, live), file: () => void loadFile(this),
      });
      this.replaceChildren(this.view.root, this.createLiveRegion());
      readAttributes(this);
    }
    this.observer = new IntersectionObserver((entries) => this.onVisibility(entries.some((e) => e.isIntersecting)));
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.session?.cancel();
    const session = this.session;
    this.session = null;
    this.opening = null;
    this.status = 'idle';
    this.backend = null;
    this.tensorCount = null;
    this.lora = { train: [], val: [], step: 0, offset: 0 };
    this.full = { train: [], val: [], step: 0 };
    this.mergeResult = null;
    this.runMode = null;
    // Free every tensor once the step in flight (if any) has finished.
    void Promise.all([this.loop, this.queue]).finally(() => session?.dispose());
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.view && value !== old) readAttributes(this);
  }

  protected currentState(): LoraTrainerState {
    const trainable = this.trainableParams();
    const total = modelParamCount(this.modelConfig);
    return {
      ...this.settings, targets: this.settings.targets.slice(),
      backend: this.backend, backendNotice: this.backendNotice, status: this.status, pausedBy: this.pausedBy, run: this.runMode,
      busy: this.busy, baseValLoss: this.baseVal, step: this.lora.step, trainLoss: this.lora.train.slice(), valLoss: this.lora.val.map((p) => p[1]), valSteps: this.lora.val.map((p) => p[0]),
      fullStep: this.full.step, fullTrainLoss: this.full.train.slice(), fullValLoss: this.full.val.map((p) => p[1]), fullValSteps: this.full.val.map((p) => p[0]),
      stepsPerSecond: this.stepsPerSecond, trainableParams: trainable, totalParams: total,
      optimizerStateBytes: 8 * trainable, fullOptimizerStateBytes: 8 * total, temperature: this.temperature,
      samplesBefore: this.samples.before.slice(), samplesAfter: this.samples.after.slice(), samplesFull: this.samples.full.slice(),
      merged: this.session?.merged ?? false, merge: this.mergeResult, resetDifference: this.resetDifference, tensors: this.tensors,
      message: Object.values(this.view?.messages ?? {}).map((m) => m.textContent).filter(Boolean).join(' '),
    };
  }

  trainableParams(): number {
    return loraParamCount(this.modelConfig, this.settings.r, this.settings.targets);
  }

  loraConfig(): LoraConfig {
    const { r, alpha, targets } = this.settings;
    return { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets) };
  }

  get locked(): boolean {
    return isLocked(this.currentState());
  }

  // The parts speak and emit through the element (WidgetElement keeps these protected).
  override announce(message: string): void {
    super.announce(message);
  }

  override emitChange(): void {
    super.emitChange();
  }

  // ---- loading ---------------------------------------------------------------------------------------

  private onVisibility(visible: boolean): void {
    if (visible && !this.session && !this.opening) void this.open();
    if (!visible && this.status === 'training') {
      pause(this, 'scroll');
    } else if (visible && this.status === 'paused' && this.pausedBy === 'scroll') {
      resume(this);
    }
  }

  /** Loads tfjs (dynamic import), the base model and the task's names; the base model's samples come first. */
  open(): Promise<TrainerSession | null> {
    this.opening ??= (async () => {
      this.setStatus('loading');
      try {
        const { TrainerSession, liveTensors } = await import('./lora-trainer-session');
        const choice = (this.getAttribute('backend') ?? 'auto') as BackendChoice;
        const session = await TrainerSession.open({
          backend: BACKEND_CHOICES.includes(choice) ? choice : 'auto',
          manifestUrl: assetUrl('models/base/manifest.json'),
          wordListUrl: (task) => assetUrl(`models/corpora/${task}.json`),
          lora: this.loraConfig(),
        });
        if (!this.isConnected) {
          session.dispose();
          return null;
        }
        this.session = session;
        this.modelConfig = session.modelConfig;
        this.backend = session.backend;
        this.backendNotice = session.notice;
        this.tensorCount = liveTensors;
        await this.prepareTask(session);
        this.setStatus('ready');
        await this.enqueue('sampling', async () => {
          await this.sampleBase(session);
          this.samples.after = this.samples.before.slice();
        });
        this.announce(`The trainer is ready on ${BACKEND_WORDS[session.backend] ?? session.backend}. ${this.countsSentence()}`);
        return session;
      } catch (e) {
        this.opening = null;
        this.fail(`The trainer could not start: ${(e as Error).message}`);
        return null;
      }
    })();
    return this.opening;
  }

  async prepareTask(session: TrainerSession): Promise<void> {
    const task = this.settings.task;
    const data = await session.useTask(task);
    if (task !== this.settings.task) return;
    this.baseVal = data.baseValLoss;
    if (this.lora.val.length === 0) this.lora.val = [[0, data.baseValLoss]];
    if (this.full.val.length === 0) this.full.val = [[0, data.baseValLoss]];
  }

  /** Runs a tfjs job after the ones before it; buttons wait while it runs. */
  enqueue<T>(what: string, job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.busy = what;
      this.render();
      try {
        return await job();
      } finally {
        this.busy = '';
        this.render();
        this.emitChange();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- samples -----------------------------------------------------------------------------------------

  async sampleBase(session: TrainerSession): Promise<void> {
    this.samples.before = await session.samples('base', this.temperature);
    this.samples.temperature = this.temperature;
  }

  async resample(): Promise<void> {
    const session = this.session;
    if (!session || this.status === 'training') return;
    await this.enqueue('sampling', async () => {
      await this.sampleBase(session);
      this.samples.after = this.lora.step > 0 || this.lora.offset > 0 ? await session.samples('lora', this.temperature) : this.samples.before.slice();
      if (this.full.step > 0) this.samples.full = await session.samples('full', this.temperature);
    });
    this.announce(`New samples at temperature ${this.temperature}: ${this.samples.after.slice(0, 3).join(', ')} and more.`);
  }

  // ---- display -----------------------------------------------------------------------------------------

  setStatus(status: TrainerStatus): void {
    this.status = status;
    this.render();
    this.emitChange();
  }

  fail(message: string): void {
    setMessage(this.view.messages.train, message);
    this.announce(message);
    this.setStatus(this.session ? 'ready' : 'error');
  }

  countsSentence(): string {
    return countsSentence(this.currentState());
  }

  render(): void {
    this.tensors = this.tensorCount ? this.tensorCount() : null;
    renderTrainer(this.view, this.currentState());
  }
}

defineWidget('rankbook-lora-trainer', LoraTrainer);
