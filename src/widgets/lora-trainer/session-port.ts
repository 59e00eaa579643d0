/**
 * What TrainerController needs from outside: a tfjs session (session.ts in the browser, a fake in the unit tests)
 * and a host that renders and speaks (the element).
 */
import type { StepReport } from '../../lora/train';
import type { LoraConfig, ModelConfig } from '../../lora/config';
import type { AdapterFile } from '../adapter-file';
import type { BackendChoice, Task } from '../lora-trainer-settings';
import type { BackendName } from '../tf-backend-choice';
import type { MergeResult } from './session';
import type { Run } from './state';

/** What the controller needs of a tfjs session: TrainerSession, or a fake in tests. */
export interface SessionPort {
  readonly backend: BackendName;
  readonly notice: string;
  readonly modelConfig: ModelConfig;
  readonly merged: boolean;
  readonly loraConfig: LoraConfig;
  readonly loraSeed: number;
  useTask(task: Task): Promise<{ baseValLoss: number }>;
  /** The reader's cleaned list, which the task `own` trains on. */
  setOwnWords(list: { hash: string; words: readonly string[] } | null): void;
  configure(lora: LoraConfig, seed: number): void;
  run(mode: Run, settings: { lr: number; steps: number; task: Task; batchSize: number; seed: number }): Promise<AsyncIterable<StepReport>>;
  setTotalSteps(steps: number): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  samples(which: 'base' | Run, temperature: number): Promise<string[]>;
  merge(task: Task): Promise<MergeResult>;
  unmerge(): void;
  differenceFromBase(): number;
  exportAdapter(meta: Record<string, unknown>): Uint8Array;
  /** Reads and checks a whole file; changes nothing (throws AdapterFileError). */
  readAdapter(bytes: ArrayBuffer): AdapterFile;
  /** Puts a checked file's A and B in place, in one step. */
  applyAdapter(file: AdapterFile): void;
  liveTensors(): number;
  dispose(): void;
}

export interface ControllerHost {
  /** Called after every change; the host batches it and renders the snapshot. */
  requestUpdate(): void;
  /** Says something to screen readers (the live region). */
  announce(message: string): void;
}

export type OpenSession = (backend: BackendChoice, lora: LoraConfig, seed: number) => Promise<SessionPort>;
