/**
 * The trainer's state: the controller's snapshot (one phase instead of separate flags) and the flat JSON that
 * el.state, the change event, embeds and tests read. No DOM, no tfjs.
 */
import type { BackendChoice, TrainerSettings } from '../lora-trainer-settings';
import type { BackendName } from '../tf-backend-choice';
import type { MergeResult } from './session';
import type { ReferenceCurve } from './references';
import type { CleanedWordList } from '../../lora/word-list';

export type Run = 'lora' | 'full';
/** A tfjs job besides training; el.state names it by this code, the status line in the reader's words. */
export type BusyJob = 'sampling' | 'loading the names' | 'merging and timing' | 'unmerging' | 'loading the adapter' | 'resetting';
export type PausedBy = 'button' | 'scroll';

/** Where the trainer is. `starting`: Train was pressed and the run is being set up (a second press does nothing). */
export type Phase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'starting'; run: Run }
  | { kind: 'training'; run: Run }
  | { kind: 'paused'; run: Run; by: PausedBy }
  | { kind: 'done'; run: Run }
  | { kind: 'error'; message: string };

/** One run's losses: one a step, and validation as [step, loss] (step 0: the base model). */
export interface Curve {
  train: number[];
  val: Array<[number, number]>;
  step: number;
}

/** Where a message is shown: next to a setting, the own list, the file input, or the Train buttons. */
export type MessageSlot = 'r' | 'alpha' | 'lr' | 'steps' | 'task' | 'list' | 'listFile' | 'targets' | 'backend' | 'file' | 'train';

/** The reader's own list as cleaned (word-list.ts). It stays in the page: el.state carries its counts and hash, never the words. */
export interface OwnList {
  words: readonly string[];
  hash: string;
  cleaning: Omit<CleanedWordList, 'words'>;
  /** The text as given, for "keep it" (localStorage). */
  text: string;
  /** Where it came from: 'pasted', or the file's name. */
  origin: string;
}

/** What el.state says of the own list. */
export interface OwnListSummary {
  words: number;
  hash: string;
  origin: string;
  cleaning: Omit<CleanedWordList, 'words'>;
}

export interface TrainerSnapshot {
  phase: Phase;
  /** A tfjs job under way besides training ('sampling', 'merging and timing', ...), '' when none. */
  busy: BusyJob | '';
  settings: TrainerSettings;
  temperature: number;
  backendChoice: BackendChoice;
  backend: BackendName | null;
  backendNotice: string;
  /** Measured LoRA steps a second on each backend that has trained in this page. */
  backendRates: Partial<Record<BackendName, number>>;
  /** Seconds from starting to load until the base model's samples were shown, null before. */
  readySeconds: number | null;
  /** `offset`: the steps a loaded adapter had already taken. */
  curves: { lora: Curve & { offset: number }; full: Curve };
  baseValLoss: number | null;
  stepsPerSecond: number | null;
  /** Steps a second over the last run including evaluations and sample refreshes (wall clock). */
  wallStepsPerSecond: number | null;
  /** Share of the last run's wall time spent redrawing the samples while it trained (budget: SAMPLE_BUDGET). */
  sampleRefreshShare: number | null;
  samples: { before: string[]; after: string[]; afterStep: number; full: string[]; temperature: number };
  references: ReferenceCurve[];
  merged: boolean;
  merge: MergeResult | null;
  resetDifference: number | null;
  tensors: number | null;
  trainableParams: number;
  totalParams: number;
  messages: Partial<Record<MessageSlot, string>>;
  fileResult: string;
  ownList: OwnList | null;
  /** The reader ticked "keep it": the list is kept in localStorage for the next visit. */
  keepOwnList: boolean;
}

export type TrainerStatus = 'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'done' | 'error';

