/**
 * The training loop, shared by LoRA and full fine-tuning so the two are compared like for like:
 * the same batches (same seed), the same loss, Adam, and the same per-step bookkeeping. The only
 * difference is the variable list handed to the optimiser — A and B for LoRA, every base weight
 * for full fine-tuning — and tfjs then skips the gradients nobody asked for.
 *
 * step() does one Adam step; run() is an async generator that yields after every step and gives
 * the event loop a turn, so a page or worker stays responsive and can pause, resume or cancel.
 * Every tensor a step makes is disposed; dispose() frees the optimiser state.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Batch, type WindowSet, evaluationBatches, sampleBatch } from './data';
import type { TinyGpt } from './model';
import { type Rng, createRng } from './random';

export type TrainMode = 'lora' | 'full';

export interface TrainerOptions {
  mode: TrainMode;
  /** Adam learning rate; see DEFAULT_LEARNING_RATE. */
  learningRate: number;
  batchSize: number;
  /** Where run() stops. */
  totalSteps: number;
  /** Validation loss every this many steps (and after the last); 0 = never. */
  evalEvery: number;
  /** How many validation windows an evaluation uses (a fixed prefix, so losses are comparable). */
  evalWindows: number;
  /** Seeds the batch order and LoRA dropout. */
  seed: number;
  /** Optional schedule: the learning rate for a (0-based) step; overrides learningRate when given. */
  learningRateAt?: (step: number) => number;
}

/** Measured on the dinosaur task (MEASUREMENTS.md): LoRA tolerates and needs a much larger rate. */
export const DEFAULT_LEARNING_RATE: Record<TrainMode, number> = { lora: 1e-2, full: 3e-4 };

export const DEFAULT_TRAINER_OPTIONS: Omit<TrainerOptions, 'mode' | 'learningRate'> = {
  batchSize: 64,
  totalSteps: 300,
  evalEvery: 50,
  evalWindows: 512,
  seed: 1,
};

export interface StepReport {
  step: number;
  totalSteps: number;
  trainLoss: number;
  /** Present on evaluation steps. */
  valLoss: number | null;
  /** Over the last few steps, evaluation time excluded. */
  stepsPerSecond: number;
  /** Wall time since the first step, evaluations included. */
  elapsedMs: number;
}

