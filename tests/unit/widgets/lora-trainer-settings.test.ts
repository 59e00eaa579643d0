import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_CONFIG, TINY_MODEL_CONFIG } from '../../../src/lora/config';
import {
  RULES, formatBytes, formatPercent, groupsInWords, loraParamCount, loraTargets, modelParamCount, readNumber, readTargets, readTask,
} from '../../../src/widgets/lora-trainer-settings';

describe('reading the trainer settings', () => {
  test('numbers in range are used as given, with no message', () => {
    expect(readNumber('8', RULES.r, 4)).toEqual({ value: 8, message: '' });
    expect(readNumber(' 3e-4 ', RULES.lr, 0.01)).toEqual({ value: 3e-4, message: '' });
    expect(readNumber(null, RULES.r, 4)).toEqual({ value: 4, message: '' });
  });

  test('out-of-range, fractional and hostile text is clamped or replaced, with a message in words', () => {
    expect(readNumber('9999', RULES.r, 8)).toEqual({ value: 128, message: 'rank r “9999” is above the range 1–128, so 128 is used.' });
    expect(readNumber('-5', RULES.alpha, 8).value).toBe(1);
    expect(readNumber('2.6', RULES.r, 8)).toMatchObject({ value: 3, message: expect.stringContaining('not a whole number') });
    expect(readNumber('1e999', RULES.steps, 100).value).toBe(2000);
    expect(readNumber('5', RULES.lr, 0.01)).toMatchObject({ value: 0.3, message: expect.stringContaining('above') });
    for (const bad of ['', 'abc', '0x1f', 'Infinity', 'NaN', '<img src=x>', '1,5']) {
      const reading = readNumber(bad, RULES.r, 8);
      expect(reading.value).toBe(8);
      expect(reading.message).toMatch(/is not a number, so 8 is used/);
    }
    expect(readNumber('x'.repeat(500), RULES.r, 8).message.length).toBeLessThan(80);
  });

  test('targets from a list, a JSON array (as a shared link writes them) or with unknown names', () => {
    expect(readTargets('Wq,Wv')).toEqual({ value: ['Wq', 'Wv'], message: '' });
    expect(readTargets('wv wq MLP').value).toEqual(['Wq', 'Wv', 'MLP']);
    expect(readTargets('["Wq","Wk","Wv","Wo"]')).toEqual({ value: ['Wq', 'Wk', 'Wv', 'Wo'], message: '' });
    expect(readTargets('Wq,Wz')).toEqual({ value: ['Wq'], message: 'targets: “Wz” is not a matrix this model has; Wq is used.' });
    expect(readTargets('<script>')).toEqual({ value: ['Wq', 'Wv'], message: expect.stringContaining('name none of Wq, Wk, Wv, Wo, MLP') });
    expect(readTargets('')).toMatchObject({ value: ['Wq', 'Wv'] });
    expect(readTargets(null)).toEqual({ value: ['Wq', 'Wv'], message: '' });
  });

  test('task must be one of the two lists or the reader\'s own', () => {
    expect(readTask('pokemon')).toEqual({ value: 'pokemon', message: '' });
    expect(readTask('Dinosaurs').value).toBe('dinosaurs');
    expect(readTask('own')).toEqual({ value: 'own', message: '' });
    expect(readTask('evil')).toEqual({ value: 'dinosaurs', message: 'task “evil” is not one of dinosaurs, pokemon, own, so dinosaurs is used.' });
  });
});

describe('counts', () => {
  test('the shipped model has 406,044 numbers (src/lora/README.md); the tiny one is counted the same way', () => {
    expect(modelParamCount(DEFAULT_MODEL_CONFIG)).toBe(406_044);
    const { vocabSize: v, contextLength: t, dModel: d, mlpHidden: h } = TINY_MODEL_CONFIG;
    expect(modelParamCount(TINY_MODEL_CONFIG)).toBe(v * d + t * d + (4 * (d * d + d) + 2 * d * h + h + d + 4 * d) + 2 * d + d * v + v);
  });

  test('LoRA trains r (k + d) per adapted matrix per block', () => {
    // r = 8 on Wq and Wv: 2 blocks x 2 matrices x 8 x (128 + 128) = 8,192 (README, MEASUREMENTS).
    expect(loraParamCount(DEFAULT_MODEL_CONFIG, 8, ['Wq', 'Wv'])).toBe(8192);
    expect(loraParamCount(DEFAULT_MODEL_CONFIG, 1, ['Wq'])).toBe(512);
    // The MLP's two matrices are 128 x 512 and 512 x 128: 2 x 8 x 640 per block.
    expect(loraParamCount(DEFAULT_MODEL_CONFIG, 8, ['MLP'])).toBe(2 * 2 * 8 * 640);
    expect(loraTargets(['MLP', 'Wq'])).toEqual(['wq', 'mlpUp', 'mlpDown']);
  });

  test('words for bytes, percentages and lists', () => {
    expect(formatBytes(65_536)).toBe('64 KiB');
    expect(formatBytes(8 * 406_044)).toBe('3.1 MiB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatPercent(8192, 406_044)).toBe('2.02%');
    expect(formatPercent(512, 406_044)).toBe('0.13%');
    expect(formatPercent(406_044, 406_044)).toBe('100%');
    expect(groupsInWords(['Wq', 'Wv', 'MLP'])).toBe('Wq, Wv and the MLP');
  });
});
