/**
 * Reference curves for the loss chart, from public/models/adapters/index.json (written by scripts/adapters.ts):
 * the shipped full fine-tune, and the shipped LoRA run of the recipe the reader has set, if there is one.
 * With the default settings the reader's run repeats the shipped one, so the curves should lie on each other.
 * Pure: the index comes in as data.
 */
import type { AdapterIndex, AdapterRunSummary } from '../../lora/checkpoint-reader';
import { loraTargets, type TrainerSettings } from '../lora-trainer-settings';

export interface ReferenceCurve {
  kind: 'lora' | 'full';
  /** The legend's words: "shipped r = 8", "shipped full". */
  label: string;
  /** The run name in the index ("r8-wq-wv-s1"), or 'full'. */
  name: string;
  /** The seed it was trained from: the trainer uses it so that its run is the same run. */
  seed: number;
  /** [step, validation loss], step 0 being the base model. */
  points: Array<[number, number]>;
}

const validCurve = (curve: unknown): curve is Array<[number, number]> =>
  Array.isArray(curve) && curve.length > 0 && curve.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite));

/** The shipped LoRA run with these settings' rank, alpha, learning rate and matrices (lowest seed first). */
export function matchingRun(index: AdapterIndex, settings: TrainerSettings): AdapterRunSummary | null {
  if (settings.task !== 'dinosaurs') return null;
  if (settings.lr !== index.training.learningRate) return null;
  const targets = loraTargets(settings.targets).slice().sort().join();
  const runs = index.runs.filter((run) => run.r === settings.r && run.alpha === settings.alpha &&
    run.targets.slice().sort().join() === targets && validCurve(run.curve));
  return runs.sort((a, b) => a.seed - b.seed)[0] ?? null;
}

export function referenceCurves(index: AdapterIndex | null, settings: TrainerSettings): ReferenceCurve[] {
  if (!index || settings.task !== 'dinosaurs') return [];
  const curves: ReferenceCurve[] = [];
  const run = matchingRun(index, settings);
  if (run) curves.push({ kind: 'lora', label: `shipped r = ${run.r}`, name: run.name, seed: run.seed, points: run.curve.map(([x, y]) => [x, y]) });
  const full = index.fullFineTune as (AdapterIndex['fullFineTune'] & { curve?: unknown; seed?: number }) | null;
  if (full && validCurve(full.curve)) {
    curves.push({ kind: 'full', label: 'shipped full', name: 'full', seed: full.seed ?? 1, points: full.curve.map(([x, y]) => [x, y]) });
  }
  return curves;
}
