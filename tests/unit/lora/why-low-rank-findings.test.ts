/**
 * Lesson 7 states these figures, measured on the shipped base model and adapters (public/models). If the
 * adapters are retrained, these tests fail on purpose: rerun `npx tsx scripts/why-low-rank.ts`, update the
 * lesson's numbers and then these.
 */
import { describe, it, expect } from 'vitest';
import { findings, readCheckpoint } from '../../../scripts/why-low-rank';
import { baseWeight, deltaProduct, loraFactor, overlapSummary } from '../../../src/lora/adapter-analysis';
import { amplificationFactor } from '../../../src/linalg/projection';
import { DEFAULT_LORA_CONFIG, TinyGpt } from '../../../src/lora/index';
import type { NamedArrays } from '../../../src/lora/model';
import { useCpu } from './setup';

const f = findings();
const at = (layer: number, matrix: string) => f.overlap.find((o) => o.layer === layer && o.matrix === matrix)!;
const row = (layer: number, r: number) => f.table7.find((t) => t.layer === layer && t.r === r)!;

describe('reading checkpoints without tfjs', () => {
  it('reads the shipped base model', () => {
    const base = readCheckpoint('public/models/base', 'manifest.json');
    expect(base.tensors['block0.wq.w'].shape).toEqual([128, 128]);
  });
});

describe('subspace overlap of the shipped adapters (lesson 7)', () => {
  it('r=8 vs r=64: the 8 x 8 corner overlaps 11 to 14 times more than random subspaces, in every layer and matrix', () => {
    for (const o of f.overlap) {
      expect(o.ranks.cornerMean).toBeGreaterThan(0.45);
      expect(o.ranks.cornerMean / o.randomExpected.cornerMean).toBeGreaterThan(10);
      expect(o.seeds.cornerMean).toBeGreaterThan(0.45);
    }
    expect(at(1, 'wq').ranks.cornerMean).toBeCloseTo(0.559, 3);
    expect(at(1, 'wv').ranks.cornerMean).toBeCloseTo(0.560, 3);
    expect(at(2, 'wq').ranks.cornerMean).toBeCloseTo(0.494, 3);
    expect(at(2, 'wv').ranks.cornerMean).toBeCloseTo(0.620, 3);
  });

  it('phi(1, j) in layer 1\'s Wq climbs to about 0.75 by j = 8', () => {
    const A8 = loraFactor(readCheckpoint('public/models/adapters', 'r8-wq-wv-s1.json').tensors, 0, 'wq', 'A');
    const A64 = loraFactor(readCheckpoint('public/models/adapters', 'r64-wq-wv-s1.json').tensors, 0, 'wq', 'A');
    expect(overlapSummary(A8, A64, 8, 64).grid[0][7]).toBeCloseTo(0.747, 3);
  });

  it('phi(1, 1): above 0.5 in layer 2 (as in the paper) but small in layer 1', () => {
    expect(at(2, 'wq').ranks.phi11).toBeCloseTo(0.561, 3);
    expect(at(2, 'wv').ranks.phi11).toBeCloseTo(0.632, 3);
    expect(at(1, 'wq').ranks.phi11).toBeCloseTo(0.162, 3);
    expect(at(1, 'wv').ranks.phi11).toBeCloseTo(0.055, 3);
  });

  it('two seeds at r=64 share their top directions too', () => {
    expect(at(1, 'wq').seeds.phi11).toBeCloseTo(0.541, 3);
    expect(at(1, 'wv').seeds.phi11).toBeCloseTo(0.545, 3);
    expect(at(2, 'wq').seeds.phi11).toBeCloseTo(0.554, 3);
    expect(at(2, 'wv').seeds.phi11).toBeCloseTo(0.216, 3);
  });

  it('random Gaussian matrices of the same shapes sit at the expectation max(i, j) / 128', () => {
    for (const o of f.overlap) {
      expect(o.randomExpected.cornerMean).toBeCloseTo(0.0454, 4);
      expect(Math.abs(o.random.cornerMean - o.randomExpected.cornerMean)).toBeLessThan(0.01);
    }
  });
});

