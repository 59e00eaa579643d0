import { h } from './dom';
import { WidgetElement, defineWidget, setMessage } from './widget-element';
import { assetUrl } from './asset-url';
import { buildTrainerView, type SettingName, type TrainerView } from './lora-trainer-view';
import { BACKEND_WORDS, countsSentence, isLocked, renderTrainer, type LoraTrainerState, type TrainerStatus } from './lora-trainer-render';
import {
  DEFAULT_SETTINGS, RULES, TARGET_GROUPS, formatBytes, groupsInWords, loraParamCount, loraTargets, modelParamCount,
  readNumber, readTargets, readTask, type TrainerSettings,
} from './lora-trainer-settings';
import { DEFAULT_MODEL_CONFIG, DEFAULT_LORA_CONFIG, type LoraConfig, type ModelConfig } from '../lora/config';
import type { TrainerSession, MergeResult } from './lora-trainer-session';
import type { BackendChoice } from './tf-backend';
import type { StepReport } from '../lora/train';

export type { LoraTrainerState, TrainerStatus };

const count = (n: number) => n.toLocaleString('en-US');
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

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
  private samples = { before: [] as string[], after: [] as string[], full: [] as string[], temperature: NaN };
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
    if (this.view && value !== old) this.readAttributes();
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

  private trainableParams(): number {
    return loraParamCount(this.modelConfig, this.settings.r, this.settings.targets);
  }

  private loraConfig(): LoraConfig {
    const { r, alpha, targets } = this.settings;
    return { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets) };
  }

  private get locked(): boolean {
    return isLocked(this.currentState());
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
      let reading = readNumber(inputs[name].value, RULES[name], this.settings[name]);
      const floor = this.currentStep() + 1;
      if (name === 'steps' && (this.status === 'training' || this.status === 'paused') && reading.value < floor) {
        reading = { value: floor, message: `Training is already at step ${count(floor - 1)}, so it stops at step ${count(floor)}.` };
      }
      setMessage(messages[name], live ? '' : reading.message, inputs[name]);
      this.settings[name] = reading.value;
      if (!live) inputs[name].value = String(reading.value);
    }
    if (name === 'steps') {
      setMessage(messages.train, '');
      // A run under way stops at the new total (never before the step it is on).
      this.session?.setTotalSteps(this.settings.steps - (this.runMode === 'full' ? 0 : this.lora.offset));
    }
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
      const session = this.session!;
      // The temperature may have moved during the run: "before" must use the same one as "after".
      if (this.samples.temperature !== this.temperature) await this.sampleBase(session);
      const names = await session.samples(mode, this.temperature);
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

  private async sampleBase(session: TrainerSession): Promise<void> {
    this.samples.before = await session.samples('base', this.temperature);
    this.samples.temperature = this.temperature;
  }

  private async resample(): Promise<void> {
    const session = this.session;
    if (!session || this.status === 'training') return;
    await this.enqueue('sampling', async () => {
      await this.sampleBase(session);
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
    return countsSentence(this.currentState());
  }

  private render(): void {
    this.tensors = this.tensorCount ? this.tensorCount() : null;
    renderTrainer(this.view, this.currentState());
  }
}

defineWidget('rankbook-lora-trainer', LoraTrainer);
