/**
 * The shipped base model and adapters as plain arrays, fetched once per page (several widgets share them).
 * No tfjs: decoding goes through src/lora/checkpoint-reader.ts, so looking at adapters costs no model code.
 */
import type { CheckpointManifest } from '../lora/checkpoint';
import { decodeTensors, type AdapterIndex } from '../lora/checkpoint-reader';
import type { NamedArrays } from '../lora/model';
import { assetUrl } from './asset-url';

export interface LoadedCheckpoint {
  manifest: CheckpointManifest;
  tensors: NamedArrays;
}

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key)); // a failed download can be tried again
  }
  return p;
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not download ${url} (HTTP ${res.status})`);
  return res;
}

async function loadCheckpoint(folder: string, manifestFile: string): Promise<LoadedCheckpoint> {
  const manifest = (await (await fetchOk(assetUrl(`${folder}/${manifestFile}`))).json()) as CheckpointManifest;
  const bytes = await (await fetchOk(assetUrl(`${folder}/${manifest.weightsFile}`))).arrayBuffer();
  if (bytes.byteLength !== manifest.byteLength) throw new Error(`${manifest.weightsFile} is ${bytes.byteLength} bytes; its manifest says ${manifest.byteLength}`);
  return { manifest, tensors: decodeTensors(manifest.tensors, bytes) };
}

/** public/models/adapters/index.json: every shipped run with its validation loss. */
export function loadAdapterIndex(): Promise<AdapterIndex> {
  return once('index', async () => (await fetchOk(assetUrl('models/adapters/index.json'))).json() as Promise<AdapterIndex>);
}

/** One shipped adapter by run name, e.g. "r8-wq-wv-s1". */
export function loadShippedAdapter(name: string): Promise<LoadedCheckpoint> {
  return once(`adapter:${name}`, () => loadCheckpoint('models/adapters', `${name}.json`));
}

/** The pretrained base model's weights (about 1.6 MB). */
export function loadBaseWeights(): Promise<LoadedCheckpoint> {
  return once('base', () => loadCheckpoint('models/base', 'manifest.json'));
}

/** Lets the page paint between heavy synchronous steps (an SVD or two). */
export const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
