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
import { formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/translate';

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
const shapeText = (shape: unknown, t: Translate) => (Array.isArray(shape) ? shape.slice(0, 4).map((x) => String(x).slice(0, 12)).join(' × ') : t('trainer.fileShapeless'));

/** Checks every tensor entry: a name the config needs, listed once, of its shape, at an aligned position. */
function checkTensors(list: unknown, expected: Map<string, number[]>, lora: LoraConfig): TensorEntry[] {
  const on = { r: lora.r, targets: lora.targets.join(', ') };
  if (!Array.isArray(list)) return fail((t) => t('trainer.fileNoWeights'));
  const seen = new Set<string>();
  for (const entry of list as Array<Partial<TensorEntry> | null>) {
    const name = typeof entry?.name === 'string' ? entry.name : fail((t) => t('trainer.fileUnnamedWeight'));
    const shape = expected.get(name);
    if (!shape) fail((t) => t('trainer.fileNoPlace', { name: name.slice(0, 40), ...on }));
    if (seen.has(name)) fail((t) => t('trainer.fileTwice', { name }));
    seen.add(name);
    if (!sameShape(entry!.shape, shape!)) fail((t) => t('trainer.fileShape', { name, shape: shapeText(entry!.shape, t), needed: shape!.join(' × ') }));
    const offset = entry!.offset;
    if (!Number.isInteger(offset) || offset! < 0 || offset! % 4 !== 0) fail((t) => t('trainer.fileBadPosition', { name }));
  }
  for (const name of expected.keys()) if (!seen.has(name)) fail((t) => t('trainer.fileLacks', { name, ...on }));
  return list as TensorEntry[];
}

/** Reads a file made by encodeAdapterFile for a model of config `model`; throws AdapterFileError if it cannot be used. */
export function decodeAdapterFile(data: ArrayBuffer | Uint8Array, model: ModelConfig): AdapterFile {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const decimals = (x: number, digits: number, t: Translate) => formatNumber(t.lang, x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (bytes.byteLength > MAX_ADAPTER_BYTES) fail((t) => t('trainer.fileTooLarge', { mb: decimals(bytes.byteLength / 2 ** 20, 1, t) }));
  if (bytes.byteLength < 12) fail((t) => t('trainer.fileTooShort'));
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== ADAPTER_MAGIC) {
    fail((t) => (bytes[0] === 0x7b
      ? t('trainer.fileJson', { extension: ADAPTER_EXTENSION, button: t('trainer.download') })
      : t('trainer.fileNotAdapter', { extension: ADAPTER_EXTENSION })));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  if (length > MAX_MANIFEST_BYTES) {
    fail((t) => t('trainer.fileLongDescription', { kb: formatNumber(t.lang, Math.round(length / 1024), { useGrouping: false }) }));
  }
  if (12 + length > bytes.byteLength) fail((t) => t('trainer.fileCutShort'));
  let manifest: CheckpointManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    return fail((t) => t('trainer.fileBadJson'));
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) fail((t) => t('trainer.fileNotObject'));
  if (manifest.format !== CHECKPOINT_FORMAT || manifest.kind !== 'lora') fail((t) => t('trainer.fileWrongFormat', { format: CHECKPOINT_FORMAT }));
  const made = manifest.modelConfig;
  if (made !== undefined && (typeof made !== 'object' || made === null || (Object.keys(model) as Array<keyof ModelConfig>).some((key) => made[key] !== model[key]))) {
    fail((t) => t('trainer.fileOtherModel'));
  }
  const metadata = readAdapterMetadata(manifest);
  const lora = metadata.lora;
  const start = pad4(12 + length);
  const weightBytes = bytes.byteLength - start;
  const expected = expectedShapes(model, lora);
  const tensors = checkTensors(manifest.tensors, expected, lora);
  const needed = 4 * [...expected.values()].reduce((n, shape) => n + shape[0] * shape[1], 0);
  if (manifest.byteLength !== weightBytes || weightBytes !== needed) {
    const sizes = { needed, held: weightBytes, r: lora.r, targets: lora.targets.join(', '), says: String(manifest.byteLength).slice(0, 12) };
    fail((t) => (manifest.byteLength !== weightBytes ? t('trainer.fileByteCountSays', sizes) : t('trainer.fileByteCount', sizes)));
  }
  for (const { name, shape, offset } of tensors) {
    if (offset + 4 * shape[0] * shape[1] > weightBytes) fail((t) => t('trainer.filePastEnd', { name }));
  }
  let factors: NamedArrays;
  try {
    factors = decodeTensors(tensors, bytes.subarray(start));
  } catch (e) {
    return fail((t) => t('trainer.fileUnreadableWeights', { error: (e as Error).message }));
  }
  for (const [name, { data }] of Object.entries(factors)) {
    if (!data.every(Number.isFinite)) fail((t) => t('trainer.fileNotFinite', { name }));
  }
  return { manifest, lora, metadata, factors };
}
