/**
 * The trainer's downloadable adapter: one file holding a checkpoint manifest (src/lora/checkpoint.ts,
 * kind 'lora') and the float32 A and B it lists.
 *   bytes 0-7   "RBLORA01"
 *   bytes 8-11  manifest length H (uint32, little-endian)
 *   then        H bytes of UTF-8 JSON, zero-padded to a multiple of 4
 *   then        the weights, as the manifest's tensors and byteLength say
 * Reading checks everything before anything is used, and says in words what is wrong with a bad file.
 */
import { CHECKPOINT_FORMAT, type CheckpointManifest } from '../lora/checkpoint';
import { decodeTensors } from '../lora/checkpoint-reader';
import { LORA_TARGETS, type LoraConfig, type ModelConfig, validateLoraConfig } from '../lora/config';
import type { NamedArrays } from '../lora/model';
import { RULES } from './lora-trainer-settings';

export const ADAPTER_MAGIC = 'RBLORA01';
export const ADAPTER_EXTENSION = '.rblora';
/** r = 64 on every matrix of the shipped model is about 1.2 MB; nothing real comes near this. */
export const MAX_ADAPTER_BYTES = 8 * 1024 * 1024;

export class AdapterFileError extends Error {}

const pad4 = (n: number) => (n + 3) & ~3;

/** One file from a manifest and its weights (packAdapters' output, with extra metadata merged in). */
export function encodeAdapterFile(manifest: CheckpointManifest, weights: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ ...manifest, weightsFile: '(this file)' }));
  const start = pad4(12 + json.length);
  const out = new Uint8Array(start + weights.byteLength);
  out.set(new TextEncoder().encode(ADAPTER_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(weights, start);
  return out;
}

export interface AdapterFile {
  manifest: CheckpointManifest;
  lora: LoraConfig;
  /** A (r x k) and B (d x r) by name, "block0.wq.A". */
  factors: NamedArrays;
}

/** The tensor names and shapes a LoRA config needs on a model of this config. */
export function expectedShapes(model: ModelConfig, lora: Pick<LoraConfig, 'r' | 'targets'>): Map<string, number[]> {
  const { dModel: d, mlpHidden: h } = model;
  const shapes = new Map<string, number[]>();
  for (let block = 0; block < model.nLayers; block++) {
    for (const target of LORA_TARGETS) {
      if (!lora.targets.includes(target)) continue;
      const [k, out] = target === 'mlpUp' ? [d, h] : target === 'mlpDown' ? [h, d] : [d, d];
      shapes.set(`block${block}.${target}.A`, [lora.r, k]);
      shapes.set(`block${block}.${target}.B`, [out, lora.r]);
    }
  }
  return shapes;
}

const fail = (message: string): never => {
  throw new AdapterFileError(message);
};

/** Reads a file made by encodeAdapterFile for a model of config `model`; throws AdapterFileError if it cannot be used. */
export function decodeAdapterFile(data: ArrayBuffer | Uint8Array, model: ModelConfig): AdapterFile {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteLength > MAX_ADAPTER_BYTES) fail(`That file is ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB; an adapter for this model is at most a few hundred KB.`);
  if (bytes.byteLength < 12) fail('That file is too short to be an adapter.');
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== ADAPTER_MAGIC) {
    fail(bytes[0] === 0x7b
      ? `That is a JSON file; the trainer reads the single ${ADAPTER_EXTENSION} file its “Download adapter” button saves.`
      : `That is not a Rankbook adapter (a ${ADAPTER_EXTENSION} file saved by this trainer).`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  if (12 + length > bytes.byteLength) fail('The file is cut short: its description runs past its end.');
  let manifest: CheckpointManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    return fail('The adapter’s description is not valid JSON; the file is damaged.');
  }
  if (typeof manifest !== 'object' || manifest === null) fail('The adapter’s description is not an object; the file is damaged.');
  if (manifest.format !== CHECKPOINT_FORMAT || manifest.kind !== 'lora') fail(`The file is not a LoRA adapter in the ${CHECKPOINT_FORMAT} format.`);
  const lora = manifest.lora;
  if (!lora || typeof lora !== 'object') return fail('The file does not say its rank and target matrices.');
  try {
    validateLoraConfig(lora);
  } catch (e) {
    fail(`The file’s settings cannot be used: ${(e as Error).message}.`);
  }
  if (lora.r > RULES.r.max) fail(`The adapter has rank ${lora.r}; this trainer goes up to ${RULES.r.max}.`);
  const made = manifest.modelConfig;
  if (made && (Object.keys(model) as Array<keyof ModelConfig>).some((key) => made[key] !== model[key])) {
    fail('The adapter was made for a different base model (its sizes do not match this one).');
  }
  const expected = expectedShapes(model, lora);
  const tensors = Array.isArray(manifest.tensors) ? manifest.tensors : fail('The file lists no weights.');
  const names = new Set(tensors.map((t) => t?.name));
  for (const [name, shape] of expected) {
    const entry = tensors.find((t) => t?.name === name);
    if (!entry) fail(`The file lacks ${name}, which rank ${lora.r} on ${lora.targets.join(', ')} needs.`);
    if (!Array.isArray(entry!.shape) || entry!.shape.join('×') !== shape.join('×')) {
      fail(`${name} is ${Array.isArray(entry!.shape) ? entry!.shape.join(' × ') : 'of no shape'} in the file; this model needs ${shape.join(' × ')}.`);
    }
    if (!Number.isInteger(entry!.offset) || entry!.offset < 0 || entry!.offset % 4 !== 0) fail(`${name} has a bad position in the file.`);
  }
  if (names.size !== expected.size) fail('The file holds weights this model has no place for.');
  const start = pad4(12 + length);
  if (manifest.byteLength !== bytes.byteLength - start) {
    fail(`The file should hold ${manifest.byteLength} bytes of weights but holds ${bytes.byteLength - start}: it is damaged or cut short.`);
  }
  let factors: NamedArrays;
  try {
    factors = decodeTensors(tensors, bytes.subarray(start));
  } catch (e) {
    return fail(`The weights could not be read: ${(e as Error).message}.`);
  }
  for (const [name, { data }] of Object.entries(factors)) {
    if (!data.every(Number.isFinite)) fail(`${name} holds values that are not finite numbers.`);
  }
  return { manifest, lora, factors };
}
