/**
 * Train the LoRA adapters the lessons ship (npm run adapters): the dinosaur-name task from the
 * pretrained base: a rank x target sweep (seed 1), r=8 and r=64 on Wq,Wv for seeds 2 and 3 too (lesson 7
 * compares subspaces over these seed pairs), and one attention+MLP run; plus a full fine-tune of the same
 * length as the reference for "gap closed". Each adapter's A starts from its own stream (src/lora/lora.ts).
 * Writes public/models/adapters/<name>.json + <name>.bin (A r x k and B d x r, float32) and
 * index.json, and the browser's word lists to public/models/corpora/. Each run is written as soon
 * as it finishes and --resume skips finished ones, so an interrupted run can carry on.
 *   --steps N (default 300) --out DIR --base DIR --corpora DIR --resume --tiny (3 short runs, for tests)
 *   --part I/N: train only every N-th run from the I-th and write no index (needs the full fine-tune in
 *   index.json already); several parts can run at once, then --resume alone assembles index.json.
 *   --only NAME,NAME: train just these runs (like --part: no index written).
 *   --index-only: train nothing; write index.json from the run files present, whatever their seeding.
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
import { SUBSPACE_SEEDS, adapterRunName } from '../src/lora/checkpoint-reader';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

interface RunSpec {
  r: number;
  targets: LoraTarget[];
  seed: number;
}

const ATTENTION: LoraTarget[] = ['wq', 'wk', 'wv', 'wo'];
/** How A is drawn; --resume retrains runs made with another scheme. */
const INIT_SEEDING = 'per adapter: (seed, block, matrix, r)';
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
  for (const seed of SUBSPACE_SEEDS.slice(1)) for (const r of [8, 64]) runs.push({ r, targets: ['wq', 'wv'], seed });
  runs.push({ r: 8, targets: [...ATTENTION, 'mlpUp', 'mlpDown'], seed: 1 });
  return runs;
}

/** The runs lesson 7 compares first, then r = 4 (its Table 7), then the rest: an interrupted run keeps what matters most. */
export function trainingOrder(runs: RunSpec[]): RunSpec[] {
  const rank = (s: RunSpec) => {
    const wqwv = s.targets.join() === 'wq,wv';
    if (wqwv && (s.r === 8 || s.r === 64) && SUBSPACE_SEEDS.includes(s.seed)) return SUBSPACE_SEEDS.indexOf(s.seed);
    return wqwv && s.r === 4 ? SUBSPACE_SEEDS.length : SUBSPACE_SEEDS.length + 1;
  };
  return runs.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s);
}

async function main(args: string[]): Promise<void> {
  const tiny = args.includes('--tiny');
  const steps = Number(argValue(args, '--steps') ?? (tiny ? 5 : 300));
  const outDir = argValue(args, '--out') ?? 'public/models/adapters';
  const corporaDir = argValue(args, '--corpora') ?? (tiny ? join(outDir, 'corpora') : 'public/models/corpora');
  const baseDir = argValue(args, '--base') ?? 'public/models/base';
  const indexOnly = args.includes('--index-only');
  const resume = indexOnly || args.includes('--resume');
  const only = argValue(args, '--only')?.split(',') ?? null;
  const partArg = argValue(args, '--part');
  const part = partArg ? partArg.split('/').map(Number) : null;
  if (part && !(part.length === 2 && Number.isInteger(part[0]) && Number.isInteger(part[1]) && part[0] >= 0 && part[0] < part[1])) {
    throw new Error(`--part wants I/N with 0 <= I < N, not ${partArg}`);
  }
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
    training: { steps, batchSize: 64, optimizer: 'adam', learningRate: DEFAULT_LEARNING_RATE.lora, alpha: ALPHA, scale: 'alpha / r', initSeeding: INIT_SEEDING, evalEvery, backend, tiny },
    note: tiny ? 'tiny test run' : `${steps} steps per run (a reduced budget to keep the whole set to ~20 minutes on 2 shared cores).`,
    lossUnit: 'nats per character on the full validation split',
    fullFineTune: previous?.fullFineTune ?? null,
    runs: [] as Array<Record<string, unknown>>,
  };

  // Reference: full fine-tuning, same steps and batches, its own (measured) learning rate.
  if ((part || only || indexOnly) && index.fullFineTune?.steps !== steps) throw new Error('--part, --only and --index-only need the full fine-tune in index.json: run once without --part first');
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

  const planned = plannedRuns(tiny);
  const position = new Map<string, number>();
  for (const [i, spec] of planned.entries()) position.set(adapterRunName(spec.r, spec.targets, spec.seed), i);
  for (const [turn, spec] of trainingOrder(planned).entries()) {
    if (part && turn % part[1] !== part[0]) continue;
    const name = adapterRunName(spec.r, spec.targets, spec.seed);
    if (only && !only.includes(name)) continue;
    const file = join(outDir, `${name}.json`);
    if (resume && existsSync(file)) {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (m.training?.steps === steps && (indexOnly || m.training?.initSeeding === INIT_SEEDING)) {
        index.runs.push(m.summary);
        index.runs.sort((a, b) => position.get(a.name as string)! - position.get(b.name as string)!);
        console.log(`${name}: kept (resume)`);
        continue;
      }
    }
    if (indexOnly) {
      console.log(`${name}: missing, left out (--index-only)`);
      continue;
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
      training: { steps, batchSize: 64, learningRate: DEFAULT_LEARNING_RATE.lora, seed: spec.seed, initSeeding: INIT_SEEDING, backend },
      summary,
    }, `${name}.bin`);
    writeFileSync(join(outDir, manifest.weightsFile), bytes);
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    index.runs.push(summary);
    index.runs.sort((a, b) => position.get(a.name as string)! - position.get(b.name as string)!);
    if (!part && !only) writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
    console.log(`${name}: validation ${validationLoss.toFixed(3)}, gap closed ${(100 * summary.gapClosed).toFixed(0)}%, ${summary.trainableParams} params, ${summary.wallSeconds.toFixed(0)} s; ${samples.slice(0, 4).join(', ')}`);
    trainer.dispose();
    model.dispose();
  }
  if (part || only) {
    console.log(`${partArg ? `part ${partArg}` : 'only'}: wrote ${index.runs.length} adapters in ${((Date.now() - t0) / 1000).toFixed(0)} s; run again with --resume alone for index.json`);
    base.dispose();
    return;
  }
  // With --resume the runs may come from earlier or parallel invocations: their own times are summed.
  const runSeconds = index.runs.reduce((a, r) => a + Number(r.wallSeconds ?? 0), 0);
  writeFileSync(indexPath, JSON.stringify({ ...index, wallTimeSeconds: (Date.now() - t0) / 1000, runWallSecondsTotal: runSeconds, createdAt: new Date().toISOString() }, null, 2) + '\n');
  base.dispose();
  console.log(`wrote ${index.runs.length} adapters to ${outDir} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (/adapters\.(c?js|mjs|ts)$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