describe('shared initialisation does not explain the overlap (lesson 7\'s caution)', () => {
  it('A moves 4-5 times its starting size, and the learned change alone overlaps as much', async () => {
    await useCpu();
    const base = readCheckpoint('public/models/base', 'manifest.json');
    const start = (r: number): NamedArrays => {
      const model = new TinyGpt(base.manifest.modelConfig!, { weights: base.tensors });
      const out: NamedArrays = {};
      for (const { name, A } of model.attachLora({ ...DEFAULT_LORA_CONFIG, r, alpha: 8, targets: ['wq', 'wv'] }, 1).factors()) out[`${name}.A`] = A;
      model.dispose();
      return out;
    };
    const [init8, init64] = [start(8), start(64)];
    const trained8 = readCheckpoint('public/models/adapters', 'r8-wq-wv-s1.json').tensors;
    const trained64 = readCheckpoint('public/models/adapters', 'r64-wq-wv-s1.json').tensors;
    const A = (t: NamedArrays) => loraFactor(t, 0, 'wq', 'A');
    // Same seed: the rank-8 start is the first 8 rows of the rank-64 start in layer 1's Wq.
    expect(A(init8)).toEqual(A(init64).slice(0, 8));
    const minus = (X: number[][], Y: number[][]) => X.map((row, i) => row.map((x, j) => x - Y[i][j]));
    const norm = (X: number[][]) => Math.hypot(...X.flat());
    const change8 = minus(A(trained8), A(init8));
    const change64 = minus(A(trained64), A(init64));
    expect(norm(change8) / norm(A(init8))).toBeCloseTo(3.94, 2);
    expect(norm(change64) / norm(A(init64))).toBeCloseTo(4.60, 2);
    expect(overlapSummary(change8, change64, 8, 64).cornerMean).toBeCloseTo(0.562, 3);
    expect(overlapSummary(A(init8), A(init64), 8, 64).cornerMean).toBeCloseTo(0.308, 3);
  });
});

describe('ΔW against W, the Table 7 analogue (lesson 7)', () => {
  it('amplification factor: about 27-28 at r = 4, about 2-3 at r = 64', () => {
    expect(row(1, 4).amplification).toBeCloseTo(27.1, 1);
    expect(row(2, 4).amplification).toBeCloseTo(28.2, 1);
    expect(row(1, 64).amplification).toBeCloseTo(2.18, 2);
    expect(row(2, 64).amplification).toBeCloseTo(2.79, 2);
    for (const layer of [1, 2]) expect(row(layer, 4).amplification).toBeGreaterThan(8 * row(layer, 64).amplification);
  });

  it('falls steadily with rank, from hundreds at r = 1 (layer 1 Wq, the {Wq, Wv} sweep)', () => {
    const W = baseWeight(readCheckpoint('public/models/base', 'manifest.json').tensors, 0, 'wq');
    const factors = [1, 2, 4, 8, 64].map((r) =>
      amplificationFactor(deltaProduct(readCheckpoint('public/models/adapters', `r${r}-wq-wv-s1.json`).tensors, 0, 'wq', 8 / r), W, r));
    expect(factors[0]).toBeCloseTo(811.8, 0);
    for (let t = 1; t < factors.length; t++) expect(factors[t]).toBeLessThan(factors[t - 1]);
  });

  it('at r = 4, ΔW points along directions W has (more than random) but does not emphasise (far less than its own)', () => {
    for (const layer of [1, 2]) {
      const t = row(layer, 4);
      expect(t.ofDelta).toBeGreaterThan(2 * t.randomExpected);
      expect(t.ofWeight).toBeGreaterThan(6 * t.ofDelta);
    }
    expect(row(1, 4).ofDelta).toBeCloseTo(0.768, 3);
    expect(row(1, 4).ofWeight).toBeCloseTo(6.288, 3);
    expect(row(1, 4).deltaNorm).toBeCloseTo(20.79, 2);
    expect(row(1, 4).weightNorm).toBeCloseTo(10.79, 2);
  });

  it('at r = 64 half of each side is covered, so even random directions catch half of W', () => {
    for (const layer of [1, 2]) {
      const t = row(layer, 64);
      expect(t.randomExpected).toBeCloseTo(t.weightNorm / 2, 10);
      expect(Math.abs(t.ofRandom / t.randomExpected - 1)).toBeLessThan(0.05);
    }
  });
});

describe('the rank sweep (Table 6 analogue)', () => {
  it('has all 15 cells, and {Wq, Wv} beats Wq alone at every rank', () => {
    expect(f.sweep).toHaveLength(15);
    const loss = (r: number, t: string) => f.sweep.find((s) => s.r === r && s.targets === t)!.validationLoss;
    for (const r of [1, 2, 4, 8, 64]) expect(loss(r, 'wq,wv')).toBeLessThan(loss(r, 'wq'));
    expect(loss(1, 'wq,wv')).toBeLessThan(loss(64, 'wq'));
    expect(loss(8, 'wq,wv')).toBeCloseTo(1.687, 3);
  });
});
