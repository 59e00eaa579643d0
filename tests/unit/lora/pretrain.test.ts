import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { modelFromCheckpoint, sampleNames } from '../../../src/lora/index';
import { useCpu } from './setup';

const out = mkdtempSync(join(tmpdir(), 'rankbook-pretrain-'));
beforeAll(useCpu);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run pretrain -- --tiny', () => {
  test('runs the real script (esbuild bundle, wasm backend) and writes a loadable checkpoint', async () => {
    const log = execFileSync('npm', ['run', '--silent', 'pretrain', '--', '--tiny', '--out', out], { encoding: 'utf8', timeout: 60_000 });
    expect(log).toMatch(/pretrain: wasm/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('base');
    expect(manifest.corpus.tiny).toBe(true);
    expect(manifest.training.steps).toBe(20);
    expect(manifest.training.seed).toBe(1);
    expect(statSync(join(out, manifest.weightsFile)).size).toBe(manifest.byteLength);
    expect(manifest.byteLength).toBe(4 * manifest.paramCount);
    // 20 steps must already beat the uniform guess ln(28) = 3.33 nats per character.
    expect(manifest.validationLoss).toBeLessThan(3.25);
    expect(manifest.trainLoss).toBeLessThan(3.25);
    expect(manifest.wallTimeSeconds).toBeGreaterThan(0);
    const model = modelFromCheckpoint(manifest, readFileSync(join(out, manifest.weightsFile)));
    // Same weights, same seed, same temperature: the cpu backend samples what the wasm run recorded.
    expect(await sampleNames(model, { count: 12, temperature: 0.8, seed: 1 })).toEqual(manifest.samplesTemperature08);
    model.dispose();
  });
});
