/**
 * The trainer's downloadable adapter: one file holding a checkpoint manifest (src/lora/checkpoint.ts,
 * kind 'lora') and the float32 A and B it lists.
 *   bytes 0-7   "RBLORA01"
 *   bytes 8-11  manifest length H (uint32, little-endian)
 *   then        H bytes of UTF-8 JSON, zero-padded to a multiple of 4
 *   then        the weights, as the manifest's tensors and byteLength say
 * Reading checks the whole file (every entry, every shape against the declared r and targets, every metadata
 * field) and returns a complete plan before anything is used, so the trainer applies a file in one step or not
 * at all; it says in words what is wrong with a bad file. Every part it reads is bounded first: the description
 * by MAX_MANIFEST_BYTES, its histories by MAX_HISTORY, the weights by the shapes the settings imply, so reading
 * the largest file that passes stays a task of a few milliseconds.
 */
import { CHECKPOINT_FORMAT, type CheckpointManifest, type TensorEntry } from '../lora/checkpoint';
import { decodeTensors } from '../lora/checkpoint-reader';
import { LORA_TARGETS, type LoraConfig, type ModelConfig } from '../lora/config';
import type { NamedArrays } from '../lora/model';
import { fail, readAdapterMetadata, type AdapterMetadata } from './adapter-metadata';

export { AdapterFileError } from './adapter-metadata';

export const ADAPTER_MAGIC = 'RBLORA01';
export const ADAPTER_EXTENSION = '.rblora';
/** r = 64 on every matrix of the shipped model is about 1.2 MB; nothing real comes near this. */
export const MAX_ADAPTER_BYTES = 8 * 1024 * 1024;
/**
 * The description (tensor list, settings, two loss histories of at most MAX_HISTORY entries) is a few tens of
 * KB; a longer one is refused before it is parsed, so parsing can never hold the page.
 */
export const MAX_MANIFEST_BYTES = 256 * 1024;

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

/** A file that passed every check: what the trainer applies, all at once. */
export interface AdapterFile {
  manifest: CheckpointManifest;
  /** The config the trainer builds from the file's settings. */
  lora: LoraConfig;
  metadata: AdapterMetadata;
  /** A (r x k) and B (d x r) by name, "block0.wq.A", exactly the set `lora` needs, each of its shape. */
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

const sameShape = (a: unknown, b: number[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
const shapeText = (shape: unknown) => (Array.isArray(shape) ? shape.slice(0, 4).map((x) => String(x).slice(0, 12)).join(' × ') : 'of no shape');

/** Checks every tensor entry: a name the config needs, listed once, of its shape, at an aligned position. */
function checkTensors(list: unknown, expected: Map<string, number[]>, lora: LoraConfig): TensorEntry[] {
  if (!Array.isArray(list)) return fail('The file lists no weights.');
  const seen = new Set<string>();
  for (const entry of list as Array<Partial<TensorEntry> | null>) {
    const name = typeof entry?.name === 'string' ? entry.name : fail('The file lists a weight with no name.');
    const shape = expected.get(name);
    if (!shape) fail(`The file holds ${name.slice(0, 40)}, which rank ${lora.r} on ${lora.targets.join(', ')} has no place for.`);
    if (seen.has(name)) fail(`The file lists ${name} twice.`);
    seen.add(name);
    if (!sameShape(entry!.shape, shape!)) fail(`${name} is ${shapeText(entry!.shape)} in the file; this model needs ${shape!.join(' × ')}.`);
    const offset = entry!.offset;
    if (!Number.isInteger(offset) || offset! < 0 || offset! % 4 !== 0) fail(`${name} has a bad position in the file.`);
  }
  for (const name of expected.keys()) if (!seen.has(name)) fail(`The file lacks ${name}, which rank ${lora.r} on ${lora.targets.join(', ')} needs.`);
  return list as TensorEntry[];
}

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
  if (length > MAX_MANIFEST_BYTES) {
    fail(`The adapter’s description is ${(length / 1024).toFixed(0)} KB; a real one is a few tens of KB (its loss histories hold at most one entry per step).`);
  }
  if (12 + length > bytes.byteLength) fail('The file is cut short: its description runs past its end.');
  let manifest: CheckpointManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    return fail('The adapter’s description is not valid JSON; the file is damaged.');
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) fail('The adapter’s description is not an object; the file is damaged.');
  if (manifest.format !== CHECKPOINT_FORMAT || manifest.kind !== 'lora') fail(`The file is not a LoRA adapter in the ${CHECKPOINT_FORMAT} format.`);
  const made = manifest.modelConfig;
  if (made !== undefined && (typeof made !== 'object' || made === null || (Object.keys(model) as Array<keyof ModelConfig>).some((key) => made[key] !== model[key]))) {
    fail('The adapter was made for a different base model (its sizes do not match this one).');
  }
  const metadata = readAdapterMetadata(manifest);
  const lora = metadata.lora;
  const start = pad4(12 + length);
  const weightBytes = bytes.byteLength - start;
  const expected = expectedShapes(model, lora);
  const tensors = checkTensors(manifest.tensors, expected, lora);
  const needed = 4 * [...expected.values()].reduce((n, shape) => n + shape[0] * shape[1], 0);
  if (manifest.byteLength !== weightBytes || weightBytes !== needed) {
    fail(`The file should hold ${needed} bytes of weights for rank ${lora.r} on ${lora.targets.join(', ')} but holds ${weightBytes}${manifest.byteLength !== weightBytes ? ` (and says ${String(manifest.byteLength).slice(0, 12)})` : ''}: it is damaged or cut short.`);
  }
  for (const { name, shape, offset } of tensors) {
    if (offset + 4 * shape[0] * shape[1] > weightBytes) fail(`${name} has a bad position in the file: it runs past the end of the weights.`);
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
  return { manifest, lora, metadata, factors };
}
