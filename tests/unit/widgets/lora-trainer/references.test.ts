import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchingRun, referenceCurves } from '../../../../src/widgets/lora-trainer/references';
import { DEFAULT_SETTINGS } from '../../../../src/widgets/lora-trainer-settings';
import type { AdapterIndex } from '../../../../src/lora/checkpoint-reader';

const index: AdapterIndex = JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'));

describe('reference curves from the shipped adapters', () => {
  it('the default settings are a shipped run: r = 8 on Wq and Wv, with its seed and curve to step 300', () => {
    const run = matchingRun(index, DEFAULT_SETTINGS)!;
    expect(run).toMatchObject({ r: 8, alpha: 8, targets: ['wq', 'wv'] });
    expect(run.curve.at(-1)![0]).toBe(DEFAULT_SETTINGS.steps);
    const curves = referenceCurves(index, DEFAULT_SETTINGS);
    expect(curves.map((c) => [c.kind, c.label])).toEqual([['lora', 'shipped r = 8'], ['full', 'shipped full']]);
    expect(curves[0].seed).toBe(run.seed);
    expect(curves[0].points).toEqual(run.curve);
  });

  it('matches matrices in any order, and needs the same alpha and learning rate (the same recipe)', () => {
    expect(matchingRun(index, { ...DEFAULT_SETTINGS, targets: ['Wv', 'Wq'] })?.name).toBe(matchingRun(index, DEFAULT_SETTINGS)?.name);
    expect(matchingRun(index, { ...DEFAULT_SETTINGS, alpha: 16 })).toBeNull();
    expect(matchingRun(index, { ...DEFAULT_SETTINGS, lr: 0.02 })).toBeNull();
    expect(matchingRun(index, { ...DEFAULT_SETTINGS, r: 3 })).toBeNull();
  });

  it('a run nobody shipped still gets the full fine-tune; another task gets none', () => {
    expect(referenceCurves(index, { ...DEFAULT_SETTINGS, r: 3 }).map((c) => c.kind)).toEqual(['full']);
    expect(referenceCurves(index, { ...DEFAULT_SETTINGS, task: 'pokemon' })).toEqual([]);
    expect(referenceCurves(null, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('drops a damaged curve rather than drawing it', () => {
    const damaged = { ...index, fullFineTune: { ...index.fullFineTune!, curve: [[0, 'x']] } } as unknown as AdapterIndex;
    expect(referenceCurves(damaged, { ...DEFAULT_SETTINGS, r: 3 })).toEqual([]);
  });
});
