/**
 * What the reader does with the adapter once trained: merge it into W₀ (and time the three forward passes),
 * save it as an .rblora file, or load one, which replaces the settings and the LoRA curve with the file's.
 * Commands over the controller, no DOM: the element turns bytes into a download and a file into bytes.
 */
import { formatBytes, groupsInWords } from '../lora-trainer-settings';
import { count, type TrainerController } from './controller';

export const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

export async function toggleMerge(trainer: TrainerController): Promise<void> {
  const session = trainer.session;
  if (!session || trainer.running) return;
  if (session.merged) {
    await trainer.enqueue('unmerging', async () => {
      session.unmerge();
      trainer.update({ merge: null });
    });
    trainer.host.announce('Unmerged: W₀ is the base weight again and B A runs beside it.');
    return;
  }
  try {
    const m = await trainer.enqueue('merging and timing', () => session.merge(trainer.snapshot.settings.task));
    trainer.update({ merge: m });
    trainer.host.announce(`Merged. Largest change in any output: ${m.maxAbsDiff.toExponential(1)}. Latency: base ${ms(m.latencyMs.base)}, ` +
      `unmerged ${ms(m.latencyMs.unmerged)}, merged ${ms(m.latencyMs.merged)}.`);
  } catch (e) {
    trainer.fail(`Merging failed: ${(e as Error).message}`);
  }
}

/** The adapter as a file: its name and bytes, or null before tfjs has loaded. */
export function exportAdapter(trainer: TrainerController): { name: string; bytes: Uint8Array } | null {
  const session = trainer.session;
  if (!session) return null;
  const { settings, curves, ownList } = trainer.snapshot;
  // The reader's list is recorded by its hash and size only: the words stay in the page.
  const wordList = settings.task === 'own' && ownList ? { wordList: { hash: ownList.hash, words: ownList.words.length } } : {};
  const bytes = session.exportAdapter({
    task: settings.task, ...wordList, steps: curves.lora.step, learningRate: settings.lr,
    trainLoss: curves.lora.train, valLoss: curves.lora.val, createdBy: 'Rankbook LoRA trainer',
  });
  const name = `rankbook-lora-${settings.task}-r${settings.r}-${settings.targets.join('-').toLowerCase()}-step${curves.lora.step}.rblora`;
  const sentence = `Saved ${name}: ${formatBytes(bytes.byteLength)} (${count(trainer.snapshot.trainableParams)} numbers in float32, plus a short description).`;
  trainer.update({ fileResult: sentence });
  trainer.host.announce(sentence);
  return { name, bytes };
}

/** An adapter trained on the reader's own list loads only beside that list (same hash), or is refused with why. */
function checkOwnList(trainer: TrainerController, file: { hash: string; words: number } | null): void {
  const own = trainer.snapshot.ownList;
  const trained = file ? `a list of ${count(file.words)} words (hash ${file.hash})` : 'a list of your own';
  if (!own) throw new Error(`This adapter was trained on ${trained}. Give the trainer that list under “Your own list” first, then load the file again.`);
  if (!file || file.hash !== own.hash) {
    throw new Error(`This adapter was trained on ${trained}, not on the list in use (${count(own.words.length)} words, hash ${own.hash}). ` +
      'Use the list it was trained on, then load the file again.');
  }
}

/** Reads a file's bytes; a bad one leaves everything as it was and says why next to the control. */
export async function importAdapter(trainer: TrainerController, fileName: string, read: () => Promise<ArrayBuffer>): Promise<void> {
  trainer.message('file', '');
  if (trainer.running) {
    trainer.message('file', 'Pause and Reset training before loading an adapter.');
    return;
  }
  const session = trainer.session ?? (await trainer.open());
  if (!session) return;
  let applied = false;
  try {
    const bytes = await read();
    const loaded = await trainer.enqueue('loading the adapter', async () => {
      // The whole file is checked first, and its task's words fetched, so a refusal changes nothing.
      const plan = session.readAdapter(bytes);
      const { metadata } = plan;
      const { settings } = trainer.snapshot;
      const task = metadata.task ?? settings.task;
      if (task === 'own') checkOwnList(trainer, metadata.wordList);
      trainer.syncOwnList(session);
      await session.useTask(task);
      session.applyAdapter(plan);
      applied = true;
      trainer.update({
        merge: null,
        settings: { ...settings, r: metadata.r, alpha: metadata.alpha, targets: metadata.targets, task, steps: Math.max(settings.steps, metadata.steps) },
        curves: { lora: { train: metadata.train, val: metadata.val, step: metadata.steps, offset: metadata.steps }, full: { train: [], val: [], step: 0 } },
      });
      await trainer.prepareTask(session);
      const after = await session.samples('lora', trainer.snapshot.temperature);
      trainer.update({ samples: { ...trainer.snapshot.samples, after, afterStep: metadata.steps } });
      return { steps: metadata.steps, lora: plan.lora };
    });
    const { settings, curves } = trainer.snapshot;
    const sentence = `Loaded ${fileName}: rank ${loaded.lora.r}, alpha ${loaded.lora.alpha}, on ${groupsInWords(settings.targets)}` +
      `${loaded.steps ? `, trained ${count(loaded.steps)} steps` : ''}. The samples below come from it.`;
    trainer.update({ messages: {}, fileResult: sentence, phase: curves.lora.step >= settings.steps ? { kind: 'done', run: 'lora' } : { kind: 'ready' } });
    trainer.host.announce(sentence);
  } catch (e) {
    const message = `${(e as Error).message}${applied ? '' : ' Nothing was changed.'}`;
    trainer.message('file', message);
    trainer.host.announce(`That file could not be loaded. ${message}`);
  }
}
