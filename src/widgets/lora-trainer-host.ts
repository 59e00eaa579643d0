/**
 * What the trainer's parts (lora-trainer-controls, -training, -adapter) reach on <rankbook-lora-trainer>: its
 * view, the numbers behind el.state, and the element's shared jobs. LoraTrainer implements it; pages read el.state.
 */
import type { TrainerView } from './lora-trainer-view';
import type { TrainerStatus } from './lora-trainer-render';
import type { TrainerSettings } from './lora-trainer-settings';
import type { MergeResult, TrainerSession } from './lora-trainer-session';
import type { LoraConfig } from '../lora/config';

/** One run's losses: one a step, and validation as [step, loss] (step 0: the base model). */
export interface LossCurve {
  train: number[];
  val: Array<[number, number]>;
  step: number;
}

export interface TrainerHost {
  readonly view: TrainerView;
  settings: TrainerSettings;
  temperature: number;
  readonly session: TrainerSession | null;
  readonly status: TrainerStatus;
  pausedBy: 'button' | 'scroll' | null;
  runMode: 'lora' | 'full' | null;
  /** `offset`: the steps a loaded adapter had already taken. */
  lora: LossCurve & { offset: number };
  full: LossCurve;
  baseVal: number | null;
  stepsPerSecond: number | null;
  samples: { before: string[]; after: string[]; full: string[]; temperature: number };
  mergeResult: MergeResult | null;
  resetDifference: number | null;
  /** The run under way, if any. */
  loop: Promise<void> | null;
  /** One tfjs job at a time besides training (sampling, merging, loading, resetting). */
  readonly queue: Promise<unknown>;
  readonly busy: string;
  /** Bumped by Reset: a Train press still loading when Reset comes gives up. */
  epoch: number;
  /** Set from a Train press until its run has begun, so a second press does nothing. */
  starting: boolean;
  /** Settings belong to the adapter being trained: see isLocked. */
  readonly locked: boolean;

  open(): Promise<TrainerSession | null>;
  prepareTask(session: TrainerSession): Promise<void>;
  enqueue<T>(what: string, job: () => Promise<T>): Promise<T>;
  sampleBase(session: TrainerSession): Promise<void>;
  resample(): Promise<void>;
  loraConfig(): LoraConfig;
  trainableParams(): number;
  setStatus(status: TrainerStatus): void;
  fail(message: string): void;
  countsSentence(): string;
  render(): void;
  announce(message: string): void;
  emitChange(): void;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  append(...nodes: Array<Node | string>): void;
}
