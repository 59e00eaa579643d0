/**
 * "Your own list": the reader pastes words or chooses a .txt/.csv file, src/lora/word-list.ts cleans them, and
 * these commands put the list in the controller (the task becomes `own`) or, when it cannot be used, say why next
 * to the control and change nothing. The list stays in the page; a store (localStorage, given by the element)
 * keeps it only when the reader ticks "keep it". No DOM here: the element passes text, files and the store in.
 */
import { WORD_LIST_LIMITS, readWordListText, wordListHash, type CleanedWordList, type WordListProblem } from '../../lora/word-list';
import { DEFAULT_MODEL_CONFIG } from '../../lora/config';
import { formatBytes } from '../lora-trainer-settings';
import { count, type TrainerController } from './controller';
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
const quoted = (ch: string) => (ch === ' ' ? 'space' : ch === '\t' ? 'tab' : `“${ch}”`);
/** The first few kinds of character, and how many other kinds there were. */
const examples = <T>(xs: T[], kinds: number, show: (x: T) => string, n = 8) =>
  xs.slice(0, n).map(show).join(', ') + (kinds > n ? `, and ${count(kinds - n)} other kinds` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The headline: "312 names kept, 4 dropped: too long, 9 characters changed". */
export function cleaningHeadline(c: Pick<CleanedWordList, 'tooLong' | 'noLetters' | 'duplicates' | 'foldedCount' | 'removedCount'>, kept: number): string {
  const dropped = c.tooLong + c.noLetters;
  const why = [c.tooLong ? 'too long' : '', c.noLetters ? 'no letters a–z' : ''].filter(Boolean).join(', ');
  return [`${plural(kept, 'name')} kept`, dropped ? `${count(dropped)} dropped: ${why}` : '',
    c.duplicates ? `${plural(c.duplicates, 'duplicate')} removed` : '', `${plural(c.foldedCount, 'character')} changed`,
    c.removedCount ? `${plural(c.removedCount, 'character')} dropped` : ''].filter(Boolean).join(', ');
}

/** Exactly what the cleaning did, a line each, for the reader to check. */
export function cleaningDetails(c: Omit<CleanedWordList, 'words'>): string[] {
  const lines = ['Everything was lower-cased.'];
  lines.push(c.foldedCount
    ? `Accents folded to the model’s letters a–z: ${examples(c.folded, c.foldedKinds, (f) => `${f.from} → ${f.to} (${count(f.count)})`)}.`
    : 'No accented letters to fold.');
  if (c.removedCount) lines.push(`Dropped as outside a–z: ${examples(c.removed, c.removedKinds, (r) => `${quoted(r.char)} (${count(r.count)})`)}.`);
  if (c.tooLong) lines.push(`${plural(c.tooLong, 'entry', 'entries')} with more than ${LIMIT.maxLetters} letters left out: too long for a name.`);
  if (c.noLetters) lines.push(`${plural(c.noLetters, 'entry', 'entries')} with no letter a–z left out.`);
  if (c.duplicates) lines.push(`${plural(c.duplicates, 'duplicate')} removed (the same word after cleaning).`);
  if (c.longerThanContext) {
    lines.push(`${plural(c.longerThanContext, 'name is', 'names are')} longer than the ${c.contextLength - 1} letters the model sees at once; it learns ${c.longerThanContext === 1 ? 'it' : 'them'} in overlapping windows.`);
  }
  return lines;
}

export function problemSentence(problem: WordListProblem, from: string): string {
  switch (problem.kind) {
    case 'too-large': return `${from} is ${formatBytes(problem.bytes)}; the trainer takes at most ${formatBytes(LIMIT.maxBytes)}. Nothing was changed.`;
    case 'too-many': return `${from} has ${count(problem.entries)} entries; the trainer takes at most ${count(LIMIT.maxWords)}. Nothing was changed.`;
    case 'too-few': return `${from} gives ${plural(problem.list.words.length, 'usable word')} (${cleaningHeadline(problem.list, problem.list.words.length)}); ` +
      `the trainer needs at least ${LIMIT.minWords} to hold some back for validation. Nothing was changed.`;
  }
}

/**
 * Cleans the text and, if it is usable, makes it the list (and, with `select`, the task). Returns whether it did;
 * when not, the message says why and the task and list in use stay as they were.
 */
export function useOwnList(trainer: TrainerController, text: string, options: { origin: string; select: boolean; store?: OwnListStore | null }): boolean {
  const s = trainer.snapshot;
  const slot = options.origin === 'file' ? 'listFile' : 'list';
  const from = options.origin === 'pasted' ? 'The pasted text' : options.origin === 'kept' ? 'The kept list' : 'That file';
  if (isLocked(trainer.state)) {
    trainer.message(slot, 'Reset first: the task belongs to the adapter being trained.');
    return false;
  }
  const contextLength = trainer.session?.modelConfig.contextLength ?? DEFAULT_MODEL_CONFIG.contextLength;
  const reading = readWordListText(text, contextLength);
  if (!reading.ok) {
    trainer.message(slot, problemSentence(reading.problem, from));
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
  trainer.host.announce(`Your list: ${cleaningHeadline(cleaning, words.length)}.`);
  return true;
}

/** A chosen file: refused unread when it is too large or not .txt/.csv, refused when it is not text. */
export async function useOwnListFile(trainer: TrainerController, file: ListFile, store?: OwnListStore | null): Promise<boolean> {
  trainer.message('listFile', '');
  if (!/\.(txt|csv)$/i.test(file.name)) {
    trainer.message('listFile', 'Choose a .txt or .csv file: one word or name a line. Nothing was changed.');
    return false;
  }
  if (file.size > LIMIT.maxBytes) {
    trainer.message('listFile', problemSentence({ kind: 'too-large', bytes: file.size }, 'That file'));
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    trainer.message('listFile', `That file could not be read (${(e as Error).message}). Nothing was changed.`);
    return false;
  }
  // Bytes that are not UTF-8 text come out as U+FFFD; a NUL never appears in text.
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > Math.max(3, text.length / 100)) {
    trainer.message('listFile', 'That file is not plain text (UTF-8): save the list as .txt or .csv and choose it again. Nothing was changed.');
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
    trainer.message('list', 'This browser would not keep the list (its storage is full or turned off); it stays in this page only.');
  }
}

/** The "keep it" box: the list goes into (or out of) the store. */
export function setKeepOwnList(trainer: TrainerController, keepIt: boolean, store: OwnListStore | null): void {
  trainer.update({ keepOwnList: keepIt && store !== null });
  if (!store) {
    if (keepIt) trainer.message('list', 'This browser cannot keep the list (storage is turned off); it stays in this page only.');
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
