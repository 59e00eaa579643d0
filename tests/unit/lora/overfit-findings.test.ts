/**
 * Lesson 5's "Does LoRA overfit less?" quotes public/models/overfit.json (npm run overfit): the losses on the
 * training and held-out splits of LoRA and of full fine-tuning. If the file is regenerated, these fail on
 * purpose: update the lesson's table, then these.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Point = [number, number, number];
const result = JSON.parse(readFileSync('public/models/overfit.json', 'utf8')) as {
  recipe: { steps: number };
  runs: Array<{ mode: 'lora' | 'full'; seed: number; trainableParams: number; curve: Point[] }>;
};
const runs = (mode: 'lora' | 'full') => result.runs.filter((r) => r.mode === mode);
const at = (curve: Point[], step: number) => curve.find((p) => p[0] === step)!;

describe('LoRA against full fine-tuning on the training and held-out splits (lesson 5)', () => {
  it('has three seeds of each, 300 steps each', () => {
    expect(result.recipe.steps).toBe(300);
    expect(runs('lora').map((r) => r.seed)).toEqual([1, 2, 3]);
    expect(runs('full').length).toBe(3);
    expect(runs('lora')[0].trainableParams).toBe(8192);
    expect(runs('full')[0].trainableParams).toBe(406044);
  });

  it('LoRA after 300 steps: the figures of the lesson\'s table', () => {
    const end = runs('lora').map((r) => at(r.curve, 300));
    expect(end.map((p) => p[1].toFixed(3))).toEqual(['1.604', '1.612', '1.605']);
    expect(end.map((p) => p[2].toFixed(3))).toEqual(['1.684', '1.699', '1.662']);
    for (const p of end) expect(p[2] - p[1]).toBeGreaterThan(0.05);
  });

  it('full fine-tuning learns faster, then overfits: held-out loss turns up while training loss keeps falling', () => {
    const full = runs('full');
    expect(full.map((r) => r.seed)).toEqual([1, 2, 3]);
    const end = full.map((r) => at(r.curve, 300));
    expect(end.map((p) => p[1].toFixed(3))).toEqual(['1.283', '1.270', '1.272']);
    expect(end.map((p) => p[2].toFixed(3))).toEqual(['1.646', '1.639', '1.635']);
    for (const { curve } of full) {
      const best = curve.reduce((b, p) => (p[2] < b[2] ? p : b));
      expect([150, 200]).toContain(best[0]);
      expect(best[2]).toBeGreaterThan(1.595);
      expect(best[2]).toBeLessThan(1.599);
      expect(at(curve, 300)[2] - best[2]).toBeGreaterThan(0.035);
      expect(at(curve, 300)[1]).toBeLessThan(at(curve, 200)[1]);
      for (const lora of runs('lora')) expect(best[2]).toBeLessThan(at(lora.curve, 300)[2]);
    }
    const gap = (p: Point) => p[2] - p[1];
    const loraGaps = runs('lora').map((r) => gap(at(r.curve, 300)));
    for (const p of end) expect(gap(p)).toBeGreaterThan(4 * Math.max(...loraGaps));
  });
});
