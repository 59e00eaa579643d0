/**
 * Lesson 7's measured findings from the shipped base model and adapters (npx tsx scripts/why-low-rank.ts):
 * phi(1,1) and the 8 x 8 corner mean of phi(A_{r=8}, A_{r=64}) and of the two r=64 seeds, per layer, for Wq
 * and Wv, against random Gaussian matrices and the exact random expectation; the Table 7 analogue for r = 4
 * and r = 64; the rank sweep's validation losses. Pure reads: no tfjs. --json prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointManifest } from '../src/lora/checkpoint';
import { decodeTensors, type AdapterIndex } from '../src/lora/checkpoint-reader';
import { deltaWTable, loraFactor, overlapSummary, randomPair } from '../src/lora/adapter-analysis';

export function readCheckpoint(dir: string, manifestFile: string) {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as CheckpointManifest;
  return { manifest, tensors: decodeTensors(manifest.tensors, readFileSync(join(dir, manifest.weightsFile))) };
}

export function findings(modelsDir = 'public/models') {
  const adapters = join(modelsDir, 'adapters');
  const index = JSON.parse(readFileSync(join(adapters, 'index.json'), 'utf8')) as AdapterIndex;
  const base = readCheckpoint(join(modelsDir, 'base'), 'manifest.json');
  const run = (name: string) => readCheckpoint(adapters, `${name}.json`);
  const r8 = run('r8-wq-wv-s1'), r64 = run('r64-wq-wv-s1'), r64b = run('r64-wq-wv-s2'), r4 = run('r4-wq-wv-s1');
  const layers = base.manifest.modelConfig!.nLayers;
  const overlap = [];
  for (let layer = 0; layer < layers; layer++) {
    for (const matrix of ['wq', 'wv']) {
      const A8 = loraFactor(r8.tensors, layer, matrix, 'A');
      const A64 = loraFactor(r64.tensors, layer, matrix, 'A');
      const A64b = loraFactor(r64b.tensors, layer, matrix, 'A');
      const k = A8[0].length;
      const [G8, G64] = randomPair(8, 64, k);
      const ranks = overlapSummary(A8, A64, 8, 64);
      const seeds = overlapSummary(A64, A64b, 8, 64);
      const random = overlapSummary(G8, G64, 8, 64);
      overlap.push({
        layer: layer + 1, matrix,
        ranks: { phi11: ranks.phi11, cornerMean: ranks.cornerMean },
        seeds: { phi11: seeds.phi11, cornerMean: seeds.cornerMean },
        random: { phi11: random.phi11, cornerMean: random.cornerMean },
        randomExpected: { phi11: 1 / k, cornerMean: ranks.randomCornerMean },
      });
    }
  }
  const table7 = [];
  for (let layer = 0; layer < layers; layer++) {
    for (const [r, ckpt] of [[4, r4], [64, r64]] as const) {
      const lora = ckpt.manifest.lora!;
      table7.push({ layer: layer + 1, run: ckpt.manifest.summary && (ckpt.manifest.summary as { name: string }).name,
        ...deltaWTable(base.tensors, ckpt.tensors, layer, 'wq', r, lora.alpha / lora.r) });
    }
  }
  const sweep = index.runs.filter((r) => r.seed === 1 && [1, 2, 4, 8, 64].includes(r.r) && !r.targets.includes('mlpUp'))
    .map((r) => ({ r: r.r, targets: r.targets.join(','), validationLoss: r.validationLoss }));
  return { baseValidationLoss: index.base.validationLossOnTask, fullFineTune: index.fullFineTune?.validationLoss, overlap, table7, sweep };
}

if (/why-low-rank\.(c?js|mjs|ts)$/.test(process.argv[1] ?? '')) {
  const f = findings();
  if (process.argv.includes('--json')) console.log(JSON.stringify(f, null, 2));
  else {
    const n = (x: number, d = 3) => x.toFixed(d);
    console.log('Subspace overlap phi, layer / matrix: phi(1,1) and 8x8 corner mean');
    for (const o of f.overlap) {
      console.log(`  layer ${o.layer} ${o.matrix}: r8 vs r64 ${n(o.ranks.phi11)} / ${n(o.ranks.cornerMean)}; seeds ${n(o.seeds.phi11)} / ${n(o.seeds.cornerMean)}; random ${n(o.random.phi11)} / ${n(o.random.cornerMean)} (expected ${n(o.randomExpected.phi11)} / ${n(o.randomExpected.cornerMean)})`);
    }
    console.log('Table 7 analogue (Wq): ||U^T W V||_F for U,V of dW / W / random; ||dW||, ||W||, amplification');
    for (const t of f.table7) {
      console.log(`  layer ${t.layer} r=${t.r}: ${n(t.ofDelta)} / ${n(t.ofWeight)} / ${n(t.ofRandom)} (rms ${n(t.randomExpected)}); ||dW|| ${n(t.deltaNorm)}, ||W|| ${n(t.weightNorm)}, factor ${n(t.amplification, 2)}`);
    }
    console.log(`Rank sweep (validation nats/char; base ${n(f.baseValidationLoss)}, full fine-tune ${n(f.fullFineTune ?? NaN)})`);
    for (const s of f.sweep) console.log(`  r=${s.r} ${s.targets}: ${n(s.validationLoss)}`);
  }
}
