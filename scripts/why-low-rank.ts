/**
 * Lesson 7's measured findings from the shipped base model and adapters (npx tsx scripts/why-low-rank.ts):
 * phi(1,1) and the 8 x 8 corner mean of phi(A_{r=8}, A_{r=64}) and of the two r=64 seeds, per layer, for Wq
 * and Wv, against random Gaussian matrices and the exact random expectation; the same two figures over every
 * pair of independently started runs (r = 8 against r = 64 for each pair of seeds, and the r = 64 seeds against
 * each other) with their spread; the Table 7 analogue for r = 4 and r = 64; the rank sweep's validation
 * losses. Pure reads: no tfjs. --json prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointManifest } from '../src/lora/checkpoint';
import { SUBSPACE_SEEDS, adapterRunName, decodeTensors, type AdapterIndex } from '../src/lora/checkpoint-reader';
import { deltaWTable, loraFactor, overlapSummary, randomPair } from '../src/lora/adapter-analysis';

export function readCheckpoint(dir: string, manifestFile: string) {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as CheckpointManifest;
  return { manifest, tensors: decodeTensors(manifest.tensors, readFileSync(join(dir, manifest.weightsFile))) };
}

const wqwv = (r: number, seed: number) => adapterRunName(r, ['wq', 'wv'], seed);

/** Which runs lesson 7 sets against each other: r = 8 against r = 64 for every pair of seeds, and r = 64 seeds pairwise. */
export const SEED_PAIRS: Array<{ kind: 'ranks, same seed' | 'ranks, other seed' | 'seeds at r = 64'; first: string; second: string }> = [
  ...SUBSPACE_SEEDS.flatMap((s1) => SUBSPACE_SEEDS.map((s2) => ({
    kind: s1 === s2 ? 'ranks, same seed' as const : 'ranks, other seed' as const, first: wqwv(8, s1), second: wqwv(64, s2) }))),
  ...SUBSPACE_SEEDS.flatMap((s1, i) => SUBSPACE_SEEDS.slice(i + 1).map((s2) => ({ kind: 'seeds at r = 64' as const, first: wqwv(64, s1), second: wqwv(64, s2) }))),
];

/** Mean, sample standard deviation, least and greatest. */
export function spread(xs: number[]): { mean: number; sd: number; min: number; max: number; n: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
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
  const cache = new Map<string, ReturnType<typeof run>>();
  const cached = (name: string) => cache.get(name) ?? cache.set(name, run(name)).get(name)!;
  const pairs: Array<(typeof SEED_PAIRS)[number] & { layer: number; matrix: string; phi11: number; cornerMean: number }> = [];
  for (let layer = 0; layer < layers; layer++) {
    for (const matrix of ['wq', 'wv']) {
      for (const pair of SEED_PAIRS) {
        const o = overlapSummary(loraFactor(cached(pair.first).tensors, layer, matrix, 'A'), loraFactor(cached(pair.second).tensors, layer, matrix, 'A'), 8, 64);
        pairs.push({ ...pair, layer: layer + 1, matrix, phi11: o.phi11, cornerMean: o.cornerMean });
      }
    }
  }
  const kinds = [...new Set(SEED_PAIRS.map((p) => p.kind))];
  const pairSpread = kinds.flatMap((kind) => [...new Set(pairs.map((p) => `${p.layer} ${p.matrix}`))].map((where) => {
    const mine = pairs.filter((p) => p.kind === kind && `${p.layer} ${p.matrix}` === where);
    return { kind, layer: mine[0].layer, matrix: mine[0].matrix, phi11: spread(mine.map((p) => p.phi11)), cornerMean: spread(mine.map((p) => p.cornerMean)) };
  }));
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
  return { baseValidationLoss: index.base.validationLossOnTask, fullFineTune: index.fullFineTune?.validationLoss, overlap, pairs, pairSpread, table7, sweep };
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
    const chance = f.overlap[0].randomExpected.cornerMean;
    console.log(`Over independently started pairs (seeds ${SUBSPACE_SEEDS.join(', ')}): mean ± sd [min, max] of phi(1,1) and of the 8x8 corner mean (chance ${n(chance, 4)})`);
    for (const p of f.pairSpread) {
      const s = (x: ReturnType<typeof spread>) => `${n(x.mean)} ± ${n(x.sd)} [${n(x.min)}, ${n(x.max)}]`;
      console.log(`  ${p.kind} (${p.phi11.n} pairs), layer ${p.layer} ${p.matrix}: phi11 ${s(p.phi11)}; corner ${s(p.cornerMean)} = ${n(p.cornerMean.mean / chance, 1)}x chance`);
    }
    for (const kind of new Set(f.pairs.map((p) => p.kind))) {
      const mine = f.pairs.filter((p) => p.kind === kind);
      const c = spread(mine.map((p) => p.cornerMean)), p11 = spread(mine.map((p) => p.phi11));
      console.log(`  ${kind}, all layers and matrices (${c.n}): phi11 ${n(p11.mean)} ± ${n(p11.sd)} [${n(p11.min)}, ${n(p11.max)}]; corner ${n(c.mean)} ± ${n(c.sd)} [${n(c.min)}, ${n(c.max)}]`);
    }
    console.log('Table 7 analogue (Wq): ||U^T W V||_F for U,V of dW / W / random; ||dW||, ||W||, amplification');
    for (const t of f.table7) {
      console.log(`  layer ${t.layer} r=${t.r}: ${n(t.ofDelta)} / ${n(t.ofWeight)} / ${n(t.ofRandom)} (rms ${n(t.randomExpected)}); ||dW|| ${n(t.deltaNorm)}, ||W|| ${n(t.weightNorm)}, factor ${n(t.amplification, 2)}`);
    }
    console.log(`Rank sweep (validation nats/char; base ${n(f.baseValidationLoss)}, full fine-tune ${n(f.fullFineTune ?? NaN)})`);
    for (const s of f.sweep) console.log(`  r=${s.r} ${s.targets}: ${n(s.validationLoss)}`);
  }
}
