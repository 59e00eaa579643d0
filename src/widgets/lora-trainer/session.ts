/**
 * The tfjs half of <rankbook-lora-trainer>, loaded by dynamic import the first time the widget is seen (or
 * Train is pressed), so tfjs reaches only pages that train. It owns every tensor the trainer makes:
 *   base   the downloaded model, never trained or adapted (samples "before", base latency);
 *   model  a copy of it carrying the LoRA attachment being trained;
 *   full   an optional second copy for the full fine-tuning baseline.
 * Reset rebuilds `model` from the downloaded arrays, so it is the base model bit for bit; dispose() frees all.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  DEFAULT_LEARNING_RATE, Trainer, TinyGpt, evaluateLoss, fetchCheckpoint, gatherBatch, loadWordList, makeDatasets,
  measureLatency, modelFromCheckpoint, packAdapters, type CheckpointManifest, type LoraConfig, type NamedArrays,
  type StepReport, type WindowSet,
  sampleNames,
} from '../../lora/index';
import { startBackend, liveTensors, type BackendName } from '../tf-backend';
import { decodeAdapterFile, encodeAdapterFile, type AdapterFile } from '../adapter-file';
import type { BackendChoice, Task } from '../lora-trainer-settings';
import type { SessionPort } from './session-port';
import type { Translate } from '../../i18n/translate';

const SAMPLE_COUNT = 10;
const SAMPLE_SEED = 1;
/** Forward passes over 8 names: 3 interleaved rounds of 4 timed passes for each model. */
const LATENCY = { batchSize: 8, iterations: 4, warmup: 3, rounds: 3 };

interface TaskData {
  train: WindowSet;
  validation: WindowSet;
  trainWords: number;
  validationWords: number;
  baseValLoss: number;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface MergeResult {
  /** Largest |logit| change over a batch of validation windows, unmerged vs merged. */
  maxAbsDiff: number;
  matrices: number;
  latencyMs: { base: number; unmerged: number; merged: number };
}

export class TrainerSession implements SessionPort {
  private base: TinyGpt;
  private model: TinyGpt;
  private full: { model: TinyGpt; trainer: Trainer } | null = null;
  private trainer: Trainer | null = null;
  private active: Trainer | null = null;
  /** Each task's split and base loss, by task (the reader's list: by its hash). */
  private readonly tasks = new Map<string, TaskData>();
  private ownList: { hash: string; words: readonly string[] } | null = null;
  private lora: LoraConfig;
  /** Seeds A's initial values (the shipped run's seed, so that the reader's run repeats it). */
  private seed: number;

  private constructor(
    readonly backend: BackendName,
    readonly notice: string,
    readonly manifest: CheckpointManifest,
    private readonly baseWeights: NamedArrays,
    lora: LoraConfig,
    seed: number,
    private readonly wordListUrl: (task: Task) => string,
    private readonly t: Translate,
  ) {
    this.base = new TinyGpt(manifest.modelConfig!, { weights: baseWeights });
    this.lora = lora;
    this.seed = seed;
    this.model = this.freshModel(lora, seed);
  }

  static async open(options: { backend: BackendChoice; manifestUrl: string; wordListUrl: (task: Task) => string; lora: LoraConfig; seed: number; t: Translate }): Promise<TrainerSession> {
    const { backend, notice } = await startBackend(options.backend, options.t);
    const { manifest, bytes } = await fetchCheckpoint(options.manifestUrl);
    const probe = modelFromCheckpoint(manifest, bytes); // checks the manifest and every shape
    const weights = probe.getWeights();
    probe.dispose();
    return new TrainerSession(backend, notice, manifest, weights, options.lora, options.seed, options.wordListUrl, options.t);
  }

  get loraSeed(): number {
    return this.seed;
  }

  liveTensors(): number {
    return liveTensors();
  }

  get modelConfig() {
    return this.base.config;
  }

  get totalParams(): number {
    return this.base.baseParamCount;
  }

  get trainableParams(): number {
    return this.model.attachment?.paramCount ?? 0;
  }

  get merged(): boolean {
    return this.model.attachment?.merged ?? false;
  }

