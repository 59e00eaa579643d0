/**
 * Lesson 6's full-rank figure: LoRA with r = 128 (full rank: every matrix of the model is 128 wide on one side)
 * on every matrix of both blocks, against full fine-tuning, with the shipped runs' recipe (300 steps, batch 64,
 * Adam, lr 0.01 for LoRA and 3e-4 for full fine-tuning, seed 1, the same batches).
 *   esbuild-bundled and run like npm run adapters; prints JSON. --steps N --alpha A,B (default 8, as shipped)
 *   --only lora|full (default both)
 */
import {
  DEFAULT_LEARNING_RATE, DEFAULT_LORA_CONFIG, TinyGpt, Trainer, evaluateLoss, makeDatasets, type LoraConfig, type TrainMode,
} from '../src/lora/index';
import { argValue, initBackend, readBase, readWordList } from './pretrain';

async function main() {
  const args = process.argv.slice(2);
  const steps = Number(argValue(args, '--steps') ?? 300);
  const alphas = (argValue(args, '--alpha') ?? '8').split(',').map(Number);
  const backend = await initBackend('wasm');
  const { model: base } = readBase('public/models/base');
  const data = makeDatasets(readWordList('dinosaurs'), { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const baseVal = await evaluateLoss(base, data.validation);
  const runs: Array<Record<string, unknown>> = [];
  const train = async (label: string, mode: TrainMode, lora?: LoraConfig) => {
    const model = new TinyGpt(base.config, { weights: base.getWeights() });
    if (lora) model.attachLora(lora, 1);
    const trainer = new Trainer(model, data, { batchSize: 64, totalSteps: steps, evalEvery: 50, evalWindows: data.validation.count, mode, learningRate: DEFAULT_LEARNING_RATE[mode], seed: 1 });
    const curve: Array<[number, number]> = [[0, baseVal]];
    const trainLoss: number[] = [];
    const t0 = Date.now();
    for await (const r of trainer.run()) {
      trainLoss.push(r.trainLoss);
      if (r.valLoss !== null) curve.push([r.step, r.valLoss]);
    }
    // Training loss on the whole training split at the end, to set beside validation (overfitting shows as a gap).
    const trainSplitLoss = await evaluateLoss(model, data.train, Math.min(data.train.count, 4096));
    const run = { label, trainable: trainer.trainableParamCount, validationLoss: curve[curve.length - 1][1], bestValidation: Math.min(...curve.map((p) => p[1])),
      trainSplitLoss, curve, seconds: (Date.now() - t0) / 1000 };
    console.error(JSON.stringify(run));
    runs.push(run);
    trainer.dispose();
    model.dispose();
  };
  const only = argValue(args, '--only');
  const every = ['wq', 'wk', 'wv', 'wo', 'mlpUp', 'mlpDown'] as const;
  if (only !== 'full') {
    for (const alpha of alphas) await train(`LoRA r = 128, alpha ${alpha}, every matrix`, 'lora', { ...DEFAULT_LORA_CONFIG, r: 128, alpha, targets: [...every] });
  }
  if (only !== 'lora') await train('full fine-tuning', 'full');
  console.log(JSON.stringify({ backend, steps, baseValidation: baseVal, runs }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