export type TrainerState = 'ready' | 'running' | 'paused' | 'cancelled' | 'done';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** A macrotask turn, so messages and clicks get handled between steps even on synchronous backends. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Trainer {
  readonly options: TrainerOptions;
  readonly variables: tf.Variable[];
  private readonly optimizer: tf.AdamOptimizer;
  private readonly rng: Rng;
  private stepCount = 0;
  private startedAt: number | null = null;
  private recentStepMs: number[] = [];
  private status: TrainerState = 'ready';
  private wake: (() => void) | null = null;

  constructor(
    readonly model: TinyGpt,
    readonly data: { train: WindowSet; validation: WindowSet },
    options: Partial<TrainerOptions> & { mode: TrainMode },
  ) {
    this.options = {
      ...DEFAULT_TRAINER_OPTIONS,
      learningRate: DEFAULT_LEARNING_RATE[options.mode],
      ...options,
    };
    if (this.options.mode === 'lora') {
      if (!model.attachment) throw new Error('LoRA training needs model.attachLora(config) first');
      if (model.attachment.merged) throw new Error('unmerge the adapters before training');
      this.variables = model.attachment.variables();
    } else {
      if (model.attachment) throw new Error('full fine-tuning trains the base weights; detach the LoRA adapters first');
      this.variables = model.baseVariables();
    }
    this.optimizer = tf.train.adam(this.options.learningRate);
    this.rng = createRng(this.options.seed);
  }

  get step(): number {
    return this.stepCount;
  }

  get state(): TrainerState {
    return this.status;
  }

  get trainableParamCount(): number {
    return this.variables.reduce((n, v) => n + v.size, 0);
  }

  /** Adam keeps two float32 moments per trainable parameter. */
  get adamStateBytes(): number {
    return adamStateBytes(this.trainableParamCount);
  }

  /** One Adam step on a fresh batch; returns its training loss (and validation loss when due). */
  async trainStep(): Promise<StepReport> {
    if (this.status === 'cancelled') throw new Error('trainer was cancelled');
    this.startedAt ??= now();
    const t0 = now();
    if (this.options.learningRateAt) {
      // AdamOptimizer reads its (protected) learningRate field on every applyGradients call.
      (this.optimizer as unknown as { learningRate: number }).learningRate = this.options.learningRateAt(this.stepCount);
    }
    const batch: Batch = sampleBatch(this.data.train, this.options.batchSize, this.rng);
    const dropoutSeed = this.rng.seed();
    const { value, grads } = tf.variableGrads(
      () => this.model.loss(batch, { training: true, dropoutSeed }),
      this.variables,
    );
    this.optimizer.applyGradients(grads as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
    tf.dispose(grads);
    const trainLoss = (await value.data())[0];
    value.dispose();
    this.stepCount++;
    this.recentStepMs.push(now() - t0);
    if (this.recentStepMs.length > 20) this.recentStepMs.shift();
    const { evalEvery, totalSteps } = this.options;
    const due = evalEvery > 0 && (this.stepCount % evalEvery === 0 || this.stepCount === totalSteps);
    const valLoss = due ? await this.evaluate() : null;
    const meanMs = this.recentStepMs.reduce((a, b) => a + b, 0) / this.recentStepMs.length;
    return {
      step: this.stepCount,
      totalSteps,
      trainLoss,
      valLoss,
      stepsPerSecond: 1000 / meanMs,
      elapsedMs: now() - this.startedAt,
    };
  }

  /** Mean validation loss (nats per character) over the first `windows` validation windows. */
  async evaluate(windows = this.options.evalWindows): Promise<number> {
    return evaluateLoss(this.model, this.data.validation, windows, this.options.batchSize);
  }

  /** Steps until totalSteps, yielding each report. Honours pause(), resume() and cancel(). */
  async *run(): AsyncGenerator<StepReport, void, void> {
    if (this.status === 'running') throw new Error('already running');
    if (this.status === 'cancelled') return;
    this.status = 'running';
    try {
      while (this.stepCount < this.options.totalSteps) {
        await yieldToEventLoop();
        while (this.state === 'paused') await new Promise<void>((resolve) => (this.wake = resolve));
        if (this.state === 'cancelled') return;
        yield await this.trainStep();
      }
      this.status = 'done';
    } finally {
      if (this.status === 'running') this.status = 'ready';
    }
  }

  pause(): void {
    if (this.status === 'running') this.status = 'paused';
  }

  resume(): void {
    if (this.status === 'paused') this.status = 'running';
    this.wake?.();
    this.wake = null;
  }

  /** Stops run() before its next step. The trained weights stay as they are. */
  cancel(): void {
    this.status = 'cancelled';
    this.wake?.();
    this.wake = null;
  }

  /** Frees Adam's moment estimates. The model (and its adapters) belong to the caller. */
  dispose(): void {
    this.cancel();
    this.optimizer.dispose();
  }
}

/** Linear warm-up, then cosine decay to `floor` x peak at `totalSteps`. */
export function warmupCosine(peak: number, warmupSteps: number, totalSteps: number, floor = 0.1): (step: number) => number {
  return (step) => {
    if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
    const progress = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
    return peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  };
}

export function adamStateBytes(trainableParams: number): number {
  return 2 * 4 * trainableParams;
}

/** Mask-weighted mean loss of `model` over the first `windows` windows of `set`. */
export async function evaluateLoss(model: TinyGpt, set: WindowSet, windows = set.count, batchSize = 128): Promise<number> {
  let total = 0;
  let count = 0;
  for (const batch of evaluationBatches(set, batchSize, windows)) {
    const loss = model.loss(batch);
    const n = batch.mask.reduce((a, b) => a + b, 0);
    total += (await loss.data())[0] * n;
    count += n;
    loss.dispose();
  }
  return count > 0 ? total / count : NaN;
}
