/**
 * Pretrain the base character model on ~275k English words (npm run pretrain).
 *   npm run pretrain                     full run, writes public/models/base/{manifest.json,weights.bin}
 *   npm run pretrain -- --tiny --out DIR tiny model, few steps: the unit test runs this exact path
 * Flags: --steps N --batch N --lr X --seed N --max-minutes M --out DIR --backend wasm|cpu --tiny
 * Runs bundled by esbuild (tfjs-core's gradient registry needs a bundler) on the wasm backend.
 * Also exports the Node helpers the other LoRA scripts share (wasm setup, word lists, base loading).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import {
  DEFAULT_MODEL_CONFIG,
  TINY_MODEL_CONFIG,
  TinyGpt,
  Trainer,
  evaluateLoss,
  makeDatasets,
  modelFromCheckpoint,
  packModel,
  sampleNames,
  warmupCosine,
  type CheckpointManifest,
} from '../src/lora/index';

/** Initialise tfjs on wasm (single-threaded: the machine is shared) or cpu. */
export async function initBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (name === 'wasm') {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
  return tf.getBackend();
}

/** Word lists from node_modules (the browser fetches public/models/corpora/*.json instead). */
export function readWordList(name: 'english' | 'dinosaurs' | 'pokemon'): string[] {
  const nm = resolve('node_modules');
  if (name === 'english') return JSON.parse(readFileSync(join(nm, 'an-array-of-english-words/index.json'), 'utf8'));
  if (name === 'pokemon') return JSON.parse(readFileSync(join(nm, 'pokemon/data/en.json'), 'utf8'));
  return readFileSync(join(nm, 'dinosaurs/dinosaurs.csv'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
}

export function readBase(dir = 'public/models/base'): { model: TinyGpt; manifest: CheckpointManifest } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as CheckpointManifest;
  const bytes = readFileSync(join(dir, manifest.weightsFile));
  return { model: modelFromCheckpoint(manifest, new Uint8Array(bytes)), manifest };
}

export function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

export interface PretrainOptions {
  tiny: boolean;
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  maxMinutes: number;
  outDir: string;
  backend: 'wasm' | 'cpu';
}

export function parsePretrainArgs(args: string[]): PretrainOptions {
  const tiny = args.includes('--tiny');
  const num = (flag: string, fallback: number) => Number(argValue(args, flag) ?? fallback);
  return {
    tiny,
    steps: num('--steps', tiny ? 20 : 3000),
    batchSize: num('--batch', tiny ? 16 : 64),
    learningRate: num('--lr', 3e-3),
    seed: num('--seed', 1),
    maxMinutes: num('--max-minutes', tiny ? 1 : 22),
    outDir: argValue(args, '--out') ?? 'public/models/base',
    backend: (argValue(args, '--backend') as 'wasm' | 'cpu') ?? 'wasm',
  };
}

export async function pretrain(opts: PretrainOptions): Promise<CheckpointManifest> {
  const backend = await initBackend(opts.backend);
  const t0 = Date.now();
  let words = readWordList('english');
  // Tiny runs use a slice of the corpus so the test stays fast; the split is the same code path.
  if (opts.tiny) words = words.filter((_, i) => i % 100 === 0);
  const config = opts.tiny ? TINY_MODEL_CONFIG : DEFAULT_MODEL_CONFIG;
  const data = makeDatasets(words, { contextLength: config.contextLength, validationFraction: 0.05, seed: opts.seed });
  const model = new TinyGpt(config, { seed: opts.seed });
  const evalWindows = opts.tiny ? 64 : 2048;
  const trainer = new Trainer(model, data, {
    mode: 'full',
    learningRate: opts.learningRate,
    learningRateAt: warmupCosine(opts.learningRate, Math.min(100, Math.ceil(opts.steps / 10)), opts.steps),
    batchSize: opts.batchSize,
    totalSteps: opts.steps,
    evalEvery: opts.tiny ? 10 : 250,
    evalWindows,
    seed: opts.seed,
  });
  console.log(`pretrain: ${backend} (tfjs-backend-cpu ${version_cpu} as fallback), ${model.baseParamCount} params, ${data.train.count} train / ${data.validation.count} validation windows`);
  let lastTrain = NaN;
  let stoppedEarly = false;
  for await (const r of trainer.run()) {
    lastTrain = r.trainLoss;
    if (r.step % 50 === 0 || r.valLoss !== null) {
      const val = r.valLoss === null ? '' : ` val ${r.valLoss.toFixed(3)}`;
      console.log(`step ${r.step}/${r.totalSteps} train ${r.trainLoss.toFixed(3)}${val} ${r.stepsPerSecond.toFixed(2)} steps/s ${(r.elapsedMs / 1000).toFixed(0)} s`);
    }
    if (Date.now() - t0 > opts.maxMinutes * 60_000) {
      stoppedEarly = true;
      console.log(`stopping at step ${r.step}: --max-minutes ${opts.maxMinutes} reached`);
      trainer.cancel();
    }
  }
  const steps = trainer.step;
  trainer.dispose();
  // Final losses in evaluation mode over fixed windows (not the noisy last batch).
  const finalWindows = opts.tiny ? 64 : 8192;
  const trainLoss = await evaluateLoss(model, data.train, finalWindows);
  const validationLoss = await evaluateLoss(model, data.validation, opts.tiny ? 64 : data.validation.count);
  const samples = await sampleNames(model, { count: 12, temperature: 0.8, seed: 1 });
  const wallTimeSeconds = (Date.now() - t0) / 1000;
  const { manifest, bytes } = packModel(model, {
    description: 'Character-level GPT pretrained on English words; the base for the LoRA lessons.',
    corpus: {
      name: 'an-array-of-english-words@2.0.0 (MIT)',
      words: words.length,
      trainWords: data.trainWords.length,
      validationWords: data.validationWords.length,
      validationFraction: 0.05,
      tiny: opts.tiny,
    },
    training: {
      steps,
      stepsRequested: opts.steps,
      stoppedEarlyByTimeBudget: stoppedEarly,
      batchSize: opts.batchSize,
      optimizer: 'adam',
      learningRate: opts.learningRate,
      schedule: 'linear warm-up then cosine to 0.1x',
      seed: opts.seed,
      backend,
      lastBatchTrainLoss: lastTrain,
    },
    trainLoss,
    trainLossWindows: Math.min(finalWindows, data.train.count),
    validationLoss,
    validationLossWindows: opts.tiny ? Math.min(64, data.validation.count) : data.validation.count,
    lossUnit: 'nats per character (mean cross-entropy over predicted characters, end token included)',
    paramCount: model.baseParamCount,
    samplesTemperature08: samples,
    wallTimeSeconds,
    createdAt: new Date().toISOString(),
  });
  model.dispose();
  mkdirSync(opts.outDir, { recursive: true });
  writeFileSync(join(opts.outDir, manifest.weightsFile), bytes);
  writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${opts.outDir}: train ${trainLoss.toFixed(3)} val ${validationLoss.toFixed(3)} nats/char, ${steps} steps, ${wallTimeSeconds.toFixed(0)} s`);
  console.log(`samples: ${samples.join(', ')}`);
  return manifest;
}

if (/pretrain\.(c?js|mjs|ts)$/.test(process.argv[1] ?? '')) {
  pretrain(parsePretrainArgs(process.argv.slice(2))).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
