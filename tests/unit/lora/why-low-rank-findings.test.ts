/**
 * Lesson 7 states these figures, measured on the shipped base model and adapters (public/models). If the
 * adapters are retrained, these tests fail on purpose: rerun `npx tsx scripts/why-low-rank.ts`, update the
 * lesson's numbers and then these.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { findings, readCheckpoint } from '../../../scripts/why-low-rank';
import { decodeTensors } from '../../../src/lora/checkpoint';
import { readTensors } from '../../../src/lora/checkpoint-reader';

const f = findings();
const at = (layer: number, matrix: string) => f.overlap.find((o) => o.layer === layer && o.matrix === matrix)!;
const row = (layer: number, r: number) => f.table7.find((t) => t.layer === layer && t.r === r)!;

describe('reading checkpoints without tfjs', () => {
  it('decodes exactly what checkpoint.ts decodes', () => {
    const manifest = JSON.parse(readFileSync('public/models/adapters/r8-wq-wv-s1.json', 'utf8'));
    const bytes = readFileSync('public/models/adapters/r8-wq-wv-s1.bin');
    expect(readTensors(manifest.tensors, bytes)).toEqual(decodeTensors(manifest.tensors, bytes));
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

describe('ΔW against W, the Table 7 analogue (lesson 7)', () => {
  it('amplification factor: about 27-28 at r = 4, about 2-3 at r = 64', () => {
    expect(row(1, 4).amplification).toBeCloseTo(27.1, 1);
    expect(row(2, 4).amplification).toBeCloseTo(28.2, 1);
    expect(row(1, 64).amplification).toBeCloseTo(2.18, 2);
    expect(row(2, 64).amplification).toBeCloseTo(2.79, 2);
    for (const layer of [1, 2]) expect(row(layer, 4).amplification).toBeGreaterThan(8 * row(layer, 64).amplification);
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
