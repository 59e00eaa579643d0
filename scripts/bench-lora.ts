/**
 * LoRA vs full fine-tuning on the dinosaur task, from the shipped base (npm run bench:lora).
 * One run prints: step time ratio (LoRA r=8 on Wq,Wv vs full), trainable params and Adam-state bytes
 * as a fraction of full fine-tuning, merged-inference latency vs the base, and the share of the
 * validation-loss gap (base -> full fine-tune) that LoRA closes after the same number of steps.
 * The two trainers step alternately, so machine load (shared cores) hits both equally.
 * Flags: --steps N (default 300) --seed N --base DIR --json FILE (also write the figures as JSON)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as os from 'node:os';
import {
  DEFAULT_LEARNING_RATE,
  DEFAULT_LORA_CONFIG,
  TinyGpt,
  Trainer,
  evaluateLoss,
  makeDatasets,
  measureLatency,
} from '../src/lora/index';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

async function main(args: string[]): Promise<void> {
  const steps = Number(argValue(args, '--steps') ?? 300);
  const seed = Number(argValue(args, '--seed') ?? 1);
  const backend = await initBackend('wasm');
  const { model: base, manifest } = readBase(argValue(args, '--base'));
  const data = makeDatasets(readWordList('dinosaurs'), { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const baseVal = await evaluateLoss(base, data.validation);

  const loraModel = new TinyGpt(base.config, { weights: base.getWeights() });
  const lora = loraModel.attachLora({ ...DEFAULT_LORA_CONFIG, r: 8, alpha: 8, targets: ['wq', 'wv'] }, seed);
  const fullModel = new TinyGpt(base.config, { weights: base.getWeights() });
  const common = { batchSize: 64, totalSteps: steps, evalEvery: 0, seed };
  const loraTrainer = new Trainer(loraModel, data, { ...common, mode: 'lora', learningRate: DEFAULT_LEARNING_RATE.lora });
  const fullTrainer = new Trainer(fullModel, data, { ...common, mode: 'full', learningRate: DEFAULT_LEARNING_RATE.full });

  console.log(`bench:lora on ${backend}, base ${manifest.paramCount} params (validation ${Number(manifest.validationLoss).toFixed(3)} on English)`);
  console.log(`dinosaurs: ${data.trainWords.length} train / ${data.validationWords.length} validation names, ${steps} steps, batch 64, seed ${seed}`);
  const loraMs: number[] = [];
  const fullMs: number[] = [];
  for (let s = 1; s <= steps; s++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const order = s % 2 ? [0, 1] : [1, 0];
    for (const which of order) {
      const t0 = performance.now();
      await (which === 0 ? loraTrainer : fullTrainer).trainStep();
      (which === 0 ? loraMs : fullMs).push(performance.now() - t0);
    }
    if (s % 50 === 0 || s === steps) {
      const lv = await evaluateLoss(loraModel, data.validation);
      const fv = await evaluateLoss(fullModel, data.validation);
      console.log(`  step ${s}: validation LoRA ${lv.toFixed(3)}  full ${fv.toFixed(3)}`);
    }
  }
  const loraVal = await evaluateLoss(loraModel, data.validation);
  const fullVal = await evaluateLoss(fullModel, data.validation);
  const skip = Math.min(10, Math.floor(steps / 5)); // first steps include allocation and warm-up
  const loraStep = median(loraMs.slice(skip));
  const fullStep = median(fullMs.slice(skip));

  // Latency: base vs merged LoRA vs unmerged LoRA, interleaved rounds, median of medians.
  const lat = { base: [] as number[], merged: [] as number[], unmerged: [] as number[] };
  for (let round = 0; round < 5; round++) {
    lat.base.push((await measureLatency(base, { iterations: 20 })).medianMs);
    lora.merge();
    lat.merged.push((await measureLatency(loraModel, { iterations: 20 })).medianMs);
    lora.unmerge();
    lat.unmerged.push((await measureLatency(loraModel, { iterations: 20 })).medianMs);
  }
  lora.merge();
  const mergedVal = await evaluateLoss(loraModel, data.validation);

  const figures = {
    backend,
    steps,
    seed,
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}, Node ${process.version}`,
    stepMs: { lora: loraStep, full: fullStep, ratio: loraStep / fullStep, target: '<= 0.75' },
    trainableParams: { lora: loraTrainer.trainableParamCount, full: fullTrainer.trainableParamCount, ratio: loraTrainer.trainableParamCount / fullTrainer.trainableParamCount },
    adamStateBytes: { lora: loraTrainer.adamStateBytes, full: fullTrainer.adamStateBytes, ratio: loraTrainer.adamStateBytes / fullTrainer.adamStateBytes },
    inferenceMs: { base: median(lat.base), merged: median(lat.merged), unmerged: median(lat.unmerged), mergedOverBase: median(lat.merged) / median(lat.base), target: '<= 1.05' },
    validationLoss: { base: baseVal, lora: loraVal, loraMerged: mergedVal, full: fullVal },
    gapClosed: { value: (baseVal - loraVal) / (baseVal - fullVal), target: '>= 0.90' },
    learningRates: DEFAULT_LEARNING_RATE,
  };
  const ok = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  console.log('\n== LoRA r=8 on Wq,Wv vs full fine-tuning ==');
  console.log(`step time      LoRA ${loraStep.toFixed(0)} ms  full ${fullStep.toFixed(0)} ms  ratio ${figures.stepMs.ratio.toFixed(2)}  (target <= 0.75) ${ok(figures.stepMs.ratio <= 0.75)}`);
  console.log(`trainable      LoRA ${figures.trainableParams.lora}  full ${figures.trainableParams.full}  ratio ${pct(figures.trainableParams.ratio)}`);
  console.log(`Adam state     LoRA ${figures.adamStateBytes.lora} B  full ${figures.adamStateBytes.full} B  ratio ${pct(figures.adamStateBytes.ratio)}`);
  console.log(`inference      base ${figures.inferenceMs.base.toFixed(2)} ms  merged ${figures.inferenceMs.merged.toFixed(2)} ms  unmerged ${figures.inferenceMs.unmerged.toFixed(2)} ms  merged/base ${figures.inferenceMs.mergedOverBase.toFixed(3)}  (target <= 1.05) ${ok(figures.inferenceMs.mergedOverBase <= 1.05)}`);
  console.log(`validation     base ${baseVal.toFixed(3)}  LoRA ${loraVal.toFixed(3)} (merged ${mergedVal.toFixed(3)})  full ${fullVal.toFixed(3)} nats/char`);
  console.log(`gap closed     ${pct(figures.gapClosed.value)} of (base - full) after ${steps} steps  (target >= 90%) ${ok(figures.gapClosed.value >= 0.9)}`);
  const jsonPath = argValue(args, '--json');
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify({ ...figures, createdAt: new Date().toISOString() }, null, 2) + '\n');
    console.log(`wrote ${jsonPath}`);
  }
  loraTrainer.dispose();
  fullTrainer.dispose();
  [base, loraModel, fullModel].forEach((m) => m.dispose());
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