  get loraConfig(): LoraConfig {
    return { ...this.lora, targets: this.lora.targets.slice() };
  }

  /** The reader's list for the task `own` (already cleaned, word-list.ts); the split of an earlier list is freed. */
  setOwnWords(list: { hash: string; words: readonly string[] } | null): void {
    if (list?.hash === this.ownList?.hash) return;
    if (this.ownList) this.tasks.delete(`own:${this.ownList.hash}`);
    this.ownList = list;
  }

  /** Word list, train/validation split (as scripts/adapters.ts makes it) and the base model's validation loss. */
  async useTask(task: Task): Promise<TaskData> {
    if (task === 'own' && !this.ownList) throw new Error(this.t('trainer.errorNoList'));
    const key = task === 'own' ? `own:${this.ownList!.hash}` : task;
    const known = this.tasks.get(key);
    if (known) return known;
    const words = task === 'own' ? this.ownList!.words : await loadWordList(this.wordListUrl(task));
    const sets = makeDatasets(words, { contextLength: this.base.config.contextLength, validationFraction: 0.1, seed: 1 });
    const baseValLoss = await evaluateLoss(this.base, sets.validation, sets.validation.count, 64);
    const data = { train: sets.train, validation: sets.validation, trainWords: sets.trainWords.length, validationWords: sets.validationWords.length, baseValLoss };
    this.tasks.set(key, data);
    return data;
  }

  /** A fresh copy of the base with a new attachment: every earlier run, baseline and merge is gone. */
  configure(lora: LoraConfig, seed = this.seed): void {
    this.stopTrainers();
    this.model.dispose();
    this.lora = lora;
    this.seed = seed;
    this.model = this.freshModel(lora, seed);
  }

  private freshModel(lora: LoraConfig, seed: number): TinyGpt {
    const model = new TinyGpt(this.base.config, { weights: this.baseWeights });
    model.attachLora(lora, seed);
    return model;
  }

  private stopTrainers(): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.full?.trainer.dispose();
    this.full?.model.dispose();
    this.full = null;
    this.active = null;
  }

  /**
   * Steps of LoRA (on `model`) or of full fine-tuning (on its own copy of the base) up to `steps` in all,
   * continuing where the last run of that kind stopped, drawing batches as scripts/adapters.ts does for `seed`.
   */
  async run(mode: 'lora' | 'full', settings: { lr: number; steps: number; task: Task; batchSize: number; seed: number }): Promise<AsyncGenerator<StepReport, void, void>> {
    const data = await this.useTask(settings.task);
    // About six evaluations a run: every 50 steps in a 300-step run, as the shipped runs were measured.
    const evalEvery = Math.min(50, Math.max(5, Math.round(settings.steps / 6)));
    const common = { batchSize: settings.batchSize, totalSteps: settings.steps, evalEvery, evalWindows: data.validation.count, seed: settings.seed };
    let trainer: Trainer;
    if (mode === 'lora') {
      if (this.merged) throw new Error(this.t('trainer.errorUnmergeFirst'));
      this.trainer ??= new Trainer(this.model, data, { ...common, mode: 'lora', learningRate: settings.lr });
      trainer = this.trainer;
    } else {
      if (!this.full) {
        const model = new TinyGpt(this.base.config, { weights: this.baseWeights });
        this.full = { model, trainer: new Trainer(model, data, { ...common, mode: 'full', learningRate: DEFAULT_LEARNING_RATE.full }) };
      }
      trainer = this.full.trainer;
    }
    trainer.options.totalSteps = settings.steps;
    trainer.options.evalEvery = evalEvery;
    this.active = trainer;
    return trainer.run();
  }

  /** Moves the end of the run under way, if any. */
  setTotalSteps(steps: number): void {
    if (this.active && this.active.state !== 'cancelled') this.active.options.totalSteps = Math.max(1, steps);
  }

  pause(): void {
    this.active?.pause();
  }

  resume(): void {
    this.active?.resume();
  }

  /** Ends the current run before its next step; await the loop over run() before configure() or dispose(). */
  cancel(): void {
    this.active?.cancel();
  }

