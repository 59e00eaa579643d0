import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_LORA_CONFIG, TINY_MODEL_CONFIG, TinyGpt, packAdapters } from '../../../src/lora/index';
import { ADAPTER_MAGIC, AdapterFileError, decodeAdapterFile, encodeAdapterFile, expectedShapes } from '../../../src/widgets/adapter-file';
import { useCpu } from '../lora/setup';

beforeAll(useCpu);

/** A trained-looking adapter on the tiny model: B made non-zero so a round trip means something. */
function adapterFile(targets = ['wq', 'wv'] as const) {
  const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
  const attachment = model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 4, alpha: 8, targets: [...targets] }, 3);
  for (const { adapter } of attachment.adapters) adapter.B.assign(tf.randomNormal(adapter.B.shape, 0, 0.1, 'float32', 7));
  const factors = attachment.factors();
  const { manifest, bytes } = packAdapters(attachment, { task: 'dinosaurs', steps: 10, modelConfig: TINY_MODEL_CONFIG });
  model.dispose();
  return { file: encodeAdapterFile(manifest, bytes), factors };
}

const reason = (bytes: Uint8Array) => {
  try {
    decodeAdapterFile(bytes, TINY_MODEL_CONFIG);
  } catch (e) {
    expect(e).toBeInstanceOf(AdapterFileError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('adapter files', () => {
  test('round trip: the same config, metadata and A, B bit for bit', () => {
    const { file, factors } = adapterFile();
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe(ADAPTER_MAGIC);
    const read = decodeAdapterFile(file, TINY_MODEL_CONFIG);
    expect(read.lora).toMatchObject({ r: 4, alpha: 8, targets: ['wq', 'wv'] });
    expect(read.manifest.steps).toBe(10);
    for (const { name, A, B } of factors) {
      expect(read.factors[`${name}.A`].data).toEqual(A.data);
      expect(read.factors[`${name}.B`].data).toEqual(B.data);
    }
    // r (k + d) float32 numbers per adapted matrix, plus a short header: a few KB.
    expect(file.byteLength).toBeLessThan(4 * 2 * 4 * (16 + 16) + 4096);
  });

  test('expected shapes follow the paper: A is r x k, B is d x r', () => {
    const shapes = expectedShapes({ ...TINY_MODEL_CONFIG, nLayers: 1 }, { r: 4, targets: ['mlpUp'] });
    expect([...shapes]).toEqual([['block0.mlpUp.A', [4, 16]], ['block0.mlpUp.B', [32, 4]]]);
  });

  test('bad files are refused with a reason in words', () => {
    const { file } = adapterFile();
    const json = new TextEncoder().encode('{"format":"rankbook-f32/1"}');
    expect(reason(json)).toMatch(/JSON file/);
    expect(reason(new Uint8Array([1, 2, 3]))).toMatch(/too short/);
    expect(reason(new TextEncoder().encode('GIF89a........'))).toMatch(/not a Rankbook adapter/);
    expect(reason(file.subarray(0, file.byteLength - 4))).toMatch(/damaged or cut short/);
    expect(reason(new Uint8Array(9 * 1024 * 1024))).toMatch(/MB/);

    const header = new DataView(file.buffer).getUint32(8, true);
    const broken = file.slice();
    broken[12] = 0x5b; // '[' instead of '{'
    expect(reason(broken)).toMatch(/not an object|not valid JSON|LoRA adapter/);

    // A different model (other sizes) is refused before any weight is read.
    expect(() => decodeAdapterFile(file, { ...TINY_MODEL_CONFIG, dModel: 32 })).toThrow(/different base model/);

    // A NaN among the weights.
    const nan = file.slice();
    new DataView(nan.buffer).setFloat32(((12 + header + 3) & ~3) + 8, NaN, true);
    expect(reason(nan)).toMatch(/not finite/);
  });

  test('a manifest edited to claim other shapes or settings is refused', () => {
    const { file } = adapterFile();
    const length = new DataView(file.buffer).getUint32(8, true);
    const manifest = JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + length)));
    const weights = file.subarray((12 + length + 3) & ~3);
    const remake = (m: object) => encodeAdapterFile(m as never, weights);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 0 } }))).toMatch(/cannot be used: LoRA rank r must be a positive integer/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 129 } }))).toMatch(/rank 129; this trainer goes up to 128/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: ['wq', 'wk'] } }))).toMatch(/lacks block0.wk.A/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 2 } }))).toMatch(/is 4 × 16 in the file; this model needs 2 × 16/);
    expect(reason(remake({ ...manifest, kind: 'base' }))).toMatch(/not a LoRA adapter/);
    expect(reason(remake({ ...manifest, tensors: [...manifest.tensors, { name: 'x', shape: [1], offset: 0 }] }))).toMatch(/no place for/);
  });
});