export interface LoraTrainerState extends TrainerSettings {
  backendChoice: BackendChoice;
  /** The tfjs backend in use ('webgl', 'wasm', 'cpu'), null until tfjs has loaded. */
  backend: string | null;
  /** Why the backend is not WebGL on a graphics card, '' when it is. */
  backendNotice: string;
  backendRates: Partial<Record<BackendName, number>>;
  readySeconds: number | null;
  status: TrainerStatus;
  /** Why training is paused: the Pause button, or the widget scrolled out of view. */
  pausedBy: PausedBy | null;
  /** Which run the status is about. */
  run: Run | null;
  busy: string;
  /** LoRA steps taken (counting an adapter's steps when one was loaded). */
  step: number;
  trainLoss: number[];
  /** Validation loss (whole validation split), oldest first; valSteps says at which step each was taken (0: base model). */
  valLoss: number[];
  valSteps: number[];
  baseValLoss: number | null;
  fullStep: number;
  fullTrainLoss: number[];
  fullValLoss: number[];
  fullValSteps: number[];
  stepsPerSecond: number | null;
  wallStepsPerSecond: number | null;
  sampleRefreshShare: number | null;
  trainableParams: number;
  totalParams: number;
  /** Adam's two float32 moments per trainable number. */
  optimizerStateBytes: number;
  fullOptimizerStateBytes: number;
  temperature: number;
  samplesBefore: string[];
  samplesAfter: string[];
  /** The LoRA step the "after" samples were drawn at (they refresh during training). */
  samplesAfterStep: number;
  samplesFull: string[];
  /** Shipped runs drawn as reference curves: their labels and [step, validation loss]. */
  references: ReferenceCurve[];
  merged: boolean;
  merge: MergeResult | null;
  /** Largest |weight - downloaded weight| after the last Reset: 0 means the base model exactly. */
  resetDifference: number | null;
  /** Live tfjs tensors (null before tfjs loads), to show that Reset frees what training made. */
  tensors: number | null;
  messages: Partial<Record<MessageSlot, string>>;
  /** What the last save or load of an adapter file did, in words. */
  fileResult: string;
  /** The messages on show, joined; '' when none. */
  message: string;
  /** The reader's own list (task `own`): its size, hash and cleaning, not its words; null before one is given. */
  ownList: OwnListSummary | null;
  keepOwnList: boolean;
}

const runOf = (phase: Phase): Run | null => ('run' in phase ? phase.run : null);

export function statusOf(snapshot: Pick<TrainerSnapshot, 'phase' | 'backend'>): TrainerStatus {
  const { phase } = snapshot;
  if (phase.kind === 'starting') return snapshot.backend ? 'ready' : 'loading';
  return phase.kind;
}

/** The snapshot as plain JSON, in the shape pages and tests have always read. */
export function flatten(s: TrainerSnapshot): LoraTrainerState {
  const { lora, full } = s.curves;
  const phase = s.phase;
  return {
    ...s.settings, targets: s.settings.targets.slice(),
    backendChoice: s.backendChoice, backend: s.backend, backendNotice: s.backendNotice, backendRates: { ...s.backendRates }, readySeconds: s.readySeconds,
    status: statusOf(s), pausedBy: phase.kind === 'paused' ? phase.by : null, run: runOf(phase), busy: s.busy,
    step: lora.step, trainLoss: lora.train.slice(), valLoss: lora.val.map((p) => p[1]), valSteps: lora.val.map((p) => p[0]), baseValLoss: s.baseValLoss,
    fullStep: full.step, fullTrainLoss: full.train.slice(), fullValLoss: full.val.map((p) => p[1]), fullValSteps: full.val.map((p) => p[0]),
    stepsPerSecond: s.stepsPerSecond, wallStepsPerSecond: s.wallStepsPerSecond, sampleRefreshShare: s.sampleRefreshShare,
    trainableParams: s.trainableParams, totalParams: s.totalParams,
    optimizerStateBytes: 8 * s.trainableParams, fullOptimizerStateBytes: 8 * s.totalParams, temperature: s.temperature,
    samplesBefore: s.samples.before.slice(), samplesAfter: s.samples.after.slice(), samplesAfterStep: s.samples.afterStep, samplesFull: s.samples.full.slice(),
    references: s.references.map((r) => ({ ...r, points: r.points.map((p) => [p[0], p[1]] as [number, number]) })),
    merged: s.merged, merge: s.merge, resetDifference: s.resetDifference, tensors: s.tensors,
    messages: { ...s.messages }, fileResult: s.fileResult, message: Object.values(s.messages).filter(Boolean).join(' '),
    ownList: s.ownList ? { words: s.ownList.words.length, hash: s.ownList.hash, origin: s.ownList.origin, cleaning: structuredClone(s.ownList.cleaning) } : null,
    keepOwnList: s.keepOwnList,
  };
}

const running = (s: Pick<LoraTrainerState, 'status'>) => s.status === 'training' || s.status === 'paused';

/** Settings belong to the adapter being trained: they may change only before training starts (or after Reset). */
export const isLocked = (s: Pick<LoraTrainerState, 'status' | 'step' | 'fullStep'>) => s.step > 0 || s.fullStep > 0 || running(s);
