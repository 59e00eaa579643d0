/** The committed public/models files: complete, loadable, and consistent with what their manifests record. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { attachAdaptersFromCheckpoint, modelFromCheckpoint, sampleNames } from '../../../src/lora/index';
import { useCpu } from './setup';

beforeAll(useCpu);
const read = (p: string) => readFileSync(join('public/models', p));
const json = (p: string) => JSON.parse(read(p).toString('utf8'));

describe('shipped models', () => {
  test('the base loads and reproduces its recorded samples', async () => {
    const manifest = json('base/manifest.json');
    expect(manifest.byteLength).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(manifest.validationLoss).toBeLessThan(2.2);
    const model = modelFromCheckpoint(manifest, read(`base/${manifest.weightsFile}`));
    expect(model.baseParamCount).toBe(manifest.paramCount);
    expect(await sampleNames(model, { count: 12, temperature: 0.8, seed: 1 })).toEqual(manifest.samplesTemperature08);
    model.dispose();
  });

  test('every indexed adapter exists and fits the base', () => {
    const index = json('adapters/index.json');
    const base = json('base/manifest.json');
    const model = modelFromCheckpoint(base, read(`base/${base.weightsFile}`));
    expect(index.runs.length).toBeGreaterThanOrEqual(17);
    for (const run of index.runs) {
      const manifest = json(`adapters/${run.manifest}`);
      const att = attachAdaptersFromCheckpoint(model, manifest, read(`adapters/${manifest.weightsFile}`));
      expect(att.paramCount).toBe(run.trainableParams);
      expect(manifest.lora.r).toBe(run.r);
      model.detachLora();
    }
    model.dispose();
  });
});
