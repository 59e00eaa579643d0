/**
 * The trainer without a DOM: loading, LoRA and full fine-tuning runs, pause, resume, reset, backend changes and
 * sample refreshes, as a small state machine over one Phase. It keeps private state, offers a read-only
 * snapshot and commands, and calls host.requestUpdate() after every change; the element renders the snapshot.
 * The tfjs work goes through a SessionPort (session-port.ts: session.ts in the browser, a fake in the unit tests).
 * A training run's steps and sample refreshes are in training-run.ts; the settings' text is applied in controls.ts;
 * the adapter's merge, save and load are in adapter.ts.
 */
import { DEFAULT_LORA_CONFIG, DEFAULT_MODEL_CONFIG, type LoraConfig } from '../../lora/config';
import type { AdapterIndex } from '../../lora/checkpoint-reader';
import { DEFAULT_SETTINGS, loraParamCount, loraTargets, modelParamCount, type BackendChoice } from '../lora-trainer-settings';
import { backendName } from '../tf-backend-choice';
import { english, type Translate } from '../../i18n/translate';
import { referenceCurves } from './references';
import { flatten, type BusyJob, type LoraTrainerState, type PausedBy, type Run, type TrainerSnapshot } from './state';
import type { ControllerHost, OpenSession, SessionPort } from './session-port';
import { now, runTraining, type RunFields } from './training-run';

export type { ControllerHost, OpenSession, SessionPort };
export { MIN_SAMPLE_EVERY, RECIPE, SAMPLE_BUDGET } from './training-run';

const emptyCurve = (baseVal: number | null) => ({ train: [] as number[], val: baseVal !== null ? [[0, baseVal] as [number, number]] : [], step: 0 });

export class TrainerController {
  #s: TrainerSnapshot;
  #session: SessionPort | null = null;
  #opening: Promise<SessionPort | null> | null = null;
  #loop: Promise<void> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Bumped by Reset (and whatever drops the session): a Train press still setting up when it comes gives up. */
  #epoch = 0;
  /** Bumped when the session is dropped (backend change, element removed): a session still loading is thrown away. */
  #generation = 0;
  #index: AdapterIndex | null = null;
  /** How long drawing a sample list took last time: what a refresh during training will cost. */
  #sampleMs = 0;
  /** The fields above as a training run (training-run.ts) sees them: read live, the loop and sampleMs written back. */
  readonly #run: RunFields = {
    epoch: () => this.#epoch,
    queue: () => this.#queue,
    setLoop: (loop) => { this.#loop = loop; },
    sampleMs: () => this.#sampleMs,
    setSampleMs: (ms) => { this.#sampleMs = ms; },
  };

  /**
   * `t` words every message the trainer keeps in its state (English unless the element says otherwise): el.state
   * then says what the reader sees. The element sets it once its language's catalogue is in.
   */
  constructor(readonly host: ControllerHost, private readonly openSession: OpenSession, loadIndex?: () => Promise<AdapterIndex>, public t: Translate = english) {
    const settings = { ...DEFAULT_SETTINGS, targets: DEFAULT_SETTINGS.targets.slice() };
    this.#s = {
      phase: { kind: 'idle' }, busy: '', settings, temperature: 0.8, backendChoice: 'auto', backend: null, backendNotice: '', backendRates: {},
      readySeconds: null, curves: { lora: { ...emptyCurve(null), offset: 0 }, full: emptyCurve(null) }, baseValLoss: null,
      stepsPerSecond: null, wallStepsPerSecond: null, sampleRefreshShare: null, samples: { before: [], after: [], afterStep: 0, full: [], temperature: NaN },
      references: [], merged: false, merge: null, resetDifference: null, tensors: null,
      trainableParams: loraParamCount(DEFAULT_MODEL_CONFIG, settings.r, settings.targets), totalParams: modelParamCount(DEFAULT_MODEL_CONFIG),
      messages: {}, fileResult: '', ownList: null, keepOwnList: false,
    };
    loadIndex?.().then((index) => {
      this.#index = index;
      this.update({});
    }).catch(() => undefined); // without the index there are no reference curves, and nothing else changes
  }

  get snapshot(): Readonly<TrainerSnapshot> {
    return this.#s;
  }

