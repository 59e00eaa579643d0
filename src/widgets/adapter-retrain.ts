/**
 * "Retrain in my browser" for the lesson-7 widgets: trains fresh LoRA adapters on the dinosaur task with the
 * recipe of scripts/adapters.ts (Adam, lr 1e-2, batch 64, alpha 8, the same train/validation split), only
 * for fewer steps. Loaded by dynamic import when a reader presses Retrain, so tfjs reaches no page before.
 * Backend: tf-backend.ts (WebGL, else WebAssembly, else plain JavaScript).
 */
import {
  DEFAULT_LEARNING_RATE, DEFAULT_LORA_CONFIG, Trainer, TinyGpt, evaluateLoss, fetchCheckpoint, loadWordList, makeDatasets,
  modelFromCheckpoint, type LoraTarget, type NamedArrays, type WindowSet,
} from '../lora/index';
import { startBackend } from './tf-backend';
import { assetUrl } from './asset-url';

/** The shipped runs' recipe (public/models/adapters/index.json, "training"). */
export const RECIPE = { batchSize: 64, alpha: 8, learningRate: DEFAULT_LEARNING_RATE.lora, validationFraction: 0.1, splitSeed: 1 };

export interface RetrainSpec {
  r: number;
  targets: LoraTarget[];
  seed: number;
}

export interface RetrainProgress {
  /** Which run (0-based) of how many. */
  run: number;
  runs: number;
  step: number;
  totalSteps: number;
  trainLoss: number;
  stepsPerSecond: number;
}

export interface RetrainedAdapter {
  spec: RetrainSpec;
  /** A and B by name ("block0.wq.A"), paper shapes, as checkpoint-reader gives shipped ones. */
  tensors: NamedArrays;
  scale: number;
  steps: number;
  validationLoss: number;
}

/** What the retraining is doing, for the panel to put in words. */
export type RetrainStatusReport =
  | { kind: 'starting' }
  | { kind: 'training'; r: number; seed: number; backend: string }
  | { kind: 'measuring' };

export interface RetrainOutcome {
  backend: string;
  notice: string;
  adapters: RetrainedAdapter[];
  /** True when Cancel stopped it; `adapters` then holds only the runs that finished. */
  cancelled: boolean;
}

interface Session {
  backend: string;
  notice: string;
  weights: NamedArrays;
  config: TinyGpt['config'];
  data: { train: WindowSet; validation: WindowSet };
}

let session: Promise<Session> | null = null;

/** Backend, base weights and the task's windows: loaded once per page. */
function openSession(): Promise<Session> {
  session ??= (async () => {
    const { backend, notice } = await startBackend('auto');
    const { manifest, bytes } = await fetchCheckpoint(assetUrl('models/base/manifest.json'));
    const probe = modelFromCheckpoint(manifest, bytes);
    const weights = probe.getWeights();
    const config = probe.config;
    probe.dispose();
    const words = await loadWordList(assetUrl('models/corpora/dinosaurs.json'));
    const data = makeDatasets(words, { contextLength: config.contextLength, validationFraction: RECIPE.validationFraction, seed: RECIPE.splitSeed });
    return { backend, notice, weights, config, data };
  })();
  session.catch(() => { session = null; });
  return session;
}

/** Trains each spec in turn for `steps` steps; reports every step; stops between steps when `signal` aborts. */
export async function retrainAdapters(specs: RetrainSpec[], options: {
  steps: number;
  signal?: AbortSignal;
  onProgress?: (p: RetrainProgress) => void;
  onStatus?: (status: RetrainStatusReport) => void;
}): Promise<RetrainOutcome> {
  options.onStatus?.({ kind: 'starting' });
  const s = await openSession();
  const adapters: RetrainedAdapter[] = [];
  for (const [run, spec] of specs.entries()) {
    if (options.signal?.aborted) break;
    const model = new TinyGpt(s.config, { weights: s.weights });
    const lora = { ...DEFAULT_LORA_CONFIG, r: spec.r, alpha: RECIPE.alpha, targets: spec.targets };
    const attachment = model.attachLora(lora, spec.seed);
    const trainer = new Trainer(model, s.data, {
      mode: 'lora', learningRate: RECIPE.learningRate, batchSize: RECIPE.batchSize, totalSteps: options.steps,
      evalEvery: 0, evalWindows: s.data.validation.count, seed: spec.seed,
    });
    const stop = () => trainer.cancel();
    options.signal?.addEventListener('abort', stop);
    try {
      options.onStatus?.({ kind: 'training', r: spec.r, seed: spec.seed, backend: s.backend });
      for await (const report of trainer.run()) {
        options.onProgress?.({ run, runs: specs.length, step: report.step, totalSteps: options.steps,
          trainLoss: report.trainLoss, stepsPerSecond: report.stepsPerSecond });
      }
      if (trainer.step === options.steps) {
        options.onStatus?.({ kind: 'measuring' });
        const validationLoss = await evaluateLoss(model, s.data.validation, s.data.validation.count, RECIPE.batchSize);
        const tensors: NamedArrays = {};
        for (const { name, A, B } of attachment.factors()) {
          tensors[`${name}.A`] = A;
          tensors[`${name}.B`] = B;
        }
        adapters.push({ spec, tensors, scale: attachment.adapters[0]?.adapter.scale ?? RECIPE.alpha / spec.r, steps: options.steps, validationLoss });
      }
    } finally {
      options.signal?.removeEventListener('abort', stop);
      trainer.dispose();
      model.dispose();
    }
  }
  return { backend: s.backend, notice: s.notice, adapters, cancelled: adapters.length < specs.length };
}
