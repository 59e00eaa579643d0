/**
 * Does LoRA overfit less than full fine-tuning? For several seeds, on the dinosaur task from the shipped base
 * with the shipped recipes (LoRA r = 8 on Wq, Wv at lr 1e-2; full fine-tuning at 3e-4; batch 64, 300 steps),
 * measures the loss on the whole training split and on the held-out split (npm run overfit).
 * Full fine-tuning is trained here, with both losses every --every steps. LoRA is either trained here the same
 * way (--lora train) or, by default, read from the shipped run of the same seed (r8-wq-wv-s<seed>, trained by
 * scripts/adapters.ts with exactly this recipe), whose final losses are measured here: that halves the cost on
 * a busy machine, and the shipped manifests already hold LoRA's validation curve.
 * The JSON is rewritten after each run, so an interrupted run keeps what it finished.
 * Flags: --steps N (default 300) --every N (default 50) --seeds 1,2,3 --modes full,lora --lora shipped|train --base DIR
 *   --adapters DIR --json FILE (default public/models/overfit.json; "-" writes none)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DEFAULT_LEARNING_RATE,
  DEFAULT_LORA_CONFIG,
  TinyGpt,
  Trainer,
  attachAdaptersFromCheckpoint,
  evaluateLoss,
  makeDatasets,
} from '../src/lora/index';
import { adapterRunName } from '../src/lora/checkpoint-reader';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

type Mode = 'lora' | 'full';
/** step, loss on the training split, loss on the validation split (nats per character). */
type Point = [number, number, number];
interface Run { mode: Mode; seed: number; source: 'trained here' | string; trainableParams: number; curve: Point[] }

async function main(args: string[]): Promise<void> {
  const steps = Number(argValue(args, '--steps') ?? 300);
  const every = Number(argValue(args, '--every') ?? 50);
  const seeds = (argValue(args, '--seeds') ?? '1,2,3').split(',').map(Number);
  const loraSource = argValue(args, '--lora') ?? 'shipped';
  const modes = (argValue(args, '--modes') ?? 'full,lora').split(',');
  if (!(steps > 0 && every > 0 && seeds.every(Number.isInteger)) || !['shipped', 'train'].includes(loraSource)) {
    throw new Error('--steps and --every want positive numbers, --seeds whole numbers, --lora shipped or train');
  }
  const adaptersDir = argValue(args, '--adapters') ?? 'public/models/adapters';
  const jsonPath = argValue(args, '--json') ?? 'public/models/overfit.json';
  const backend = await initBackend('wasm');
  const { model: base } = readBase(argValue(args, '--base'));
  const data = makeDatasets(readWordList('dinosaurs'), { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const measure = async (model: TinyGpt, step: number): Promise<Point> =>
    [step, await evaluateLoss(model, data.train), await evaluateLoss(model, data.validation)];
  const start = await measure(base, 0);
  console.log(`overfit on ${backend}: ${data.trainWords.length} train names (${data.train.count} windows), ${data.validationWords.length} validation names; base ${start[1].toFixed(3)} / ${start[2].toFixed(3)}`);
  const show = (p: Point) => `train ${p[1].toFixed(3)} validation ${p[2].toFixed(3)} gap ${(p[2] - p[1]).toFixed(3)}`;

  /** Trains one mode for `steps` steps, measuring both losses every `every` steps. */
  const train = async (mode: Mode, seed: number): Promise<Run> => {
    const model = new TinyGpt(base.config, { weights: base.getWeights() });
    if (mode === 'lora') model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 8, alpha: 8, targets: ['wq', 'wv'] }, seed);
    const trainer = new Trainer(model, data, { mode, learningRate: DEFAULT_LEARNING_RATE[mode], batchSize: 64, totalSteps: steps, evalEvery: 0,
      evalWindows: data.validation.count, seed });
    const curve: Point[] = [start];
    for (let s = 1; s <= steps; s++) {
      await trainer.trainStep();
      if (s % every === 0 || s === steps) {
        curve.push(await measure(model, s));
        console.log(`  ${mode} seed ${seed} step ${s}: ${show(curve[curve.length - 1])}`);
      }
    }
    const run: Run = { mode, seed, source: 'trained here', trainableParams: trainer.trainableParamCount, curve };
    trainer.dispose();
    model.dispose();
    return run;
  };

  /** The shipped LoRA run of this seed: its final losses, measured here. */
  const shipped = async (seed: number): Promise<Run> => {
    const name = adapterRunName(8, ['wq', 'wv'], seed);
    const file = join(adaptersDir, `${name}.json`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run adapters first, or pass --lora train`);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.training.steps !== steps) throw new Error(`${name} was trained for ${manifest.training.steps} steps, not ${steps}`);
    if (!manifest.training.initSeeding) throw new Error(`${name} predates per-adapter seeding: run npm run adapters -- --resume first`);
    const model = new TinyGpt(base.config, { weights: base.getWeights() });
    const attachment = attachAdaptersFromCheckpoint(model, manifest, readFileSync(join(adaptersDir, manifest.weightsFile)));
    const end = await measure(model, steps);
    console.log(`  lora seed ${seed} (${name}): ${show(end)}`);
    const run: Run = { mode: 'lora', seed, source: name, trainableParams: attachment.paramCount, curve: [start, end] };
    model.dispose();
    return run;
  };

  const runs: Run[] = [];
  // Every full fine-tune first, then LoRA: the shipped adapters may still be training when this starts.
  const jobs = [...(modes.includes('full') ? seeds.map((seed) => () => train('full', seed)) : []),
    ...(modes.includes('lora') ? seeds.map((seed) => () => (loraSource === 'train' ? train('lora', seed) : shipped(seed))) : [])];
  for (const job of jobs) {
    runs.push(await job());
    if (jsonPath !== '-') {
      mkdirSync(dirname(jsonPath), { recursive: true });
      writeFileSync(jsonPath, JSON.stringify({
        description: 'LoRA (r = 8 on Wq, Wv) against full fine-tuning on the dinosaur task: loss on the whole training and validation splits (scripts/overfit.ts).',
        task: { trainWords: data.trainWords.length, validationWords: data.validationWords.length, splitSeed: 1 },
        recipe: { batchSize: 64, learningRate: DEFAULT_LEARNING_RATE, alpha: 8, steps, every, lora: loraSource, backend },
        lossUnit: 'nats per character',
        columns: ['step', 'train', 'validation'],
        runs,
        createdAt: new Date().toISOString(),
      }) + '\n');
    }
  }
  base.dispose();

  console.log('\n== at the end of training (nats per character) ==');
  for (const run of runs) {
    const end = run.curve[run.curve.length - 1];
    const best = run.curve.reduce((b, p) => (p[2] < b[2] ? p : b));
    console.log(`${run.mode} seed ${run.seed} (${run.trainableParams} trainable, ${run.source}): ${show(end)}; lowest validation ${best[2].toFixed(3)} at step ${best[0]}`);
  }
  if (jsonPath !== '-') console.log(`wrote ${jsonPath}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
