import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TINY_MODEL_CONFIG, TinyGpt, attachAdaptersFromCheckpoint, modelFromCheckpoint, packModel } from '../../../src/lora/index';
import { useCpu } from './setup';

const dir = mkdtempSync(join(tmpdir(), 'rankbook-adapters-'));
beforeAll(useCpu);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npm = (...args: string[]) => execFileSync('npm', ['run', '--silent', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run adapters -- --tiny', () => {
  test('trains, writes loadable adapters in the paper shapes, and an index with losses', () => {
    // A random tiny base written in-process (pretrain.test.ts covers the pretrain script; running it
    // here too would race on the shared esbuild output file).
    const seedModel = new TinyGpt(TINY_MODEL_CONFIG, { seed: 5 });
    const pack = packModel(seedModel, { validationLoss: Math.log(28), paramCount: seedModel.baseParamCount });
    seedModel.dispose();
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base/manifest.json'), JSON.stringify(pack.manifest));
    writeFileSync(join(dir, 'base', pack.manifest.weightsFile), pack.bytes);
    const log = npm('adapters', '--', '--tiny', '--base', join(dir, 'base'), '--out', join(dir, 'adapters'));
    expect(log).toMatch(/wrote 3 adapters/);
    const index = JSON.parse(readFileSync(join(dir, 'adapters/index.json'), 'utf8'));
    expect(index.runs.map((r: { name: string }) => r.name)).toEqual(['r1-wq-s1', 'r8-wq-wv-s1', 'r8-wq-wv-s2']);
    expect(index.fullFineTune.steps).toBe(5);
    for (const run of index.runs) expect(Number.isFinite(run.validationLoss)).toBe(true);

    const baseManifest = JSON.parse(readFileSync(join(dir, 'base/manifest.json'), 'utf8'));
    const base = modelFromCheckpoint(baseManifest, readFileSync(join(dir, 'base', baseManifest.weightsFile)));
    const factors: Float32Array[] = [];
    for (const name of ['r8-wq-wv-s1', 'r8-wq-wv-s2']) {
      const manifest = JSON.parse(readFileSync(join(dir, `adapters/${name}.json`), 'utf8'));
      const bin = readFileSync(join(dir, 'adapters', manifest.weightsFile));
      expect(bin.byteLength).toBe(manifest.byteLength);
      const a = manifest.tensors.find((t: { name: string }) => t.name === 'block0.wq.A');
      expect(a.shape).toEqual([8, base.config.dModel]); // A is r x k
      expect(manifest.tensors.find((t: { name: string }) => t.name === 'block0.wv.B').shape).toEqual([base.config.dModel, 8]);
      const att = attachAdaptersFromCheckpoint(base, manifest, bin);
      expect(att.paramCount).toBe(index.runs.find((r: { name: string }) => r.name === name).trainableParams);
      factors.push(att.factors()[0].A.data);
      base.detachLora();
    }
    // Different seeds, different adapters.
    expect(factors[0]).not.toEqual(factors[1]);
    const corpus = JSON.parse(readFileSync(join(dir, 'adapters/corpora/dinosaurs.json'), 'utf8'));
    expect(corpus.words.length).toBeGreaterThan(1000);
    expect(statSync(join(dir, 'adapters/corpora/pokemon.json')).size).toBeGreaterThan(1000);
    base.dispose();
  });
});
