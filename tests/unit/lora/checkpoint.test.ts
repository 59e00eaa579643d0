import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  DEFAULT_LORA_CONFIG,
  TINY_MODEL_CONFIG,
  TinyGpt,
  attachAdaptersFromCheckpoint,
  createRng,
  decodeTensors,
  encodeTensors,
  fetchCheckpoint,
  loadAdapters,
  loadModel,
  loadWordList,
  modelFromCheckpoint,
  normalArray,
  packAdapters,
  packModel,
} from '../../../src/lora/index';
import { maxAbsDiff, useCpu } from './setup';

beforeAll(useCpu);

const ids = [[0, 5, 6, 7, 8, 9, 10, 1]];
const logitsOf = (model: TinyGpt): Float32Array =>
  tf.tidy(() => model.logits(tf.tensor2d(ids, undefined, 'int32'))).dataSync() as Float32Array;

describe('checkpoints', () => {
  test('tensors survive encode/decode bit for bit, little-endian', () => {
    const arrays = { a: { shape: [2, 2], data: new Float32Array([1, -2.5, 3e-8, Math.PI]) }, b: { shape: [1], data: new Float32Array([7]) } };
    const { tensors, bytes } = encodeTensors(arrays);
    expect(bytes.byteLength).toBe(20);
    expect(new DataView(bytes.buffer).getFloat32(4, true)).toBe(-2.5);
    expect(tensors[1]).toEqual({ name: 'b', shape: [1], offset: 16 });
    const back = decodeTensors(tensors, bytes.buffer as ArrayBuffer);
    expect(back).toEqual(arrays);
    expect(() => decodeTensors(tensors, bytes.slice(0, 12))).toThrow(/too short/);
    // Entries that would read something other than what they claim.
    expect(() => decodeTensors([...tensors, { ...tensors[0], shape: [1] }], bytes)).toThrow(/a is listed twice/);
    expect(() => decodeTensors([{ name: 'a', shape: [-1, 2], offset: 0 }], bytes)).toThrow(/not a list of sizes/);
    expect(() => decodeTensors([{ name: 'a', shape: [1], offset: 1.5 }], bytes)).toThrow(/position/);
  });

  test('a base model and its adapters round-trip through manifest + bytes', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 8 });
    const att = model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 2, targets: ['wq', 'wo'] }, 3);
    const rng = createRng(4);
    for (const { adapter } of att.adapters) tf.tidy(() => adapter.B.assign(tf.tensor(normalArray(adapter.B.size, 0.3, rng), adapter.B.shape)));
    const expected = logitsOf(model);
    const adapterPack = packAdapters(att, { task: 'test' });
    model.detachLora();
    const basePack = packModel(model, { note: 'x' });
    expect(basePack.manifest.note).toBe('x');
    // Through JSON, as a file or fetch() would deliver it.
    const files: Record<string, unknown> = {
      'm/base/manifest.json': JSON.parse(JSON.stringify(basePack.manifest)),
      'm/base/weights.bin': basePack.bytes,
      'm/a/manifest.json': JSON.parse(JSON.stringify(adapterPack.manifest)),
      'm/a/adapter.bin': adapterPack.bytes,
    };
    const fakeFetch = async (url: string) => {
      const body = files[url];
      return {
        ok: body !== undefined,
        status: body === undefined ? 404 : 200,
        json: async () => body,
        arrayBuffer: async () => (body as Uint8Array).slice().buffer as ArrayBuffer,
      };
    };
    const base = await fetchCheckpoint('m/base/manifest.json', fakeFetch);
    const adapter = await fetchCheckpoint('m/a/manifest.json', fakeFetch);
    const loaded = modelFromCheckpoint(base.manifest, base.bytes);
    expect(maxAbsDiff(loaded.getWeights()['head.w'].data, model.getWeights()['head.w'].data)).toBe(0);
    const loadedAtt = attachAdaptersFromCheckpoint(loaded, adapter.manifest, adapter.bytes);
    expect(loadedAtt.config.targets).toEqual(['wq', 'wo']);
    expect(maxAbsDiff(logitsOf(loaded), expected)).toBe(0);
    await expect(fetchCheckpoint('m/missing/manifest.json', fakeFetch)).rejects.toThrow(/404/);
    // An adapter for another rank does not fit.
    loaded.detachLora();
    const wrong = { ...adapter.manifest, lora: { ...adapter.manifest.lora!, r: 3 } };
    expect(() => attachAdaptersFromCheckpoint(loaded, wrong, adapter.bytes)).toThrow(/shape/);
    expect(loaded.attachment).toBeNull();
    expect(() => modelFromCheckpoint(adapter.manifest, adapter.bytes)).toThrow(/base/);
    loaded.dispose();
    // The one-call loaders give the same model.
    const viaLoaders = (await loadModel('m/base/manifest.json', fakeFetch)).model;
    await loadAdapters(viaLoaders, 'm/a/manifest.json', fakeFetch);
    expect(maxAbsDiff(logitsOf(viaLoaders), expected)).toBe(0);
    viaLoaders.dispose();
    model.dispose();
  });

  test('loadWordList reads the corpora JSON and rejects other shapes', async () => {
    const respond = (body: unknown) => async () => ({ ok: true, status: 200, json: async () => body, arrayBuffer: async () => new ArrayBuffer(0) });
    expect(await loadWordList('x', respond({ words: ['rex', 'aardonyx'] }))).toEqual(['rex', 'aardonyx']);
    await expect(loadWordList('x', respond(['rex']))).rejects.toThrow(/words/);
  });
});
