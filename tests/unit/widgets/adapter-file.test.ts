import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_LORA_CONFIG, TINY_MODEL_CONFIG, TinyGpt, packAdapters } from '../../../src/lora/index';
import { ADAPTER_MAGIC, AdapterFileError, MAX_MANIFEST_BYTES, decodeAdapterFile, encodeAdapterFile, expectedShapes } from '../../../src/widgets/adapter-file';
import { RULES } from '../../../src/widgets/lora-trainer-settings';
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
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 0 } }))).toMatch(/rank r 0; this trainer takes whole numbers from 1 to 128/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 129 } }))).toMatch(/rank r 129; this trainer takes whole numbers from 1 to 128/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: ['wq', 'wk'] } }))).toMatch(/lacks block0.wk.A|block0.wv.A, which rank 4 on wq, wk has no place for/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r: 2 } }))).toMatch(/is 4 × 16 in the file; this model needs 2 × 16/);
    expect(reason(remake({ ...manifest, kind: 'base' }))).toMatch(/not a LoRA adapter/);
    expect(reason(remake({ ...manifest, tensors: [...manifest.tensors, { name: 'x', shape: [1], offset: 0 }] }))).toMatch(/no place for/);
  });
});

/** The tiny adapter's description and weights, and a way to rebuild a file from an edited description. */
function parts() {
  const { file } = adapterFile();
  const length = new DataView(file.buffer).getUint32(8, true);
  const manifest = JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + length)));
  const weights = file.subarray((12 + length + 3) & ~3);
  return { file, manifest, weights, remake: (m: object, w: Uint8Array = weights) => encodeAdapterFile(m as never, w) };
}

