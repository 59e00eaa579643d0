/**
 * Lesson 7 compares the subspaces of adapters trained at different ranks and seeds. If two compared adapters
 * started from the same numbers (as when A was drawn row by row from one stream, so that r = 8 began with the
 * first 8 rows of r = 64), part of the overlap would be that shared start. These tests fail if that comes back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_LORA_CONFIG, DEFAULT_MODEL_CONFIG, TinyGpt, deriveSeed, type LoraTarget } from '../../../src/lora/index';
import { COMPARISONS } from '../../../src/widgets/subspace-comparisons';
import { SEED_PAIRS } from '../../../scripts/why-low-rank';
import { useCpu } from './setup';

beforeAll(useCpu);

/** The starting A of every adapted matrix, by name, for a run of rank r, targets and seed. */
function initialA(r: number, targets: LoraTarget[], seed: number): Record<string, number[][]> {
  const model = new TinyGpt(DEFAULT_MODEL_CONFIG, { seed: 0 });
  const out: Record<string, number[][]> = {};
  for (const { name, A } of model.attachLora({ ...DEFAULT_LORA_CONFIG, r, alpha: 8, targets }, seed).factors()) {
    const [rows, k] = A.shape;
    out[name] = Array.from({ length: rows }, (_, i) => Array.from(A.data.subarray(i * k, (i + 1) * k)));
  }
  model.dispose();
  return out;
}

const cosine = (x: number[], y: number[]) => {
  let xy = 0, xx = 0, yy = 0;
  for (let i = 0; i < x.length; i++) { xy += x[i] * y[i]; xx += x[i] * x[i]; yy += y[i] * y[i]; }
  return xy / Math.sqrt(xx * yy);
};

/** The largest |cosine| between any row of one start and any row of the other, over all adapted matrices. */
function largestRowCosine(first: Record<string, number[][]>, second: Record<string, number[][]>): number {
  let worst = 0;
  for (const name of Object.keys(first)) {
    for (const x of first[name]) for (const y of second[name]) worst = Math.max(worst, Math.abs(cosine(x, y)));
  }
  return worst;
}

/** Rank, targets and seed of a shipped run, from its manifest. */
function runSpec(name: string): { r: number; targets: LoraTarget[]; seed: number } {
  const manifest = JSON.parse(readFileSync(`public/models/adapters/${name}.json`, 'utf8'));
  return { r: manifest.lora.r, targets: manifest.lora.targets, seed: manifest.training.seed };
}

describe('deriveSeed', () => {
  it('is a function of all its parts, in order', () => {
    expect(deriveSeed(1, 0, 'wq', 8)).toBe(deriveSeed(1, 0, 'wq', 8));
    const variants = [deriveSeed(1, 0, 'wq', 8), deriveSeed(2, 0, 'wq', 8), deriveSeed(1, 1, 'wq', 8), deriveSeed(1, 0, 'wv', 8),
      deriveSeed(1, 0, 'wq', 64), deriveSeed(12, 3), deriveSeed(1, 23)];
    expect(new Set(variants).size).toBe(variants.length);
    for (const s of variants) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('compared adapters start from unrelated A', () => {
  it('the same seed at r = 8 and r = 64 shares no starting row (random 128-vectors: |cos| well under 0.5)', () => {
    const [a8, a64] = [initialA(8, ['wq', 'wv'], 1), initialA(64, ['wq', 'wv'], 1)];
    expect(Object.keys(a8)).toEqual(['block0.wq', 'block0.wv', 'block1.wq', 'block1.wv']);
    expect(largestRowCosine(a8, a64)).toBeLessThan(0.5);
    // Within one run too: the two matrices of a block do not start alike.
    expect(Math.abs(cosine(a8['block0.wq'][0], a8['block0.wv'][0]))).toBeLessThan(0.5);
  });

  it('every pair the subspace widget and lesson 7 compare is independent at the start', () => {
    const pairs = [...Object.values(COMPARISONS).flatMap((c) => (c.runs ? [c.runs] : [])), ...SEED_PAIRS.map((p) => [p.first, p.second])];
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const [first, second] of pairs) {
      const [x, y] = [runSpec(first), runSpec(second)];
      expect(`${first} vs ${second}: ${largestRowCosine(initialA(x.r, x.targets, x.seed), initialA(y.r, y.targets, y.seed)) < 0.5}`)
        .toBe(`${first} vs ${second}: true`);
    }
  });

  it('the shipped adapters were trained with this seeding (their manifests say so)', () => {
    for (const name of ['r8-wq-wv-s1', 'r64-wq-wv-s1']) {
      expect(JSON.parse(readFileSync(`public/models/adapters/${name}.json`, 'utf8')).training.initSeeding).toMatch(/per adapter/);
    }
  });
});
