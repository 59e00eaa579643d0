import { fill, h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { assetUrl } from './asset-url';
import { buildTrainerView, type SettingName, type TrainerView } from './lora-trainer-view';
import {
  DEFAULT_SETTINGS, RULES, TARGET_GROUPS, TASK_LABELS, formatBytes, formatPercent, groupsInWords, loraParamCount, loraTargets,
  modelParamCount, readNumber, readTargets, readTask, showNumber, type TargetGroup, type TrainerSettings,
} from './lora-trainer-settings';
import { DEFAULT_MODEL_CONFIG, DEFAULT_LORA_CONFIG, type LoraConfig, type ModelConfig } from '../lora/config';
import type { TrainerSession, MergeResult } from './lora-trainer-session';
import type { BackendChoice } from './tf-backend';
import type { StepReport } from '../lora/train';

export type TrainerStatus = 'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'done' | 'error';

export interface LoraTrainerState extends TrainerSettings {
  /** The tfjs backend in use ('webgl', 'wasm', 'cpu'), null until tfjs has loaded. */
  backend: string | null;
  /** Why the backend is not WebGL, '' when it is. */
  backendNotice: string;
  status: TrainerStatus;
  /** Why training is paused: the Pause button, or the widget scrolled out of view. */
  pausedBy: 'button' | 'scroll' | null;
  /** Which run the status is about. */
  run: 'lora' | 'full' | null;
  /** LoRA steps taken (counting an adapter's steps when one was loaded). */
  step: number;
  /** Per step, oldest first. */
  trainLoss: number[];
  /** Validation loss (whole validation split), oldest first; valSteps says at which step each was taken (0: base model). */
  valLoss: number[];
  valSteps: number[];
  fullStep: number;
  fullTrainLoss: number[];
  fullValLoss: number[];
  fullValSteps: number[];
  stepsPerSecond: number | null;
  trainableParams: number;
  totalParams: number;
  /** Adam's two float32 moments per trainable number. */
  optimizerStateBytes: number;
  fullOptimizerStateBytes: number;
  temperature: number;
  samplesBefore: string[];
  samplesAfter: string[];
  samplesFull: string[];
  merged: boolean;
  merge: MergeResult | null;
  /** Largest |weight - downloaded weight| after the last Reset: 0 means the base model exactly. */
  resetDifference: number | null;
  /** Live tfjs tensors (null before tfjs loads), to show that Reset frees what training made. */
  tensors: number | null;
  /** The messages on show, joined; '' when none. */
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
const BACKEND_WORDS: Record<string, string> = { webgl: 'WebGL (graphics card)', wasm: 'WebAssembly (processor)', cpu: 'plain JavaScript (processor)' };

/**
 * `<rankbook-lora-trainer r="8" alpha="8" targets="Wq,Wv" lr="0.01" steps="100" task="dinosaurs">`: fine-tunes the
 * tiny character GPT with LoRA in the browser, beside a full fine-tune, and merges, saves and loads the adapter.
 * tfjs and the model load (by dynamic import) when the widget first comes into view or Train is pressed.
 */
export class LoraTrainer extends WidgetElement<LoraTrainerState> {
  static observedAttributes = ['r', 'alpha', 'targets', 'lr', 'steps', 'task', 'backend'];
  private view!: TrainerView;
  private settings: TrainerSettings = { ...DEFAULT_SETTINGS, targets: DEFAULT_SETTINGS.targets.slice() };
  private temperature = 0.8;
  private modelConfig: ModelConfig = DEFAULT_MODEL_CONFIG;
  private session: TrainerSession | null = null;
  private opening: Promise<TrainerSession | null> | null = null;
  private backend: string | null = null;
  private backendNotice = '';
  private status: TrainerStatus = 'idle';
  private pausedBy: 'button' | 'scroll' | null = null;
  private runMode: 'lora' | 'full' | null = null;
  private lora = { train: [] as number[], val: [] as Array<[number, number]>, step: 0, offset: 0 };
  private full = { train: [] as number[], val: [] as Array<[number, number]>, step: 0 };
  private baseVal: number | null = null;
  private stepsPerSecond: number | null = null;
  private samples = { before: [] as string[], after: [] as string[], full: [] as string[] };
  private mergeResult: MergeResult | null = null;
  private resetDifference: number | null = null;
  private tensors: number | null = null;
  private loop: Promise<void> | null = null;
  /** One tfjs job at a time besides training (sampling, merging, loading, resetting). */
  private queue: Promise<unknown> = Promise.resolve();
  private busy = '';
  /** Bumped by Reset: a Train press still loading when Reset comes gives up. */
  private epoch = 0;
  /** Set from a Train press until its run has begun, so a second press does nothing. */
  private starting = false;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    if (!this.view) {
      this.view = buildTrainerView({
        train: () => void this.train('lora'), full: () => void this.train('full'), pause: () => this.pause('button'),
        reset: () => void this.reset(true), merge: () => void this.toggleMerge(), download: () => this.download(),
        resample: () => void this.resample(), setting: (name, live) => this.setting(name, live), file: () => void this.loadFile(),
      });
      this.replaceChildren(this.view.root, this.createLiveRegion());
      this.readAttributes();
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
    // Free every tensor once the step in flight (if any) has finished.
    void Promise.all([this.loop, this.queue]).finally(() => session?.dispose());
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.view && value !== old) this.readAttributes();
  }

  protected currentState(): LoraTrainerState {
    const trainable = this.trainableParams();
    const total = modelParamCount(this.modelConfig);
    return {
      ...this.settings, targets: this.settings.targets.slice(),
      backend: this.backend, backendNotice: this.backendNotice, status: this.status, pausedBy: this.pausedBy, run: this.runMode,
      step: this.lora.step, trainLoss: this.lora.train.slice(), valLoss: this.lora.val.map((p) => p[1]), valSteps: this.lora.val.map((p) => p[0]),
      fullStep: this.full.step, fullTrainLoss: this.full.train.slice(), fullValLoss: this.full.val.map((p) => p[1]), fullValSteps: this.full.val.map((p) => p[0]),
      stepsPerSecond: this.stepsPerSecond, trainableParams: trainable, totalParams: total,
      optimizerStateBytes: 8 * trainable, fullOptimizerStateBytes: 8 * total, temperature: this.temperature,
      samplesBefore: this.samples.before.slice(), samplesAfter: this.samples.after.slice(), samplesFull: this.samples.full.slice(),
      merged: this.session?.merged ?? false, merge: this.mergeResult, resetDifference: this.resetDifference, tensors: this.tensors,
      message: Object.values(this.view?.messages ?? {}).map((m) => m.textContent).filter(Boolean).join(' '),
    };
  }

  private trainableParams(): number {
    return loraParamCount(this.modelConfig, this.settings.r, this.settings.targets);
  }

  private loraConfig(): LoraConfig {
    const { r, alpha, targets } = this.settings;
    return { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets) };
  }

  /** Settings are the adapter's: they may change only before training starts (or after Reset). */
  private get locked(): boolean {
    return this.lora.step > 0 || this.full.step > 0 || this.status === 'training' || this.status === 'paused';
  }

  // ---- settings ---------------------------------------------------------------------------------------

  private readAttributes(): void {
    const d = DEFAULT_SETTINGS;
    const r = readNumber(this.getAttribute('r'), RULES.r, d.r);
    const alpha = readNumber(this.getAttribute('alpha'), RULES.alpha, this.hasAttribute('r') ? r.value : d.alpha);
    const lr = readNumber(this.getAttribute('lr'), RULES.lr, d.lr);
    const steps = readNumber(this.getAttribute('steps'), RULES.steps, d.steps);
    const targets = readTargets(this.getAttribute('targets'));
    const task = readTask(this.getAttribute('task'));
    const next: TrainerSettings = { r: r.value, alpha: alpha.value, lr: lr.value, steps: steps.value, targets: targets.value, task: task.value };
    const { messages } = this.view;
    setMessage(messages.r, r.message, this.view.inputs.r);
    setMessage(messages.alpha, alpha.message, this.view.inputs.alpha);
    setMessage(messages.lr, lr.message, this.view.inputs.lr);
    setMessage(messages.steps, steps.message, this.view.inputs.steps);
    setMessage(messages.targets, targets.message);
    setMessage(messages.task, task.message, this.view.inputs.task);
    const changed = JSON.stringify(next) !== JSON.stringify(this.settings);
    const taskChanged = next.task !== this.settings.task;
    this.settings = next;
    if (changed && this.locked) void this.reset(false);
    else if (taskChanged) this.taskChanged();
    this.render();
    this.emitChange();
  }

  /** A control moved: read it (clamping, with a message), update counts; `live` while a slider is dragged. */
  private setting(name: SettingName | 'temperature', live: boolean): void {
    const { inputs, messages, targets } = this.view;
    if (name === 'temperature') {
      this.temperature = Number(inputs.temperature.value);
      this.render();
      if (!live) void this.resample();
      return;
    }
    if (this.locked && name !== 'steps') {
      this.render(); // puts the control back
      return;
    }
    if (name === 'targets') {
      const chosen = TARGET_GROUPS.filter((g) => targets[g].checked);
      setMessage(messages.targets, chosen.length ? '' : 'Choose at least one matrix; the last one is kept.');
      if (chosen.length) this.settings.targets = chosen;
    } else if (name === 'task') {
      const task = readTask(inputs.task.value);
      setMessage(messages.task, task.message, inputs.task);
      if (task.value !== this.settings.task) {
        this.settings.task = task.value;
        this.taskChanged();
      }
    } else {
      const reading = readNumber(inputs[name].value, RULES[name], this.settings[name]);
      setMessage(messages[name], live ? '' : reading.message, inputs[name]);
      this.settings[name] = reading.value;
    }
    if (name === 'steps') setMessage(messages.train, '');
    this.render();
    if (!live) {
      this.announce(this.countsSentence());
      this.emitChange();
    }
  }

  /** Before training: the new task's base validation loss replaces the old one. */
  private taskChanged(): void {
    this.baseVal = null;
    this.lora.val = [];
    this.full.val = [];
    const session = this.session;
    if (session) void this.enqueue('loading the names', () => this.prepareTask(session)).catch((e) => this.fail(`The names could not be loaded: ${(e as Error).message}`));
  }

  // ---- loading ---------------------------------------------------------------------------------------

  private onVisibility(visible: boolean): void {
    if (visible && !this.session && !this.opening) void this.open();
    if (!visible && this.status === 'training') {
      this.pause('scroll');
    } else if (visible && this.status === 'paused' && this.pausedBy === 'scroll') {
      this.resume();
    }
  }

  /** Loads tfjs (dynamic import), the base model and the task's names; the base model's samples come first. */
  private open(): Promise<TrainerSession | null> {
    this.opening ??= (async () => {
      this.setStatus('loading');
      try {
        const { TrainerSession, liveTensors } = await import('./lora-trainer-session');
        const choice = (this.getAttribute('backend') ?? 'auto') as BackendChoice;
        const session = await TrainerSession.open({
          backend: ['auto', 'webgl', 'wasm', 'cpu'].includes(choice) ? choice : 'auto',
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
          this.samples.before = await session.samples('base', this.temperature);
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

  private tensorCount: (() => number) | null = null;

  private async prepareTask(session: TrainerSession): Promise<void> {
    const task = this.settings.task;
    const data = await session.useTask(task);
    if (task !== this.settings.task) return;
    this.baseVal = data.baseValLoss;
    if (this.lora.val.length === 0) this.lora.val = [[0, data.baseValLoss]];
    if (this.full.val.length === 0) this.full.val = [[0, data.baseValLoss]];
  }

  /** Runs a tfjs job after the ones before it; buttons wait while it runs. */
  private enqueue<T>(what: string, job: () => Promise<T>): Promise<T> {
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

  // ---- training --------------------------------------------------------------------------------------

  private async train(mode: 'lora' | 'full'): Promise<void> {
    setMessage(this.view.messages.train, '');
    if (this.status === 'paused') {
      if (this.runMode === mode) this.resume();
      return;
    }
    if (this.status === 'training' || this.busy || this.starting) return;
    this.starting = true;
    try {
      const session = this.session ?? (await this.open());
      if (!session) return;
      const epoch = this.epoch;
      await this.queue;
      const done = mode === 'lora' ? this.lora.step : this.full.step;
      if (done >= this.settings.steps) {
        setMessage(this.view.messages.train, `Training has reached ${count(this.settings.steps)} steps; raise Steps to train further.`);
        return;
      }
      if (mode === 'lora' && this.lora.step === 0 && this.lora.offset === 0 && JSON.stringify(session.loraConfig) !== JSON.stringify(this.loraConfig())) {
        session.configure(this.loraConfig());
      }
      await this.prepareTask(session);
      const offset = mode === 'lora' ? this.lora.offset : 0;
      if (epoch !== this.epoch || this.session !== session) return;
      const reports = await session.run(mode, { lr: this.settings.lr, steps: this.settings.steps - offset, task: this.settings.task });
      this.starting = false;
      this.runMode = mode;
      this.pausedBy = null;
      this.setStatus('training');
      this.announce(mode === 'lora' ? `Training LoRA, rank ${this.settings.r} on ${groupsInWords(this.settings.targets)}.` : 'Training every weight (full fine-tuning) as a baseline.');
      this.loop = this.consume(mode, reports, offset);
      await this.loop;
    } catch (e) {
      this.fail(`Training stopped: ${(e as Error).message}`);
    } finally {
      this.starting = false;
      this.loop = null;
    }
  }

  private async consume(mode: 'lora' | 'full', reports: AsyncGenerator<StepReport, void, void>, offset: number): Promise<void> {
    const curve = mode === 'lora' ? this.lora : this.full;
    let finished = true;
    for await (const report of reports) {
      if (!this.session) {
        finished = false;
        break;
      }
      const step = report.step + offset;
      curve.train.push(report.trainLoss);
      curve.step = step;
      if (report.valLoss !== null) curve.val.push([step, report.valLoss]);
      this.stepsPerSecond = report.stepsPerSecond;
      this.render();
      this.emitChange();
    }
    if (!this.session || (this.status !== 'training' && this.status !== 'paused')) finished = false;
    if (!finished || curve.step < this.settings.steps) return;
    this.setStatus('done');
    const val = last(curve.val);
    await this.enqueue('sampling', async () => {
      const names = await this.session!.samples(mode, this.temperature);
      if (mode === 'lora') this.samples.after = names;
      else this.samples.full = names;
    });
    this.announce(`${mode === 'lora' ? 'LoRA' : 'Full fine-tuning'} finished ${count(curve.step)} steps: validation loss ${val ? val[1].toFixed(3) : '?'}` +
      `${this.baseVal !== null ? `, from ${this.baseVal.toFixed(3)} for the base model` : ''}. New sample names are below.`);
  }

  private pause(by: 'button' | 'scroll'): void {
    if (this.status !== 'training') return;
    this.session?.pause();
    this.pausedBy = by;
    this.setStatus('paused');
    this.announce(by === 'scroll'
      ? 'Training paused because the trainer scrolled out of view; it goes on when you scroll back.'
      : `Training paused; the step under way finishes first. Press Resume to go on.`);
  }

  private resume(): void {
    if (this.status !== 'paused') return;
    this.session?.resume();
    this.pausedBy = null;
    this.setStatus('training');
    this.announce(`Training resumed at step ${this.currentStep()}.`);
  }

  private currentStep(): number {
    return this.runMode === 'full' ? this.full.step : this.lora.step;
  }

  /** Stops any run and rebuilds the model from the downloaded weights: step 0, base model exactly. */
  private async reset(announce: boolean): Promise<void> {
    const session = this.session;
    this.epoch++;
    session?.cancel();
    await this.loop;
    this.lora = { train: [], val: this.baseVal !== null ? [[0, this.baseVal]] : [], step: 0, offset: 0 };
    this.full = { train: [], val: this.baseVal !== null ? [[0, this.baseVal]] : [], step: 0 };
    this.stepsPerSecond = null;
    this.runMode = null;
    this.pausedBy = null;
    this.mergeResult = null;
    this.samples.full = [];
    setMessage(this.view.messages.train, '');
    if (!session) {
      this.render();
      this.emitChange();
      return;
    }
    this.setStatus('ready');
    await this.enqueue('resetting', async () => {
      session.configure(this.loraConfig());
      await this.prepareTask(session);
      this.resetDifference = session.differenceFromBase();
      this.samples.after = this.samples.before.slice();
    });
    if (announce) {
      this.announce(`Reset: step 0, and the model is the base model again (largest weight difference ${this.resetDifference}).`);
    }
  }

  // ---- samples, merge, files ----------------------------------------------------------------------------

  private async resample(): Promise<void> {
    const session = this.session;
    if (!session || this.status === 'training') return;
    await this.enqueue('sampling', async () => {
      this.samples.before = await session.samples('base', this.temperature);
      this.samples.after = this.lora.step > 0 || this.lora.offset > 0 ? await session.samples('lora', this.temperature) : this.samples.before.slice();
      if (this.full.step > 0) this.samples.full = await session.samples('full', this.temperature);
    });
    this.announce(`New samples at temperature ${this.temperature}: ${this.samples.after.slice(0, 3).join(', ')} and more.`);
  }

  private async toggleMerge(): Promise<void> {
    const session = this.session;
    if (!session || this.status === 'training' || this.status === 'paused') return;
    if (session.merged) {
      await this.enqueue('unmerging', async () => {
        session.unmerge();
        this.mergeResult = null;
      });
      this.announce('Unmerged: W₀ is the base weight again and B A runs beside it.');
      return;
    }
    try {
      const m = await this.enqueue('merging and timing', () => session.merge(this.settings.task));
      this.mergeResult = m;
      this.render();
      this.emitChange();
      this.announce(`Merged. Largest change in any output: ${m.maxAbsDiff.toExponential(1)}. Latency: base ${ms(m.latencyMs.base)}, ` +
        `unmerged ${ms(m.latencyMs.unmerged)}, merged ${ms(m.latencyMs.merged)}.`);
    } catch (e) {
      this.fail(`Merging failed: ${(e as Error).message}`);
    }
  }

  private download(): void {
    const session = this.session;
    if (!session) return;
    const bytes = session.exportAdapter({
      task: this.settings.task, steps: this.lora.step, learningRate: this.settings.lr,
      trainLoss: this.lora.train, valLoss: this.lora.val, createdBy: 'Rankbook LoRA trainer',
    });
    const { r, targets } = this.settings;
    const name = `rankbook-lora-${this.settings.task}-r${r}-${targets.join('-').toLowerCase()}-step${this.lora.step}.rblora`;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const a = h('a', { href: url, download: name, hidden: true });
    this.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.view.parts.fileResult.textContent = `Saved ${name}: ${formatBytes(bytes.byteLength)} (${count(this.trainableParams())} numbers in float32, plus a short description).`;
    this.announce(this.view.parts.fileResult.textContent);
  }

  /** Reads the chosen file; a bad one leaves everything as it was and says why next to the control. */
  private async loadFile(): Promise<void> {
    const input = this.view.inputs.file;
    const file = input.files?.[0];
    if (!file) return;
    setMessage(this.view.messages.file, '', input);
    if (this.status === 'training' || this.status === 'paused') {
      setMessage(this.view.messages.file, 'Pause and Reset training before loading an adapter.', input);
      return;
    }
    const session = this.session ?? (await this.open());
    if (!session) return;
    try {
      const bytes = await file.arrayBuffer();
      const loaded = await this.enqueue('loading the adapter', async () => {
        const result = session.importAdapter(bytes);
        this.mergeResult = null;
        const groups = TARGET_GROUPS.filter((g) => loraTargets([g]).some((t) => result.lora.targets.includes(t)));
        const meta = result.manifest as Record<string, unknown>;
        const steps = Number.isInteger(meta.steps) ? (meta.steps as number) : 0;
        this.settings = { ...this.settings, r: result.lora.r, alpha: result.lora.alpha, targets: groups,
          task: readTask(String(meta.task ?? this.settings.task)).value };
        this.settings.steps = Math.max(this.settings.steps, steps);
        const val = Array.isArray(meta.valLoss) ? (meta.valLoss as Array<[number, number]>).filter((p) => Array.isArray(p) && p.every(Number.isFinite)) : [];
        const train = Array.isArray(meta.trainLoss) ? (meta.trainLoss as number[]).filter(Number.isFinite) : [];
        this.lora = { train, val, step: steps, offset: steps };
        this.full = { train: [], val: [], step: 0 };
        await this.prepareTask(session);
        this.samples.after = await session.samples('lora', this.temperature);
        return { name: file.name, steps, lora: result.lora };
      });
      for (const m of Object.values(this.view.messages)) setMessage(m, '');
      this.view.parts.fileResult.textContent = `Loaded ${loaded.name}: rank ${loaded.lora.r}, alpha ${loaded.lora.alpha}, on ${groupsInWords(this.settings.targets)}` +
        `${loaded.steps ? `, trained ${count(loaded.steps)} steps` : ''}. The samples below come from it.`;
      this.setStatus(this.lora.step >= this.settings.steps ? 'done' : 'ready');
      this.announce(this.view.parts.fileResult.textContent);
    } catch (e) {
      setMessage(this.view.messages.file, `${(e as Error).message} Nothing was changed.`, input);
      this.announce(`That file could not be loaded. ${(e as Error).message}`);
    } finally {
      input.value = '';
      this.render();
      this.emitChange();
    }
  }

  // ---- display -----------------------------------------------------------------------------------------

  private setStatus(status: TrainerStatus): void {
    this.status = status;
    this.render();
    this.emitChange();
  }

  private fail(message: string): void {
    setMessage(this.view.messages.train, message);
    this.announce(message);
    this.setStatus(this.session ? 'ready' : 'error');
  }

  private countsSentence(): string {
    const trainable = this.trainableParams();
    const total = modelParamCount(this.modelConfig);
    return `LoRA rank ${this.settings.r} on ${groupsInWords(this.settings.targets)} trains ${count(trainable)} numbers, ` +
      `${formatPercent(trainable, total)} of the model's ${count(total)}; Adam keeps ${formatBytes(8 * trainable)} of optimiser state ` +
      `(full fine-tuning: ${count(total)} numbers, ${formatBytes(8 * total)}).`;
  }

  private render(): void {
    const v = this.view;
    const { r, alpha, lr, steps, task, targets } = this.settings;
    const locked = this.locked;
    const running = this.status === 'training' || this.status === 'paused';
    const trainable = this.trainableParams();
    const total = modelParamCount(this.modelConfig);
    this.tensors = this.tensorCount ? this.tensorCount() : null;

    v.inputs.r.value = String(r);
    v.inputs.alpha.value = String(alpha);
    v.inputs.lr.value = String(lr);
    v.inputs.steps.value = String(steps);
    v.inputs.task.value = task;
    v.inputs.r.setAttribute('aria-valuetext', `rank ${r}: ${count(trainable)} trainable numbers, ${formatPercent(trainable, total)} of the model`);
    v.inputs.alpha.setAttribute('aria-valuetext', `alpha ${alpha}: B A is scaled by ${showNumber(alpha / r)}`);
    v.inputs.temperature.setAttribute('aria-valuetext', `temperature ${this.temperature}${this.temperature === 0 ? ', always the likeliest letter' : ''}`);
    v.outputs.r.textContent = String(r);
    v.outputs.alpha.textContent = `${alpha} (scale ${showNumber(alpha / r)})`;
    v.outputs.temperature.textContent = this.temperature.toFixed(1);
    for (const g of TARGET_GROUPS) {
      v.targets[g].checked = targets.includes(g);
      v.targets[g].disabled = locked;
    }
    for (const el of [v.inputs.r, v.inputs.alpha, v.inputs.lr, v.inputs.task]) el.disabled = locked;
    v.parts.locked.hidden = !locked;

    v.parts.backend.textContent = this.backend ? BACKEND_WORDS[this.backend] ?? this.backend
      : this.status === 'loading' ? 'loading tfjs and the model…' : this.status === 'error' ? 'none' : 'not loaded yet (it loads when the trainer comes into view)';
    v.parts.notice.textContent = this.backendNotice;
    v.parts.notice.hidden = !this.backendNotice;
    v.parts.counts.textContent = this.countsSentence();

    const b = v.buttons;
    const ready = !!this.session && !this.busy;
    const merged = this.session?.merged ?? false;
    const pausedRun = this.status === 'paused' ? this.runMode : null;
    b.train.textContent = pausedRun === 'lora' ? 'Resume' : 'Train';
    b.full.textContent = pausedRun === 'full' ? 'Resume full fine-tune' : 'Full fine-tune (baseline)';
    b.train.disabled = pausedRun ? pausedRun !== 'lora' : this.status === 'loading' || this.status === 'training' || !!this.busy || merged;
    b.full.disabled = pausedRun ? pausedRun !== 'full' : !ready || running || merged;
    b.pause.disabled = this.status !== 'training';
    b.reset.disabled = !this.session || this.status === 'loading';
    b.merge.disabled = !ready || running || (this.lora.step === 0 && !merged);
    b.merge.textContent = merged ? 'Unmerge' : 'Merge into W₀';
    b.download.disabled = !ready || this.lora.step === 0;
    b.resample.disabled = !ready || running;
    v.inputs.temperature.disabled = !this.session;
    v.inputs.file.disabled = this.status === 'training' || this.status === 'paused' || !!this.busy;

    const curve = this.runMode === 'full' ? this.full : this.lora;
    v.progress.max = steps;
    v.progress.value = Math.min(steps, curve.step);
    const rate = this.stepsPerSecond ? ` · ${this.stepsPerSecond.toFixed(this.stepsPerSecond < 10 ? 2 : 0)} steps a second` : '';
    v.parts.progressText.textContent = `step ${count(curve.step)} of ${count(steps)}${rate}`;
    v.parts.status.textContent = this.statusSentence();
    v.parts.reset.textContent = this.resetDifference !== null && this.lora.step === 0
      ? `After Reset the model's ${count(total)} weights equal the downloaded base model's exactly (largest difference ${this.resetDifference}).` : '';
    this.renderChart();
    this.renderSamples();
    this.renderMerge();
  }

  private statusSentence(): string {
    const which = this.runMode === 'full' ? 'Full fine-tuning' : 'LoRA';
    const busy = this.busy ? ` (${this.busy}…)` : '';
    switch (this.status) {
      case 'idle': return 'The model loads when the trainer comes into view, or when you press Train.';
      case 'loading': return 'Loading tfjs, the base model (1.6 MB) and the names…';
      case 'error': return 'The trainer could not start; the table above shows results measured beforehand.';
      case 'training': return `${which} is training: step ${count(this.currentStep())} of ${count(this.settings.steps)}.${busy}`;
      case 'paused': return this.pausedBy === 'scroll'
        ? `${which} paused at step ${count(this.currentStep())} while the trainer is out of view; it goes on when you scroll back.`
        : `${which} paused at step ${count(this.currentStep())}.`;
      case 'done': {
        const val = last(this.runMode === 'full' ? this.full.val : this.lora.val);
        return `${which} finished ${count(this.currentStep())} steps: validation loss ${val ? val[1].toFixed(3) : '?'}` +
          `${this.baseVal !== null ? ` (base model ${this.baseVal.toFixed(3)})` : ''}.${busy}`;
      }
      default: return this.lora.offset > 0 ? `Loaded adapter, ${count(this.lora.step)} steps trained.${busy}` : `Ready: press Train.${busy}`;
    }
  }

  private renderChart(): void {
    const points = (xs: number[], offset = 0) => xs.map((y, i) => [i + 1 + offset, y] as [number, number]);
    const loraTrainOffset = this.lora.step - this.lora.train.length;
    const series = [
      { label: 'LoRA training', points: points(this.lora.train, loraTrainOffset) },
      { label: 'LoRA validation', points: this.lora.val },
    ];
    if (this.full.step > 0) {
      series.push({ label: 'full training', points: points(this.full.train) }, { label: 'full validation', points: this.full.val });
    }
    const val = last(this.lora.val);
    const fullVal = last(this.full.val);
    const description = this.lora.step === 0 && this.full.step === 0
      ? `No training yet.${this.baseVal !== null ? ` The base model's validation loss on ${TASK_LABELS[this.settings.task]} is ${this.baseVal.toFixed(3)}.` : ''}`
      : `LoRA: ${count(this.lora.step)} steps, training loss ${last(this.lora.train)?.toFixed(3) ?? '?'}, validation loss ${val?.[1].toFixed(3) ?? '?'} at step ${val?.[0] ?? '?'}` +
        `${this.baseVal !== null ? ` (base model ${this.baseVal.toFixed(3)})` : ''}.` +
        (this.full.step > 0 ? ` Full fine-tuning: ${count(this.full.step)} steps, validation loss ${fullVal?.[1].toFixed(3)} at step ${fullVal?.[0]}.` : '');
    this.view.chart.update(series, { xDomain: [0, Math.max(this.settings.steps, this.lora.step, this.full.step, 1)], description });
    this.view.parts.chartNote.textContent = description + ' Training loss is measured on each step’s batch of 32 names’ windows, so it is noisy; ' +
      'validation loss is measured on names the model never trains on.';
  }

  private renderSamples(): void {
    const { samples } = this.view;
    const items = (names: string[]) => names.map((n) => h('li', {}, n || '(empty)'));
    fill(samples.before, ...items(this.samples.before));
    fill(samples.after, ...items(this.samples.after));
    fill(samples.full, ...items(this.samples.full));
    samples.fullBox.hidden = this.samples.full.length === 0;
    samples.afterTitle.textContent = this.lora.step > 0 ? `After LoRA, step ${count(this.lora.step)}` : 'After LoRA (no training yet)';
  }

  private renderMerge(): void {
    const m = this.mergeResult;
    if (!(this.session?.merged && m)) {
      fill(this.view.parts.merge, h('p', { class: 'rb-note' },
        'Merging adds (α/r) B A into each adapted W₀: the outputs stay the same, and inference then costs what the base model costs.'));
      return;
    }
    const row = (label: string, x: number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, ms(x)));
    fill(this.view.parts.merge,
      h('p', {}, `Merged into ${m.matrices} weight matrices. The largest change in any output (logit) over 64 validation windows is ` +
        `${m.maxAbsDiff.toExponential(1)}: float32 rounding, the same model. Unmerge to train further.`),
      h('table', { class: 'rb-trainer-latency' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), h('th', { scope: 'col' }, 'Median time of one forward pass over 8 names'))),
        h('tbody', {}, row('Base model', m.latencyMs.base), row('Unmerged: W₀ x + (α/r) B A x', m.latencyMs.unmerged),
          row('Merged: (W₀ + (α/r) B A) x', m.latencyMs.merged))));
  }
}

defineWidget('rankbook-lora-trainer', LoraTrainer);
