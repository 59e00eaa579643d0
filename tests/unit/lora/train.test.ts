import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_LORA_CONFIG, TINY_MODEL_CONFIG, TinyGpt, Trainer, adamStateBytes, makeDatasets, warmupCosine } from '../../../src/lora/index';
import { useCpu } from './setup';

beforeAll(useCpu);

const dinosaurs = readFileSync('node_modules/dinosaurs/dinosaurs.csv', 'utf8').split('\n').filter(Boolean);
const data = makeDatasets(dinosaurs, { contextLength: 16, validationFraction: 0.1, seed: 1 });
const pokemon = JSON.parse(readFileSync('node_modules/pokemon/data/en.json', 'utf8')) as string[];
const pokemonData = makeDatasets(pokemon, { contextLength: 16, validationFraction: 0.1, seed: 1 });

describe('Trainer', () => {
  test('full fine-tuning: validation loss falls within 30 steps', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const trainer = new Trainer(model, data, { mode: 'full', learningRate: 1e-2, batchSize: 16, totalSteps: 30, evalEvery: 0, evalWindows: 128 });
    const before = await trainer.evaluate();
    const losses: number[] = [];
    for await (const r of trainer.run()) losses.push(r.trainLoss);
    const after = await trainer.evaluate();
    expect(losses).toHaveLength(30);
    expect(trainer.state).toBe('done');
    expect(after).toBeLessThan(before - 0.3);
    trainer.dispose();
    model.dispose();
  });

  test('LoRA: validation loss falls within 30 steps on a new task', async () => {
    // As in the lessons: a base trained a little on one list, adapted to another (Pokémon).
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const base = new Trainer(model, data, { mode: 'full', learningRate: 1e-2, batchSize: 16, totalSteps: 20, evalEvery: 0 });
    for await (const _ of base.run()) void _;
    base.dispose();
    model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 4, targets: ['wq', 'wv', 'mlpUp', 'mlpDown'] });
    const trainer = new Trainer(model, pokemonData, { mode: 'lora', learningRate: 1e-2, batchSize: 16, totalSteps: 30, evalEvery: 15, evalWindows: 128 });
    const before = await trainer.evaluate();
    const evals: number[] = [];
    for await (const r of trainer.run()) if (r.valLoss !== null) evals.push(r.valLoss);
    expect(evals).toHaveLength(2);
    expect(evals[1]).toBeLessThan(before - 0.1);
    trainer.dispose();
    model.dispose();
  });

  test('no tensor leaks: 50 steps and dispose() leave tf.memory() as before', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 2, dropout: 0.1 });
    const start = tf.memory().numTensors;
    const trainer = new Trainer(model, data, { mode: 'lora', batchSize: 8, totalSteps: 51, evalEvery: 10, evalWindows: 32 });
    await trainer.trainStep(); // allocates Adam's moments
    const afterFirst = tf.memory().numTensors;
    for await (const _ of trainer.run()) void _;
    expect(trainer.step).toBe(51);
    expect(tf.memory().numTensors).toBe(afterFirst);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  test('pause, resume and cancel', async () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const trainer = new Trainer(model, data, { mode: 'full', batchSize: 4, totalSteps: 100, evalEvery: 0 });
    const seen: number[] = [];
    const run = (async () => {
      for await (const r of trainer.run()) {
        seen.push(r.step);
        if (r.step === 3) {
          trainer.pause();
          setTimeout(() => {
            expect(seen).toEqual([1, 2, 3]); // nothing ran while paused
            trainer.resume();
          }, 30);
        }
        if (r.step === 6) trainer.cancel();
      }
    })();
    await run;
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(trainer.state).toBe('cancelled');
    trainer.dispose();
    model.dispose();
  });

  test('counts trainable parameters and Adam state for both modes', () => {
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const full = new Trainer(model, data, { mode: 'full' });
    expect(full.trainableParamCount).toBe(model.baseParamCount);
    expect(full.adamStateBytes).toBe(8 * model.baseParamCount);
    full.dispose();
    expect(() => new Trainer(model, data, { mode: 'lora' })).toThrow(/attachLora/);
    const att = model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 2, targets: ['wq'] });
    const lora = new Trainer(model, data, { mode: 'lora' });
    expect(lora.trainableParamCount).toBe(att.paramCount);
    expect(att.paramCount).toBe(2 * (16 + 16));
    expect(lora.adamStateBytes).toBe(adamStateBytes(att.paramCount));
    expect(() => new Trainer(model, data, { mode: 'full' })).toThrow(/detach/);
    lora.dispose();
    model.dispose();
  });

  test('warm-up then cosine schedule', () => {
    const lr = warmupCosine(1, 10, 110, 0.1);
    expect(lr(0)).toBeCloseTo(0.1);
    expect(lr(9)).toBeCloseTo(1);
    expect(lr(60)).toBeCloseTo(0.55);
    expect(lr(110)).toBeCloseTo(0.1);
  });
});
