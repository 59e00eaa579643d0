/**
 * "Your own list": the reader pastes words or chooses a .txt/.csv file, src/lora/word-list.ts cleans them, and
 * these commands put the list in the controller (the task becomes `own`) or, when it cannot be used, say why next
 * to the control and change nothing. The list stays in the page; a store (localStorage, given by the element)
 * keeps it only when the reader ticks "keep it". No DOM here: the element passes text, files and the store in.
 */
import { WORD_LIST_LIMITS, readWordListText, wordListHash, type CleanedWordList, type WordListProblem } from '../../lora/word-list';
import { DEFAULT_MODEL_CONFIG } from '../../lora/config';
import { formatBytes } from '../lora-trainer-settings';
import type { TrainerController } from './controller';
import { english, type Translate } from '../../i18n/translate';
import { formatNumber } from '../../i18n/format';
import { changeTask } from './controls';
import { isLocked, type OwnList } from './state';

/** Where a kept list lives between visits; every call may throw (storage full, or turned off). */
export interface OwnListStore {
  load(): string | null;
  save(text: string): void;
  clear(): void;
}

/** A file as the element hands it over. */
export interface ListFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

const LIMIT = WORD_LIST_LIMITS;
const quoted = (ch: string, t: Translate) => (ch === ' ' ? t('trainer.charSpace') : ch === '\t' ? t('trainer.charTab') : `“${ch}”`);
/** The first few kinds of character, and how many other kinds there were. */
function examples<T>(xs: T[], kinds: number, show: (x: T) => string, t: Translate, n = 8): string {
  const shown = xs.slice(0, n).map(show);
  if (kinds > n) shown.push(t('trainer.otherKinds', { n: kinds - n }));
  return shown.join(t('trainer.listSeparator'));
}

/** The headline: "312 names kept, 4 dropped: too long, 9 characters changed". */
export function cleaningHeadline(c: Pick<CleanedWordList, 'tooLong' | 'noLetters' | 'duplicates' | 'foldedCount' | 'removedCount'>, kept: number, t: Translate = english): string {
  const dropped = c.tooLong + c.noLetters;
  const sep = t('trainer.listSeparator');
  const why = [c.tooLong ? t('trainer.whyTooLong') : '', c.noLetters ? t('trainer.whyNoLetters') : ''].filter(Boolean).join(sep);
  return [t('trainer.headlineKept', { n: kept }), dropped ? t('trainer.headlineDropped', { n: dropped, why }) : '',
    c.duplicates ? t('trainer.headlineDuplicates', { n: c.duplicates }) : '', t('trainer.headlineChanged', { n: c.foldedCount }),
    c.removedCount ? t('trainer.headlineRemoved', { n: c.removedCount }) : ''].filter(Boolean).join(sep);
}

/** Exactly what the cleaning did, a line each, for the reader to check. */
export function cleaningDetails(c: Omit<CleanedWordList, 'words'>, t: Translate = english): string[] {
  const lines = [t('trainer.lowerCased')];
  const times = (n: number) => formatNumber(t.lang, n);
  lines.push(c.foldedCount
    ? t('trainer.folded', { examples: examples(c.folded, c.foldedKinds, (f) => `${f.from} → ${f.to} (${times(f.count)})`, t) })
    : t('trainer.noAccents'));
  if (c.removedCount) lines.push(t('trainer.removed', { examples: examples(c.removed, c.removedKinds, (r) => `${quoted(r.char, t)} (${times(r.count)})`, t) }));
  if (c.tooLong) lines.push(t('trainer.tooLongEntries', { n: c.tooLong, max: LIMIT.maxLetters }));
  if (c.noLetters) lines.push(t('trainer.noLetterEntries', { n: c.noLetters }));
  if (c.duplicates) lines.push(t('trainer.duplicatesRemoved', { n: c.duplicates }));
  if (c.longerThanContext) lines.push(t('trainer.longerThanContext', { n: c.longerThanContext, letters: c.contextLength - 1 }));
  return lines;
}

export function problemSentence(problem: WordListProblem, from: string, t: Translate = english): string {
  switch (problem.kind) {
    case 'too-large': return t('trainer.tooLarge', { from, size: formatBytes(problem.bytes, t), max: formatBytes(LIMIT.maxBytes, t) });
    case 'too-many': return t('trainer.tooMany', { from, entries: problem.entries, max: LIMIT.maxWords });
    case 'too-few': return t('trainer.tooFew', { from, n: problem.list.words.length, headline: cleaningHeadline(problem.list, problem.list.words.length, t), min: LIMIT.minWords });
  }
}

