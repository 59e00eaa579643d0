/**
 * What a short in-browser retrain of lesson 7's subspace widget shows: trains r = 8 and r = 64 on Wq, Wv with
 * the widget's recipe (the shipped one, fewer steps; src/widgets/adapter-retrain.ts) for several seeds, and
 * prints the 8 x 8 corner mean of phi(A_8, A_64) per layer and matrix against chance (max(i, j) / 128 on
 * average). Step 0 is the untrained start, which must sit at chance now that every A is drawn on its own.
 * Flags: --steps 0,5,25 --seeds 101,102,103 --base DIR --json FILE (npm run retrain-overlap; lesson 7 quotes --steps 0,5,
 * written to public/models/retrain-overlap.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_LEARNING_RATE, DEFAULT_LORA_CONFIG, TinyGpt, Trainer, makeDatasets } from '../src/lora/index';
import { loraFactor, overlapSummary } from '../src/lora/adapter-analysis';
import type { NamedArrays } from '../src/lora/model';
import { argValue, initBackend, readBase, readWordList } from './pretrain';
import { spread } from './why-low-rank';

async function main(args: string[]): Promise<void> {
  const stepList = (argValue(args, '--steps') ?? '0,5,25').split(',').map(Number);
  const seeds = (argValue(args, '--seeds') ?? '101,102,103').split(',').map(Number);
  const backend = await initBackend('wasm');
  const { model: base } = readBase(argValue(args, '--base'));
  const data = makeDatasets(readWordList('dinosaurs'), { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });

  /** A of every adapted matrix after `steps` steps at rank r (the widget's retrain, seed for seed). */
  const trainedA = async (r: number, seed: number, steps: number): Promise<NamedArrays> => {
    const model = new TinyGpt(base.config, { weights: base.getWeights() });
    const attachment = model.attachLora({ ...DEFAULT_LORA_CONFIG, r, alpha: 8, targets: ['wq', 'wv'] }, seed);
    const trainer = new Trainer(model, data, { mode: 'lora', learningRate: DEFAULT_LEARNING_RATE.lora, batchSize: 64, totalSteps: steps,
      evalEvery: 0, evalWindows: data.validation.count, seed });
    for (let s = 0; s < steps; s++) await trainer.trainStep();
    const out: NamedArrays = {};
    for (const { name, A } of attachment.factors()) out[`${name}.A`] = A;
    trainer.dispose();
    model.dispose();
    return out;
  };

  const rows = [];
  for (const steps of stepList) {
    for (const seed of seeds) {
      const [A8, A64] = [await trainedA(8, seed, steps), await trainedA(64, seed, steps)];
      for (let layer = 0; layer < base.config.nLayers; layer++) {
        for (const matrix of ['wq', 'wv']) {
          const o = overlapSummary(loraFactor(A8, layer, matrix, 'A'), loraFactor(A64, layer, matrix, 'A'), 8, 64);
          rows.push({ steps, seed, layer: layer + 1, matrix, cornerMean: o.cornerMean, phi11: o.phi11, chance: o.randomCornerMean });
        }
      }
    }
    const mine = rows.filter((r) => r.steps === steps);
    const c = spread(mine.map((r) => r.cornerMean));
    const chance = mine[0].chance;
    console.log(`${steps} steps (${seeds.length} seeds x ${mine.length / seeds.length} matrices): corner mean ${c.mean.toFixed(3)} ± ${c.sd.toFixed(3)} [${c.min.toFixed(3)}, ${c.max.toFixed(3)}], chance ${chance.toFixed(4)}: ${(c.mean / chance).toFixed(1)}x (${(c.min / chance).toFixed(1)}-${(c.max / chance).toFixed(1)}x)`);
  }
  base.dispose();
  const jsonPath = argValue(args, '--json');
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify({ backend, seeds, rows, createdAt: new Date().toISOString() }, null, 1) + '\n');
    console.log(`wrote ${jsonPath}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
