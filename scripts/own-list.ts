/**
 * The trainer's "your own list" run, in Node: a word list from a text file is cleaned as the widget cleans it
 * (src/lora/word-list.ts), split as the widget splits it (10% held out, seed 1), and the shipped base model is
 * fine-tuned with the trainer's default recipe (LoRA r = 8, alpha 8 on Wq and Wv, lr 1e-2, batch 64, 300 steps,
 * seed 1). Prints the cleaning, the base model's validation loss on the list, the loss after training, and ten
 * samples before and after (temperature 0.8, seed 1, as the widget draws them).
 *   npm run own-list -- [--list scripts/fixtures/german-cities.txt] [--steps 300] [--backend wasm|cpu]
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_LEARNING_RATE, DEFAULT_LORA_CONFIG, TinyGpt, Trainer, evaluateLoss, makeDatasets, sampleNames } from '../src/lora/index';
import { readWordListText, wordListHash } from '../src/lora/word-list';
import { argValue, initBackend, readBase } from './pretrain';

async function main(args: string[]): Promise<void> {
  const path = argValue(args, '--list') ?? 'scripts/fixtures/german-cities.txt';
  const steps = Number(argValue(args, '--steps') ?? 300);
  const backend = await initBackend((argValue(args, '--backend') ?? 'wasm') as 'wasm' | 'cpu');
  const { model: base } = readBase();
  const reading = readWordListText(readFileSync(path, 'utf8'), base.config.contextLength);
  if (!reading.ok) throw new Error(`${path}: ${JSON.stringify(reading.problem).slice(0, 200)}`);
  const { words, ...c } = reading.list;
  console.log(`${path}: ${c.entries} entries -> ${words.length} words (${wordListHash(words)}); dropped ${c.tooLong} too long, ${c.noLetters} without letters, ` +
    `${c.duplicates} duplicates; ${c.foldedCount} characters folded (${c.folded.map((f) => `${f.from}->${f.to} ${f.count}`).join(', ')}); ` +
    `${c.removedCount} dropped (${c.removed.map((r) => `${JSON.stringify(r.char)} ${r.count}`).join(', ')}); ${c.longerThanContext} longer than the context`);

  const data = makeDatasets(words, { contextLength: base.config.contextLength, validationFraction: 0.1, seed: 1 });
  const sample = (model: TinyGpt) => sampleNames(model, { count: 10, temperature: 0.8, seed: 1, padToContext: true });
  const baseLoss = await evaluateLoss(base, data.validation, data.validation.count, 64);
  const before = await sample(base);
  console.log(`${backend}: ${data.trainWords.length} train words (${data.train.count} windows), ${data.validationWords.length} validation words; base validation loss ${baseLoss.toFixed(3)}`);

  const model = new TinyGpt(base.config, { weights: base.getWeights() });
  model.attachLora({ ...DEFAULT_LORA_CONFIG, r: 8, alpha: 8, targets: ['wq', 'wv'] }, 1);
  const trainer = new Trainer(model, data, { mode: 'lora', learningRate: DEFAULT_LEARNING_RATE.lora, batchSize: 64, totalSteps: steps,
    evalEvery: Math.min(50, Math.max(5, Math.round(steps / 6))), evalWindows: data.validation.count, seed: 1 });
  const started = Date.now();
  for await (const r of trainer.run()) {
    if (r.valLoss !== null) console.log(`step ${r.step}: train ${r.trainLoss.toFixed(3)} validation ${r.valLoss.toFixed(3)}`);
  }
  const after = await sample(model);
  const seen = new Set(words);
  const mark = (names: string[]) => names.map((n) => (seen.has(n) ? `${n}*` : n)).join(', ');
  console.log(`trained ${steps} steps in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`samples before: ${mark(before)}`);
  console.log(`samples after:  ${mark(after)}   (* = a word of the list)`);
  trainer.dispose();
  model.dispose();
  base.dispose();
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
