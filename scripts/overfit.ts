/**
 * Does LoRA overfit less than full fine-tuning? Trains both on the dinosaur task from the shipped base, with
 * the shipped recipes (LoRA r = 8 on Wq, Wv at lr 1e-2; full fine-tuning at its own lr), for several seeds and the
 * shipped number of steps, and measures the loss on the whole training split and on the held-out
 * split as training goes on. The two trainers of a seed step alternately, so machine load hits both alike.
 * Lesson 5 quotes the result (tests/unit/lora/overfit-findings.test.ts pins it).
 * Flags: --steps N (default 300) --every N (default 50) --seeds 1,2,3 --base DIR --json FILE
 *   (default public/models/overfit.json; "-" writes none)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_LEARNING_RATE,
  DEFAULT_LORA_CONFIG,
  TinyGpt,
  Trainer,
  evaluateLoss,
  makeDatasets,
} from '../src/lora/index';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

type Mode = 'lora' | 'full';
/** step, loss on the training split, loss on the validation split (nats per character). */
type Point = [number, number, number];

async function main(args: string[]): Promise<void> {
  const steps = Number(argValue(args, '--steps') ?? 300);
  const every = Number(argValue(args, '--every') ?? 50);
  const seeds = (argValue(args, '--seeds') ?? '1,2,3').split(',').map(Number);
  if (!(steps > 0 && every > 0 && seeds.every(Number.isInteger))) throw new Error('--steps and --every want positive numbers, --seeds whole numbers');
  const jsonPath = argValue(args, '--json') ?? 'public/models/overfit.json';
  const backend = await initBackend('wasm');
  const { model: base } = readBase(argValue(args, '--base'));
  const data = makeDatasets(readWordList('dinosaurs'), { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const measure = async (model: TinyGpt, step: number): Promise<Point> =>
    [step, await evaluateLoss(model, data.train), await evaluateLoss(model, data.validation)];
  const start = await measure(base, 0);
  console.log(`overfit on ${backend}: ${data.trainWords.length} train names (${data.train.count} windows), ${data.validationWords.length} validation names; base ${start[1].toFixed(3)} / ${start[2].toFixed(3)}`);

  const runs: Array<{ mode: Mode; seed: number; trainableParams: number; curve: Point[] }> = [];
  for (const seed of seeds) {
    const models: Record<Mode, TinyGpt> = {
      lora: new TinyGpt(base.config, { weights: base.getWeights() }),
      full: new TinyGpt(base.config, { weights: base.getWeights() }),
    };
    models.lora.attachLora({ ...DEFAULT_LORA_CONFIG, r: 8, alpha: 8, targets: ['wq', 'wv'] }, seed);
    const common = { batchSize: 64, totalSteps: steps, evalEvery: 0, seed };
    const trainers: Record<Mode, Trainer> = {
      lora: new Trainer(models.lora, data, { ...common, mode: 'lora', learningRate: DEFAULT_LEARNING_RATE.lora }),
      full: new Trainer(models.full, data, { ...common, mode: 'full', learningRate: DEFAULT_LEARNING_RATE.full }),
    };
    const curves: Record<Mode, Point[]> = { lora: [start], full: [start] };
    for (let s = 1; s <= steps; s++) {
      for (const mode of ['lora', 'full'] as const) await trainers[mode].trainStep();
      if (s % every === 0 || s === steps) {
        for (const mode of ['lora', 'full'] as const) curves[mode].push(await measure(models[mode], s));
        const [, lt, lv] = curves.lora[curves.lora.length - 1];
        const [, ft, fv] = curves.full[curves.full.length - 1];
        console.log(`  seed ${seed} step ${s}: LoRA train ${lt.toFixed(3)} validation ${lv.toFixed(3)} | full train ${ft.toFixed(3)} validation ${fv.toFixed(3)}`);
      }
    }
    for (const mode of ['lora', 'full'] as const) {
      runs.push({ mode, seed, trainableParams: trainers[mode].trainableParamCount, curve: curves[mode] });
      trainers[mode].dispose();
      models[mode].dispose();
    }
  }
  base.dispose();

  console.log('\n== train / validation loss, mean over seeds (nats per character) ==');
  for (const mode of ['lora', 'full'] as const) {
    const mine = runs.filter((r) => r.mode === mode);
    const at = (i: number, col: 1 | 2) => mine.reduce((a, r) => a + r.curve[i][col], 0) / mine.length;
    const best = mine.map((r) => r.curve.reduce((b, p) => (p[2] < b[2] ? p : b)));
    console.log(`${mode === 'lora' ? 'LoRA r=8 Wq,Wv' : 'full fine-tune'} (${mine[0].trainableParams} trainable):`);
    for (let i = 1; i < mine[0].curve.length; i++) {
      console.log(`  step ${mine[0].curve[i][0]}: train ${at(i, 1).toFixed(3)}  validation ${at(i, 2).toFixed(3)}  gap ${(at(i, 2) - at(i, 1)).toFixed(3)}`);
    }
    console.log(`  lowest validation per seed: ${best.map((p) => `${p[2].toFixed(3)} at step ${p[0]}`).join(', ')}`);
  }
  if (jsonPath !== '-') {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify({
      description: 'LoRA (r = 8 on Wq, Wv) against full fine-tuning on the dinosaur task: loss on the whole training and validation splits during training (scripts/overfit.ts).',
      task: { trainWords: data.trainWords.length, validationWords: data.validationWords.length, splitSeed: 1 },
      recipe: { batchSize: 64, learningRate: DEFAULT_LEARNING_RATE, alpha: 8, steps, every, backend },
      lossUnit: 'nats per character',
      columns: ['step', 'train', 'validation'],
      runs,
      createdAt: new Date().toISOString(),
    }) + '\n');
    console.log(`wrote ${jsonPath}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
