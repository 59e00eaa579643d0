/**
 * What the reader does with the adapter once trained: merge it into W₀ (and time the three forward passes),
 * save it as an .rblora file, or load one, which replaces the settings and the LoRA curve with the file's.
 * Commands over the controller, no DOM: the element turns bytes into a download and a file into bytes.
 */
import { formatBytes, groupsInWords } from '../lora-trainer-settings';
import type { TrainerController } from './controller';
import { formatMs } from './words';
import { AdapterFileError } from '../adapter-metadata';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';

/** A tiny difference as 1.2e-6, with the language's decimal sign. */
export const exponential = (x: number, t: Translate) => x.toExponential(1).replace('.', formatNumber(t.lang, 1.5).charAt(1));

export async function toggleMerge(trainer: TrainerController): Promise<void> {
  const session = trainer.session;
  if (!session || trainer.running) return;
  if (session.merged) {
    await trainer.enqueue('unmerging', async () => {
      session.unmerge();
      trainer.update({ merge: null });
    });
    trainer.host.announce(trainer.t('trainer.unmerged'));
    return;
  }
  try {
    const m = await trainer.enqueue('merging and timing', () => session.merge(trainer.snapshot.settings.task));
    trainer.update({ merge: m });
    const t = trainer.t;
    trainer.host.announce(t('trainer.announceMerged', { diff: exponential(m.maxAbsDiff, t), base: formatMs(m.latencyMs.base, t),
      unmerged: formatMs(m.latencyMs.unmerged, t), merged: formatMs(m.latencyMs.merged, t) }));
  } catch (e) {
    trainer.fail(trainer.t('trainer.mergeFailed', { error: (e as Error).message }));
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
  const sentence = trainer.t('trainer.saved', { name, size: formatBytes(bytes.byteLength, trainer.t), numbers: trainer.snapshot.trainableParams });
  trainer.update({ fileResult: sentence });
  trainer.host.announce(sentence);
  return { name, bytes };
}

/** An adapter trained on the reader's own list loads only beside that list (same hash), or is refused with why. */
function checkOwnList(trainer: TrainerController, file: { hash: string; words: number } | null): void {
  const own = trainer.snapshot.ownList;
  const t = trainer.t;
  const trained = file ? t('trainer.trainedOnList', { words: file.words, hash: file.hash }) : t('trainer.trainedOnOwn');
  if (!own) throw new Error(t('trainer.adapterNeedsList', { trained }));
  if (!file || file.hash !== own.hash) throw new Error(t('trainer.adapterOtherList', { trained, words: own.words.length, hash: own.hash }));
}

/** Reads a file's bytes; a bad one leaves everything as it was and says why next to the control. */
export async function importAdapter(trainer: TrainerController, fileName: string, read: () => Promise<ArrayBuffer>): Promise<void> {
  trainer.message('file', '');
  if (trainer.running) {
    trainer.message('file', trainer.t('trainer.pauseBeforeLoad'));
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
    const t = trainer.t;
    const figures = { file: fileName, r: loaded.lora.r, alpha: loaded.lora.alpha, groups: groupsInWords(settings.targets, t), steps: loaded.steps };
    const sentence = loaded.steps ? t('trainer.loadedTrained', figures) : t('trainer.loaded', figures);
    trainer.update({ messages: {}, fileResult: sentence, phase: curves.lora.step >= settings.steps ? { kind: 'done', run: 'lora' } : { kind: 'ready' } });
    trainer.host.announce(sentence);
  } catch (e) {
    const error = e instanceof AdapterFileError ? e.words(trainer.t) : (e as Error).message;
    const message = applied ? error : trainer.t('trainer.nothingChanged', { error });
    trainer.message('file', message);
    trainer.host.announce(trainer.t('trainer.fileNotLoaded', { error: message }));
  }
}
