/**
 * Train the LoRA adapters the lessons ship (npm run adapters): the dinosaur-name task from the
 * pretrained base, r=8 and r=64 on Wq,Wv (seed 1), r=64 seed 2, a rank x target sweep, and one
 * attention+MLP run; plus a full fine-tune of the same length as the reference for "gap closed".
 * Writes public/models/adapters/<name>.json + <name>.bin (A r x k and B d x r, float32) and
 * index.json, and the browser's word lists to public/models/corpora/. Each run is written as soon
 * as it finishes and --resume skips finished ones, so an interrupted run can carry on.
 *   --steps N (default 300) --out DIR --base DIR --corpora DIR --resume --tiny (3 short runs, for tests)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_LEARNING_RATE,
  DEFAULT_LORA_CONFIG,
  type LoraConfig,
  type LoraTarget,
  TinyGpt,
  Trainer,
  evaluateLoss,
  makeDatasets,
  packAdapters,
  sampleNames,
} from '../src/lora/index';
import { adapterRunName } from '../src/lora/checkpoint-reader';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

interface RunSpec {
  r: number;
  targets: LoraTarget[];
  seed: number;
}

const ATTENTION: LoraTarget[] = ['wq', 'wk', 'wv', 'wo'];
const ALPHA = 8; // the LoRA paper's recipe: alpha = the first r tried, then left alone (scale = 8 / r)

export function plannedRuns(tiny: boolean): RunSpec[] {
  if (tiny) {
    return [
      { r: 1, targets: ['wq'], seed: 1 },
      { r: 8, targets: ['wq', 'wv'], seed: 1 },
      { r: 8, targets: ['wq', 'wv'], seed: 2 },
    ];
  }
  const runs: RunSpec[] = [];
  for (const targets of [['wq'], ['wq', 'wv'], ATTENTION] as LoraTarget[][]) {
    for (const r of [1, 2, 4, 8, 64]) runs.push({ r, targets, seed: 1 });
  }
  runs.push({ r: 64, targets: ['wq', 'wv'], seed: 2 });
  runs.push({ r: 8, targets: [...ATTENTION, 'mlpUp', 'mlpDown'], seed: 1 });
  return runs;
}

async function main(args: string[]): Promise<void> {
  const tiny = args.includes('--tiny');
  const steps = Number(argValue(args, '--steps') ?? (tiny ? 5 : 300));
  const outDir = argValue(args, '--out') ?? 'public/models/adapters';
  const corporaDir = argValue(args, '--corpora') ?? (tiny ? join(outDir, 'corpora') : 'public/models/corpora');
  const baseDir = argValue(args, '--base') ?? 'public/models/base';
  const resume = args.includes('--resume');
  const evalEvery = tiny ? 5 : 50;
  const backend = await initBackend('wasm');
  const t0 = Date.now();
  mkdirSync(outDir, { recursive: true });

  // Word lists for the browser: the same lists the Node scripts read, as fetchable JSON.
  mkdirSync(corporaDir, { recursive: true });
  const corpora = {
    dinosaurs: { source: 'npm dinosaurs@1.2.1', license: 'WTFPL', words: readWordList('dinosaurs') },
    pokemon: { source: 'npm pokemon@3.3.1 (data/en.json)', license: 'MIT (list compiled by Sindre Sorhus; names are trademarks of Nintendo/Game Freak)', words: readWordList('pokemon') },
  };
  for (const [name, body] of Object.entries(corpora)) writeFileSync(join(corporaDir, `${name}.json`), JSON.stringify(body) + '\n');

  const { model: base, manifest: baseManifest } = readBase(baseDir);
  const data = makeDatasets(corpora.dinosaurs.words, { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const baseVal = await evaluateLoss(base, data.validation);
  const common = { batchSize: 64, totalSteps: steps, evalEvery, evalWindows: data.validation.count };
  console.log(`adapters on ${backend}: dinosaurs ${data.trainWords.length} train / ${data.validationWords.length} validation names, base validation ${baseVal.toFixed(3)}`);

  const indexPath = join(outDir, 'index.json');
  const previous = resume && existsSync(indexPath) ? JSON.parse(readFileSync(indexPath, 'utf8')) : null;
  const index = {
    description: 'LoRA adapters for the dinosaur-name task, trained from ../base with the same code as the in-browser trainer.',
    task: { corpus: corpora.dinosaurs.source, validationFraction: 0.1, splitSeed: 1, trainWords: data.trainWords.length, validationWords: data.validationWords.length },
    base: { manifest: '../base/manifest.json', validationLossOnTask: baseVal, englishValidationLoss: baseManifest.validationLoss },
    training: { steps, batchSize: 64, optimizer: 'adam', learningRate: DEFAULT_LEARNING_RATE.lora, alpha: ALPHA, scale: 'alpha / r', evalEvery, backend, tiny },
    note: tiny ? 'tiny test run' : `${steps} steps per run (a reduced budget to keep the whole set to ~20 minutes on 2 shared cores).`,
    lossUnit: 'nats per character on the full validation split',
    fullFineTune: previous?.fullFineTune ?? null,
    runs: [] as Array<Record<string, unknown>>,
  };

  // Reference: full fine-tuning, same steps and batches, its own (measured) learning rate.
  if (!index.fullFineTune || index.fullFineTune.steps !== steps) {
    const full = new TinyGpt(base.config, { weights: base.getWeights() });
    const trainer = new Trainer(full, data, { ...common, mode: 'full', learningRate: DEFAULT_LEARNING_RATE.full, seed: 1 });
    const curve: Array<[number, number]> = [[0, baseVal]];
    for await (const r of trainer.run()) if (r.valLoss !== null) curve.push([r.step, r.valLoss]);
    index.fullFineTune = { steps, learningRate: DEFAULT_LEARNING_RATE.full, seed: 1, trainableParams: trainer.trainableParamCount, validationLoss: curve[curve.length - 1][1], curve };
    console.log(`full fine-tune: validation ${index.fullFineTune.validationLoss.toFixed(3)}`);
    trainer.dispose();
    full.dispose();
  }
  const fullVal: number = index.fullFineTune.validationLoss;

  for (const spec of plannedRuns(tiny)) {
    const name = adapterRunName(spec.r, spec.targets, spec.seed);
    const file = join(outDir, `${name}.json`);
    if (resume && existsSync(file)) {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (m.training?.steps === steps) {
        index.runs.push(m.summary);
        console.log(`${name}: kept (resume)`);
        continue;
      }
    }
    const t1 = Date.now();
    const model = new TinyGpt(base.config, { weights: base.getWeights() });
    const config: LoraConfig = { ...DEFAULT_LORA_CONFIG, r: spec.r, alpha: ALPHA, targets: spec.targets };
    const attachment = model.attachLora(config, spec.seed);
    const trainer = new Trainer(model, data, { ...common, mode: 'lora', learningRate: DEFAULT_LEARNING_RATE.lora, seed: spec.seed });
    const curve: Array<[number, number]> = [[0, baseVal]];
    for await (const r of trainer.run()) if (r.valLoss !== null) curve.push([r.step, r.valLoss]);
    const validationLoss = curve[curve.length - 1][1];
    const samples = await sampleNames(model, { count: 8, temperature: 0.8, seed: 1 });
    const summary = {
      name,
      manifest: `${name}.json`,
      r: spec.r,
      alpha: ALPHA,
      targets: spec.targets,
      seed: spec.seed,
      trainableParams: trainer.trainableParamCount,
      adamStateBytes: trainer.adamStateBytes,
      validationLoss,
      gapClosed: (baseVal - validationLoss) / (baseVal - fullVal),
      curve,
      samplesTemperature08: samples,
      wallSeconds: (Date.now() - t1) / 1000,
    };
    const { manifest, bytes } = packAdapters(attachment, {
      task: 'dinosaurs',
      base: '../base/manifest.json',
      training: { steps, batchSize: 64, learningRate: DEFAULT_LEARNING_RATE.lora, seed: spec.seed, backend },
      summary,
    }, `${name}.bin`);
    writeFileSync(join(outDir, manifest.weightsFile), bytes);
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    index.runs.push(summary);
    writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
    console.log(`${name}: validation ${validationLoss.toFixed(3)}, gap closed ${(100 * summary.gapClosed).toFixed(0)}%, ${summary.trainableParams} params, ${summary.wallSeconds.toFixed(0)} s; ${samples.slice(0, 4).join(', ')}`);
    trainer.dispose();
    model.dispose();
  }
  writeFileSync(indexPath, JSON.stringify({ ...index, wallTimeSeconds: (Date.now() - t0) / 1000, createdAt: new Date().toISOString() }, null, 2) + '\n');
  base.dispose();
  console.log(`wrote ${index.runs.length} adapters to ${outDir} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (/adapters\.(c?js|mjs|ts)$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