/**
 * Cleans the text and, if it is usable, makes it the list (and, with `select`, the task). Returns whether it did;
 * when not, the message says why and the task and list in use stay as they were.
 */
export function useOwnList(trainer: TrainerController, text: string, options: { origin: string; select: boolean; store?: OwnListStore | null }): boolean {
  const s = trainer.snapshot;
  const slot = options.origin === 'file' ? 'listFile' : 'list';
  const t = trainer.t;
  const from = options.origin === 'pasted' ? t('trainer.fromPasted') : options.origin === 'kept' ? t('trainer.fromKept') : t('trainer.fromFile');
  if (isLocked(trainer.state)) {
    trainer.message(slot, t('trainer.resetFirstTask'));
    return false;
  }
  const contextLength = trainer.session?.modelConfig.contextLength ?? DEFAULT_MODEL_CONFIG.contextLength;
  const reading = readWordListText(text, contextLength);
  if (!reading.ok) {
    trainer.message(slot, problemSentence(reading.problem, from, t));
    trainer.host.announce(trainer.snapshot.messages[slot] ?? '');
    return false;
  }
  const { words, ...cleaning } = reading.list;
  const own: OwnList = { words, hash: wordListHash(words), cleaning, text, origin: options.origin };
  const changed = own.hash !== s.ownList?.hash;
  const taskChanged = options.select && s.settings.task !== 'own';
  trainer.update({ ownList: own, settings: options.select ? { ...s.settings, task: 'own' } : s.settings, messages: { ...s.messages, list: '', listFile: '', task: '' } });
  if (s.keepOwnList && options.store) keep(trainer, options.store);
  if ((changed && trainer.snapshot.settings.task === 'own') || taskChanged) changeTask(trainer);
  trainer.host.announce(t('trainer.announceList', { headline: cleaningHeadline(cleaning, words.length, t) }));
  return true;
}

/** A chosen file: refused unread when it is too large or not .txt/.csv, refused when it is not text. */
export async function useOwnListFile(trainer: TrainerController, file: ListFile, store?: OwnListStore | null): Promise<boolean> {
  const t = trainer.t;
  trainer.message('listFile', '');
  if (!/\.(txt|csv)$/i.test(file.name)) {
    trainer.message('listFile', t('trainer.chooseTxt'));
    return false;
  }
  if (file.size > LIMIT.maxBytes) {
    trainer.message('listFile', problemSentence({ kind: 'too-large', bytes: file.size }, t('trainer.fromFile'), t));
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    trainer.message('listFile', t('trainer.fileUnreadable', { error: (e as Error).message }));
    return false;
  }
  // Bytes that are not UTF-8 text come out as U+FFFD; a NUL never appears in text.
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > Math.max(3, text.length / 100)) {
    trainer.message('listFile', t('trainer.notPlainText'));
    return false;
  }
  return useOwnList(trainer, text, { origin: 'file', select: true, store });
}

function keep(trainer: TrainerController, store: OwnListStore): void {
  const own = trainer.snapshot.ownList;
  try {
    if (own) store.save(own.text);
  } catch {
    trainer.update({ keepOwnList: false });
    trainer.message('list', trainer.t('trainer.storageFull'));
  }
}

/** The "keep it" box: the list goes into (or out of) the store. */
export function setKeepOwnList(trainer: TrainerController, keepIt: boolean, store: OwnListStore | null): void {
  trainer.update({ keepOwnList: keepIt && store !== null });
  if (!store) {
    if (keepIt) trainer.message('list', trainer.t('trainer.storageOff'));
    return;
  }
  if (keepIt) keep(trainer, store);
  else {
    try {
      store.clear();
    } catch {
      // nothing was kept where storage is turned off
    }
  }
}

/** On connection: a kept list comes back (the task stays as the attributes set it). */
export function restoreOwnList(trainer: TrainerController, store: OwnListStore | null): void {
  let text: string | null = null;
  try {
    text = store?.load() ?? null;
  } catch {
    return;
  }
  if (text === null) return;
  trainer.update({ keepOwnList: true });
  useOwnList(trainer, text, { origin: 'kept', select: false });
}