describe('adapter files: every entry is checked before anything is used (classes of hostile file)', () => {
  test('a name listed twice is refused, whether the copy has the same shape, another, or another position', () => {
    const { manifest, remake } = parts();
    const [first] = manifest.tensors;
    for (const copy of [first, { ...first, shape: [1, 1] }, { ...first, offset: 4 }, { ...first, shape: [16, 4] }]) {
      expect(reason(remake({ ...manifest, tensors: [...manifest.tensors, copy] }))).toMatch(/lists block0.wq.A twice|block0.wq.A is 1 × 1|block0.wq.A is 16 × 4/);
      // Put first, the copy must not shadow the real entry either.
      expect(reason(remake({ ...manifest, tensors: [copy, ...manifest.tensors] }))).not.toBe('accepted');
    }
  });

  test('every shape is held against the declared r and targets: transposed, wrong r, extra axes, not numbers', () => {
    const { manifest, remake } = parts();
    const edit = (shape: unknown) => remake({ ...manifest, tensors: manifest.tensors.map((t: any, i: number) => (i === 1 ? { ...t, shape } : t)) });
    for (const shape of [[4, 16], [16, 3], [16, 4, 1], ['16', '4'], [16], null, 'block'] as unknown[]) {
      expect(reason(edit(shape))).toMatch(/block0.wq.B is .* in the file; this model needs 16 × 4/);
    }
    // A rank that disagrees with the weights, up or down, and targets that do not match the tensors.
    for (const r of [2, 3, 5, 8]) expect(reason(remake({ ...manifest, lora: { ...manifest.lora, r } }))).toMatch(new RegExp(`this model needs (${r} × 16|16 × ${r})`));
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: ['wq'] } }))).toMatch(/no place for/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: ['mlpUp'] } }))).toMatch(/MLP’s two matrices/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: ['wq', 'wq'] } }))).toMatch(/twice/);
    expect(reason(remake({ ...manifest, lora: { ...manifest.lora, targets: 'wq' } }))).toMatch(/does not list the matrices/);
  });

  test('positions that are not whole, aligned or inside the weights are refused', () => {
    const { manifest, remake } = parts();
    const edit = (offset: unknown) => remake({ ...manifest, tensors: manifest.tensors.map((t: any, i: number) => (i === 2 ? { ...t, offset } : t)) });
    for (const offset of [-4, 2, 1.5, '0', null, 1e9]) expect(reason(edit(offset))).toMatch(/bad position/);
  });

  test('every metadata field obeys the limits of the control that sets it', () => {
    const { manifest, remake } = parts();
    const cases: Array<[object, RegExp]> = [
      [{ lora: { ...manifest.lora, alpha: 1e9 } }, /alpha 1,000,000,000; this trainer takes whole numbers from 1 to 128/],
      [{ lora: { ...manifest.lora, alpha: RULES.alpha.max + 1 } }, /alpha 129/],
      [{ lora: { ...manifest.lora, alpha: 0 } }, /alpha 0/],
      [{ lora: { ...manifest.lora, alpha: 2.5 } }, /alpha 2.5/],
      [{ lora: { ...manifest.lora, alpha: '8' } }, /alpha "8"/],
      [{ lora: { ...manifest.lora, rsLora: true } }, /rsLoRA/],
      [{ lora: { ...manifest.lora, dropout: 0.5 } }, /dropout 0.5/],
      [{ lora: { ...manifest.lora, init: 'zeros' } }, /unknown initialisation/],
      [{ steps: -5 }, /steps -5; this trainer takes whole numbers from 0 to 2,000/],
      [{ steps: 1e300 }, /steps 1e\+300|steps 1,000/],
      [{ steps: RULES.steps.max + 1 }, /steps 2,001/],
      [{ steps: 10.5 }, /steps 10.5/],
      [{ learningRate: 5 }, /learning rate 5; this trainer takes from 0.00001 to 0.3|learning rate 5/],
      [{ task: 'malware' }, /task, "malware", is not one of dinosaurs, pokemon/],
      [{ trainLoss: [1, 2, -1] }, /training-loss history has an entry that is not a loss \(entry 3: -1\)/],
      [{ trainLoss: [1, null] }, /entry 2: null/],
      [{ trainLoss: 'lots' }, /not a list/],
      [{ valLoss: [[0, 2], [5, 1], [20, 1]] }, /validation-loss history.*entry 3/],
      [{ valLoss: [[0, 2, 3]] }, /validation-loss history/],
      [{ createdBy: 'x'.repeat(1000) }, /createdBy/],
      [{ modelConfig: 'tiny' }, /different base model/],
    ];
    for (const [edit, message] of cases) expect(reason(remake({ ...manifest, ...edit }))).toMatch(message);
    // At the limits, accepted.
    const edge = { ...manifest, steps: RULES.steps.max, learningRate: RULES.lr.max, lora: { ...manifest.lora, alpha: RULES.alpha.max },
      trainLoss: Array(RULES.steps.max).fill(2.5), valLoss: [[0, 3], [RULES.steps.max, 2]] };
    expect(decodeAdapterFile(remake(edge), TINY_MODEL_CONFIG).metadata).toMatchObject({ steps: 2000, alpha: 128, task: 'dinosaurs', targets: ['Wq', 'Wv'] });
  });

  test('a huge loss history is refused before it is parsed, at once; the largest allowed file reads in milliseconds', () => {
    const { manifest, remake } = parts();
    for (const entries of [RULES.steps.max + 2, 50_000, 1_000_000]) {
      // Short entries ("2.5,"), so even a million fit in a file of allowed size (4 MB).
      const file = remake({ ...manifest, trainLoss: Array(entries).fill(2.5) });
      const start = performance.now();
      expect(reason(file)).toMatch(entries * 4 > MAX_MANIFEST_BYTES ? /description is \d+ KB/ : /has 50,000 entries|has 2,002 entries/);
      expect(performance.now() - start).toBeLessThan(200);
    }
    const largest = remake({ ...manifest, steps: RULES.steps.max,
      trainLoss: Array.from({ length: RULES.steps.max + 1 }, (_, i) => 3 + Math.sin(i) / 7),
      valLoss: Array.from({ length: RULES.steps.max + 1 }, (_, i) => [i, 3 + Math.cos(i) / 7]) });
    const start = performance.now();
    expect(decodeAdapterFile(largest, TINY_MODEL_CONFIG).metadata.train).toHaveLength(RULES.steps.max + 1);
    expect(performance.now() - start).toBeLessThan(200);
  });

  test('a file cut anywhere is refused with a reason, never accepted and never thrown past', () => {
    const { file } = parts();
    const cuts = [0, 4, 8, 11, 12, 40, 200, file.byteLength - 1024, file.byteLength - 4, file.byteLength - 1];
    for (const cut of cuts) expect(reason(file.subarray(0, cut))).toMatch(/too short|cut short|not valid JSON|damaged/);
    // Grown by junk at the end, too.
    expect(reason(new Uint8Array([...file, 0, 0, 0, 0]))).toMatch(/damaged or cut short/);
  });

});