  /** Ten names from the base model, the adapted model or the full fine-tune, same seed for each. */
  async samples(which: 'base' | 'lora' | 'full', temperature: number): Promise<string[]> {
    const model = which === 'base' ? this.base : which === 'full' ? this.full?.model : this.model;
    if (!model) return [];
    return sampleNames(model, { count: SAMPLE_COUNT, temperature, seed: SAMPLE_SEED, padToContext: true });
  }

  /**
   * Folds s B A into W0 and checks it: the outputs before and after, and the forward-pass latency of the base,
   * unmerged and merged models, timed in interleaved rounds so that a busy machine's drift hits all three alike.
   */
  async merge(task: Task): Promise<MergeResult> {
    const attachment = this.model.attachment;
    if (!attachment || attachment.merged) throw new Error('nothing to merge');
    const data = await this.useTask(task);
    const rows = Array.from({ length: Math.min(64, data.validation.count) }, (_, i) => i);
    const probe = gatherBatch(data.validation, rows);
    const input = tf.tensor2d(probe.inputs, [probe.size, probe.contextLength], 'int32');
    const before = this.model.logits(input);
    try {
      const times = { base: [] as number[], unmerged: [] as number[], merged: [] as number[] };
      for (let round = 0; round < LATENCY.rounds; round++) {
        const options = { batchSize: LATENCY.batchSize, iterations: LATENCY.iterations, warmup: round === 0 ? LATENCY.warmup : 1 };
        times.base.push(...(await measureLatency(this.base, options)).samplesMs);
        times.unmerged.push(...(await measureLatency(this.model, options)).samplesMs);
        attachment.merge();
        times.merged.push(...(await measureLatency(this.model, options)).samplesMs);
        if (round < LATENCY.rounds - 1) this.unmerge();
      }
      const after = this.model.logits(input);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(before, after))));
      const maxAbsDiff = (await diff.data())[0];
      tf.dispose([after, diff]);
      const latencyMs = { base: median(times.base), unmerged: median(times.unmerged), merged: median(times.merged) };
      return { maxAbsDiff, matrices: attachment.adapters.length, latencyMs };
    } finally {
      tf.dispose([input, before]);
    }
  }

  /** Takes s B A out again, restoring W0 from the downloaded arrays exactly (not W - s B A, which rounds). */
  unmerge(): void {
    const attachment = this.model.attachment;
    if (!attachment?.merged) return;
    attachment.unmerge();
    for (const { name, slot } of attachment.adapters) {
      const w = this.baseWeights[`${name}.w`];
      tf.tidy(() => slot.weight.assign(tf.tensor(w.data, w.shape)));
    }
  }

  /** Largest |difference| between the model's base weights and the download: 0 after Reset. */
  differenceFromBase(): number {
    const now = this.model.getWeights();
    let max = 0;
    for (const [name, { data }] of Object.entries(this.baseWeights)) {
      const d = now[name].data;
      for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(d[i] - data[i]));
    }
    return max;
  }

  /** The adapter as one file: its LoRA config, A and B, and whatever the widget adds (task, steps, losses). */
  exportAdapter(meta: Record<string, unknown>): Uint8Array {
    const attachment = this.model.attachment;
    if (!attachment) throw new Error('no adapter');
    const { manifest, bytes } = packAdapters(attachment, { ...meta, modelConfig: this.base.config, createdAt: new Date().toISOString() });
    return encodeAdapterFile(manifest, bytes);
  }

  /** Reads and checks a whole adapter file against this base model; changes nothing (throws AdapterFileError). */
  readAdapter(bytes: ArrayBuffer): AdapterFile {
    return decodeAdapterFile(bytes, this.base.config);
  }

  /** Applies a checked file: a fresh copy of the base with the file's A and B (their shapes are already checked). */
  applyAdapter(file: AdapterFile): void {
    this.configure(file.lora);
    this.model.attachment!.setFactors(file.factors);
  }

  dispose(): void {
    this.stopTrainers();
    this.model.dispose();
    this.base.dispose();
  }
}
