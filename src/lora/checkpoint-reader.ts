/**
 * Reading checkpoints without tfjs: the float32 format of checkpoint.ts, decoded into plain arrays.
 * checkpoint.ts decodes through here too; the analysis widgets (subspace overlap, ΔW against W, rank sweep)
 * and the build-time fallbacks import only this, so a page that only looks at adapters never loads tfjs.
 */
import type { CheckpointManifest, TensorEntry } from './checkpoint';
import type { LoraTarget } from './config';
import type { NamedArrays } from './model';

/** The inverse of encodeTensors (checkpoint.ts): name -> shape and little-endian float32 data. */
export function decodeTensors(tensors: readonly TensorEntry[], buffer: ArrayBuffer | Uint8Array): NamedArrays {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: NamedArrays = {};
  for (const { name, shape, offset } of tensors) {
    // A second entry of one name would silently replace the first, whatever its shape.
    if (Object.hasOwn(out, name)) throw new Error(`${name} is listed twice`);
    if (!Array.isArray(shape) || !shape.every((x) => Number.isInteger(x) && x >= 0)) throw new Error(`${name}: its shape is not a list of sizes`);
    if (!Number.isInteger(offset) || offset < 0) throw new Error(`${name}: its position is not a whole number of bytes`);
    const n = shape.reduce((a, b) => a * b, 1);
    if (offset + 4 * n > bytes.byteLength) throw new Error(`${name}: weights file is too short`);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = view.getFloat32(offset + 4 * i, true);
    out[name] = { shape: shape.slice(), data };
  }
  return out;
}

/** A 2-D tensor as number[][] (row-major, as stored). */
export function rowsOf(tensor: { shape: number[]; data: Float32Array }): number[][] {
  const [m, n] = tensor.shape;
  if (tensor.shape.length !== 2) throw new Error(`expected a matrix, got shape ${tensor.shape.join('x')}`);
  return Array.from({ length: m }, (_, i) => Array.from(tensor.data.subarray(i * n, (i + 1) * n)));
}

/** One run in public/models/adapters/index.json (written by scripts/adapters.ts). */
export interface AdapterRunSummary {
  name: string;
  manifest: string;
  r: number;
  alpha: number;
  targets: LoraTarget[];
  seed: number;
  trainableParams: number;
  validationLoss: number;
  gapClosed: number;
  curve: Array<[number, number]>;
  samplesTemperature08?: string[];
  wallSeconds?: number;
}

export interface AdapterIndex {
  task: { corpus: string; validationFraction: number; splitSeed: number; trainWords: number; validationWords: number };
  base: { manifest: string; validationLossOnTask: number; englishValidationLoss?: number };
  training: { steps: number; batchSize: number; learningRate: number; alpha: number; backend: string };
  lossUnit: string;
  fullFineTune: { steps: number; learningRate: number; trainableParams: number; validationLoss: number } | null;
  runs: AdapterRunSummary[];
}

/** A manifest and the bytes of its weights file. */
export interface CheckpointFiles {
  manifest: CheckpointManifest;
  bytes: ArrayBuffer | Uint8Array;
}

/** The run name scripts/adapters.ts gives a rank, target list and seed: "r8-wq-wv-s1". */
export function adapterRunName(r: number, targets: readonly string[], seed: number): string {
  return `r${r}-${targets.join('-')}-s${seed}`;
}

/** Seeds of the r = 8 and r = 64 {Wq, Wv} runs that scripts/adapters.ts trains and lesson 7 compares in pairs. */
export const SUBSPACE_SEEDS = [1, 2, 3];