  /** el.state's JSON. */
  get state(): LoraTrainerState {
    return flatten(this.#s);
  }

  get session(): SessionPort | null {
    return this.#session;
  }

  /** Applies a change and asks the host to render; derived figures are recomputed here, nowhere else. */
  update(change: Partial<TrainerSnapshot>): void {
    const next = { ...this.#s, ...change };
    const config = this.#session?.modelConfig ?? DEFAULT_MODEL_CONFIG;
    next.trainableParams = loraParamCount(config, next.settings.r, next.settings.targets);
    next.totalParams = modelParamCount(config);
    next.references = referenceCurves(this.#index, next.settings);
    next.merged = this.#session?.merged ?? false;
    next.tensors = this.#session ? this.#session.liveTensors() : null;
    this.#s = next;
    this.host.requestUpdate();
  }

  message(slot: keyof TrainerSnapshot['messages'], text: string): void {
    this.update({ messages: { ...this.#s.messages, [slot]: text } });
  }

  loraConfig(): LoraConfig {
    const { r, alpha, targets } = this.#s.settings;
    return { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets) };
  }

  /** The seed of the shipped run these settings repeat (1 when none does). */
  loraSeed(): number {
    return this.#s.references.find((r) => r.kind === 'lora')?.seed ?? 1;
  }

  get running(): boolean {
    const k = this.#s.phase.kind;
    return k === 'training' || k === 'paused';
  }

  // ---- loading ---------------------------------------------------------------------------------------

  /** Loads tfjs, the base model and the task's names; the base model's samples come first. */
  open(): Promise<SessionPort | null> {
    this.#opening ??= (async () => {
      const started = now();
      const generation = this.#generation;
      if (this.#s.phase.kind !== 'starting') this.update({ phase: { kind: 'loading' } });
      try {
        const session = await this.openSession(this.#s.backendChoice, this.loraConfig(), this.loraSeed());
        if (generation !== this.#generation) {
          session.dispose();
          return null;
        }
        this.#session = session;
        this.update({ backend: session.backend, backendNotice: session.notice });
        await this.prepareTask(session);
        if (this.#s.phase.kind === 'loading') this.update({ phase: { kind: 'ready' } });
        await this.enqueue('sampling', async () => {
          const t0 = now();
          const before = await session.samples('base', this.#s.temperature);
          this.#sampleMs = now() - t0;
          this.update({ samples: { ...this.#s.samples, before, after: before.slice(), afterStep: 0, temperature: this.#s.temperature } });
        });
        this.update({ readySeconds: (now() - started) / 1000 });
        this.host.announce(this.t('trainer.readyOn', { backend: backendName(session.backend, this.t) }));
        return session;
      } catch (e) {
        if (generation !== this.#generation) return null;
        this.#opening = null;
        this.fail(this.t('trainer.couldNotStart', { error: (e as Error).message }));
        return null;
      }
    })();
    return this.#opening;
  }

  /** Hands the session the reader's list (the task `own` trains on it). */
  syncOwnList(session: SessionPort): void {
    const own = this.#s.ownList;
    session.setOwnWords(own ? { hash: own.hash, words: own.words } : null);
  }

  async prepareTask(session: SessionPort): Promise<void> {
    const task = this.#s.settings.task;
    this.syncOwnList(session);
    if (task === 'own' && !this.#s.ownList) return; // no list yet: no base loss to show
    const hash = this.#s.ownList?.hash;
    const data = await session.useTask(task);
    if (task !== this.#s.settings.task || (task === 'own' && hash !== this.#s.ownList?.hash)) return;
    const { lora, full } = this.#s.curves;
    this.update({
      baseValLoss: data.baseValLoss,
      curves: {
        lora: lora.val.length ? lora : { ...lora, val: [[0, data.baseValLoss]] },
        full: full.val.length ? full : { ...full, val: [[0, data.baseValLoss]] },
      },
    });
  }

  /** Runs a tfjs job after the ones before it; buttons wait while it runs. */
  enqueue<T>(what: BusyJob, job: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      this.update({ busy: what });
      try {
        return await job();
      } finally {
        this.update({ busy: '' });
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Another backend: the session is rebuilt on it (a Reset), and the measured rates are kept. */
  async setBackend(choice: BackendChoice): Promise<void> {
    if (choice === this.#s.backendChoice) return;
    if (this.running || this.#s.phase.kind === 'starting') {
      this.message('backend', this.t('trainer.pauseBeforeBackend'));
      return;
    }
    this.#epoch++;
    this.#generation++;
    const old = this.#session;
    this.#session = null;
    this.#opening = null;
    await Promise.all([this.#loop, this.#queue]);
    old?.dispose();
    this.update({
      backendChoice: choice, backend: null, backendNotice: '', phase: { kind: 'idle' }, readySeconds: null, merge: null, resetDifference: null,
      curves: { lora: { ...emptyCurve(this.#s.baseValLoss), offset: 0 }, full: emptyCurve(this.#s.baseValLoss) },
      messages: { ...this.#s.messages, backend: '', train: '' }, stepsPerSecond: null, wallStepsPerSecond: null,
    });
    await this.open();
  }

  // ---- runs --------------------------------------------------------------------------------------------

  /** Train (or Resume, when the same run is paused); the run itself is in training-run.ts. */
  train(mode: Run): Promise<void> {
    return runTraining(this, this.#run, mode);
  }

  pause(by: PausedBy): void {
    const phase = this.#s.phase;
    if (phase.kind !== 'training') return;
    this.#session?.pause();
    this.update({ phase: { kind: 'paused', run: phase.run, by } });
    this.host.announce(by === 'scroll' ? this.t('trainer.pausedScroll') : this.t('trainer.pausedButton'));
  }

  resume(): void {
    const phase = this.#s.phase;
    if (phase.kind !== 'paused') return;
    this.#session?.resume();
    this.update({ phase: { kind: 'training', run: phase.run } });
    this.host.announce(this.t('trainer.resumed', { step: this.#s.curves[phase.run].step }));
  }

  /** The trainer scrolled in or out of view: load on first sight, pause while away. */
  setVisible(visible: boolean): void {
    const phase = this.#s.phase;
    if (visible && !this.#session && !this.#opening && phase.kind !== 'error') void this.open();
    if (!visible && phase.kind === 'training') this.pause('scroll');
    else if (visible && phase.kind === 'paused' && phase.by === 'scroll') this.resume();
  }

  currentStep(): number {
    const phase = this.#s.phase;
    return 'run' in phase && phase.run === 'full' ? this.#s.curves.full.step : this.#s.curves.lora.step;
  }

  /** Stops any run and rebuilds the model from the downloaded weights: step 0, base model exactly. */
  async reset(announce: boolean): Promise<void> {
    const session = this.#session;
    this.#epoch++;
    session?.cancel();
    await this.#loop;
    const base = this.#s.baseValLoss;
    this.update({
      phase: session ? { kind: 'ready' } : this.#opening ? { kind: 'loading' } : { kind: 'idle' },
      curves: { lora: { ...emptyCurve(base), offset: 0 }, full: emptyCurve(base) }, stepsPerSecond: null, wallStepsPerSecond: null,
      merge: null, samples: { ...this.#s.samples, full: [] }, messages: { ...this.#s.messages, train: '' },
    });
    if (!session) return;
    await this.enqueue('resetting', async () => {
      session.configure(this.loraConfig(), this.loraSeed());
      await this.prepareTask(session);
      this.update({ resetDifference: session.differenceFromBase(), samples: { ...this.#s.samples, after: this.#s.samples.before.slice(), afterStep: 0 } });
    });
    if (announce) this.host.announce(this.t('trainer.announceReset', { difference: String(this.#s.resetDifference) }));
  }

  fail(message: string): void {
    this.update({ messages: { ...this.#s.messages, train: message }, phase: this.#session ? { kind: 'ready' } : { kind: 'error', message } });
    this.host.announce(message);
  }

  /**
   * The element left the page: stop, free every tensor once the step in flight (if any) has finished, and go
   * back to idle (settings kept), so that the element loads again if it is put back.
   */
  dispose(): void {
    this.#epoch++;
    this.#generation++;
    const session = this.#session;
    session?.cancel();
    this.#session = null;
    this.#opening = null;
    void Promise.all([this.#loop, this.#queue]).finally(() => session?.dispose());
    this.update({
      phase: { kind: 'idle' }, backend: null, backendNotice: '', busy: '', merge: null, readySeconds: null,
      curves: { lora: { ...emptyCurve(null), offset: 0 }, full: emptyCurve(null) }, baseValLoss: null,
    });
  }
}
