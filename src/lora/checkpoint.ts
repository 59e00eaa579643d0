/**
 * Checkpoints: one little-endian float32 blob plus a JSON manifest listing each tensor's name,
 * shape and byte offset, and whatever metadata the writer adds (config, losses, provenance).
 * Pure functions over ArrayBuffers, so Node writes with fs and the browser reads with fetch().
 */
import type { LoraConfig, ModelConfig } from './config';
import type { LoraAttachment } from './lora';
import { type NamedArrays, TinyGpt } from './model';
import { decodeTensors } from './checkpoint-reader';

export const CHECKPOINT_FORMAT = 'rankbook-f32/1';

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Byte offset into the weights file. */
  offset: number;
}

export interface CheckpointManifest {
  format: typeof CHECKPOINT_FORMAT;
  kind: 'base' | 'lora';
  /** Weights file, relative to the manifest. */
  weightsFile: string;
  byteLength: number;
  tensors: TensorEntry[];
  /** Present for kind 'base' (and copied into adapters for checking). */
  modelConfig?: ModelConfig;
  /** Present for kind 'lora'. */
  lora?: LoraConfig;
  [meta: string]: unknown;
}

export function encodeTensors(arrays: NamedArrays): { tensors: TensorEntry[]; bytes: Uint8Array } {
  const names = Object.keys(arrays);
  const total = names.reduce((n, k) => n + arrays[k].data.length * 4, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const name of names) {
    const { shape, data } = arrays[name];
    if (shape.reduce((a, b) => a * b, 1) !== data.length) throw new Error(`${name}: shape ${shape} does not match ${data.length} values`);
    tensors.push({ name, shape: shape.slice(), offset });
    for (let i = 0; i < data.length; i++) view.setFloat32(offset + 4 * i, data[i], true);
    offset += data.length * 4;
  }
  return { tensors, bytes };
}

/** Manifest + bytes for a model's base weights. */
export function packModel(model: TinyGpt, meta: Record<string, unknown> = {}, weightsFile = 'weights.bin') {
  const { tensors, bytes } = encodeTensors(model.getWeights());
  const manifest: CheckpointManifest = {
    ...meta,
    format: CHECKPOINT_FORMAT,
    kind: 'base',
    modelConfig: model.config,
    weightsFile,
    byteLength: bytes.byteLength,
    tensors,
  };
  return { manifest, bytes };
}

/** Manifest + bytes for an attachment's A and B (paper shapes: A r x k, B d x r). */
export function packAdapters(attachment: LoraAttachment, meta: Record<string, unknown> = {}, weightsFile = 'adapter.bin') {
  const arrays: NamedArrays = {};
  for (const { name, A, B } of attachment.factors()) {
    arrays[`${name}.A`] = A;
    arrays[`${name}.B`] = B;
  }
  const { tensors, bytes } = encodeTensors(arrays);
  const manifest: CheckpointManifest = {
    ...meta,
    format: CHECKPOINT_FORMAT,
    kind: 'lora',
    lora: attachment.config,
    weightsFile,
    byteLength: bytes.byteLength,
    tensors,
  };
  return { manifest, bytes };
}

function checkManifest(manifest: CheckpointManifest, kind: 'base' | 'lora'): void {
  if (manifest.format !== CHECKPOINT_FORMAT) throw new Error(`unknown checkpoint format ${String(manifest.format)}`);
  if (manifest.kind !== kind) throw new Error(`expected a ${kind} checkpoint, got ${manifest.kind}`);
}

/** A model from a base manifest and its weights file's bytes. */
export function modelFromCheckpoint(manifest: CheckpointManifest, bytes: ArrayBuffer | Uint8Array): TinyGpt {
  checkManifest(manifest, 'base');
  if (!manifest.modelConfig) throw new Error('base checkpoint lacks modelConfig');
  return new TinyGpt(manifest.modelConfig, { weights: decodeTensors(manifest.tensors, bytes) });
}

/** Attach a saved adapter to a model (which must have no attachment yet). */
export function attachAdaptersFromCheckpoint(model: TinyGpt, manifest: CheckpointManifest, bytes: ArrayBuffer | Uint8Array): LoraAttachment {
  checkManifest(manifest, 'lora');
  if (!manifest.lora) throw new Error('adapter checkpoint lacks its LoRA config');
  const attachment = model.attachLora(manifest.lora);
  try {
    attachment.setFactors(decodeTensors(manifest.tensors, bytes));
  } catch (e) {
    model.detachLora();
    throw e;
  }
  return attachment;
}

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Fetch a manifest and its weights file (browser, worker, or Node 18+ with an http server). */
export async function fetchCheckpoint(
  manifestUrl: string,
  fetchFn: Fetch = (u) => fetch(u),
): Promise<{ manifest: CheckpointManifest; bytes: ArrayBuffer }> {
  const res = await fetchFn(manifestUrl);
  if (!res.ok) throw new Error(`${manifestUrl}: HTTP ${res.status}`);
  const manifest = (await res.json()) as CheckpointManifest;
  const url = /^[a-z]+:/i.test(manifestUrl)
    ? new URL(manifest.weightsFile, manifestUrl).toString()
    : relativeTo(manifestUrl, manifest.weightsFile);
  const wres = await fetchFn(url);
  if (!wres.ok) throw new Error(`${url}: HTTP ${wres.status}`);
  const bytes = await wres.arrayBuffer();
  if (bytes.byteLength !== manifest.byteLength) throw new Error(`${url}: ${bytes.byteLength} bytes, manifest says ${manifest.byteLength}`);
  return { manifest, bytes };
}

/** "models/base/manifest.json" + "weights.bin" -> "models/base/weights.bin". */
function relativeTo(manifestUrl: string, file: string): string {
  const cut = manifestUrl.lastIndexOf('/');
  return cut < 0 ? file : manifestUrl.slice(0, cut + 1) + file;
}

/** Fetch and build a base model: `await loadModel('/models/base/manifest.json')`. */
export async function loadModel(manifestUrl: string, fetchFn?: Fetch): Promise<{ model: TinyGpt; manifest: CheckpointManifest }> {
  const { manifest, bytes } = await fetchCheckpoint(manifestUrl, fetchFn);
  return { model: modelFromCheckpoint(manifest, bytes), manifest };
}

/** Fetch a saved adapter and attach it: `await loadAdapters(model, '/models/adapters/r8-wq-wv-s1.json')`. */
export async function loadAdapters(model: TinyGpt, manifestUrl: string, fetchFn?: Fetch): Promise<{ attachment: LoraAttachment; manifest: CheckpointManifest }> {
  const { manifest, bytes } = await fetchCheckpoint(manifestUrl, fetchFn);
  return { attachment: attachAdaptersFromCheckpoint(model, manifest, bytes), manifest };
}

/** A word list written by scripts/adapters.ts (public/models/corpora/*.json). */
export async function loadWordList(url: string, fetchFn: Fetch = (u) => fetch(u)): Promise<string[]> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const body = (await res.json()) as { words?: unknown };
  if (!Array.isArray(body.words)) throw new Error(`${url}: no "words" array`);
  return body.words.map(String);
}
