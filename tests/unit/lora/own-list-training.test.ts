/**
 * A reader's own list, end to end in Node: cleaned, split and trained on with LoRA. The tiny model keeps it to
 * seconds on the cpu backend; the shipped model's run on a real list is scripts/own-list.ts (npm run own-list).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LORA_CONFIG, TINY_MODEL_CONFIG, TinyGpt, Trainer, evaluateLoss, makeDatasets } from '../../../src/lora/index';
import { readWordListText } from '../../../src/lora/word-list';
import { useCpu } from './setup';

beforeAll(useCpu);

/** A planted pattern no name list has (zax|zox|zux|zix + qu|qi|qa + vyx|vox|vix), written with accents and separators. */
function plantedText(): string {
  const heads = ['Zäx', 'Zöx', 'Züx', 'Zíx'];
  const lines: string[] = [];
  for (const a of heads) for (const b of ['qu', 'qi', 'qa']) for (const c of ['vyx', 'vox', 'vix']) lines.push(`${a}-${b}${c}`);
  return `${lines.join('\n')}\nZäx-quvyx\n`; // the last one twice
}

describe('training on a planted list of your own', () => {
  test('the cleaned list trains: LoRA lowers the loss on held-out words of the pattern within 30 steps', async () => {
    const reading = readWordListText(plantedText(), 16);
    if (!reading.ok) throw new Error('the planted list should be usable');
    expect(reading.list).toMatchObject({ entries: 37, duplicates: 1, removedCount: 37, foldedCount: 37 });
    expect(reading.list.words[0]).toBe('zaxquvyx');
    const model = new TinyGpt(TINY_MODEL_CONFIG, { seed: 1 });
    const data = makeDatasets(reading.list.words, { contextLength: 16, validationFraction: 0.1, seed: 1 });
    expect(data.validationWords).toHaveLength(4);
    model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 4, alpha: 4, targets: ['wq', 'wv', 'mlpUp', 'mlpDown'] }, 1);
    const before = await evaluateLoss(model, data.validation);
    const trainer = new Trainer(model, data, { mode: 'lora', learningRate: 5e-2, batchSize: 16, totalSteps: 30, evalEvery: 0, evalWindows: data.validation.count, seed: 1 });
    for await (const _ of trainer.run()) void _;
    const after = await evaluateLoss(model, data.validation);
    console.log(`planted list: validation loss ${before.toFixed(3)} -> ${after.toFixed(3)} in 30 LoRA steps`);
    // From a random tiny base only the adapters learn (seeded, so the figure repeats: 3.360 -> 3.141).
    expect(after).toBeLessThan(before - 0.15);
    trainer.dispose();
    model.dispose();
  }, 30_000);
});
