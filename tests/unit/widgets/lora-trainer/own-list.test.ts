import { describe, it, expect } from 'vitest';
import { cleaningDetails, cleaningHeadline, restoreOwnList, setKeepOwnList, useOwnList, useOwnListFile, type OwnListStore } from '../../../../src/widgets/lora-trainer/own-list';
import { setTask } from '../../../../src/widgets/lora-trainer/controls';
import { importAdapter } from '../../../../src/widgets/lora-trainer/adapter';
import { readAdapterMetadata } from '../../../../src/widgets/adapter-metadata';
import { cleanEntries, wordListHash } from '../../../../src/lora/word-list';
import type { AdapterFile } from '../../../../src/widgets/adapter-file';
import { settle, setup } from './fake-session';

/** 40 made-up city names, a few with accents, one twice. */
const CITIES = ['Aachen', 'Bremen', 'Celle', 'Dresden', 'Essen', 'Fulda', 'Görlitz', 'Hameln', 'Ilmenau', 'Jena', 'Kiel', 'Lübeck', 'Mainz', 'Neuss',
  'Oldenburg', 'Passau', 'Quedlinburg', 'Rostock', 'Siegen', 'Trier', 'Ulm', 'Verden', 'Weimar', 'Xanten', 'Zwickau', 'Bamberg', 'Coburg', 'Detmold',
  'Emden', 'Fürth', 'Gießen', 'Hagen', 'Iserlohn', 'Jülich', 'Kassel', 'Landau', 'Marburg', 'Nürnberg', 'Offenburg', 'Pirna', 'Kiel'];
const TEXT = CITIES.join('\n');

function memoryStore(): OwnListStore & { kept: string | null } {
  return { kept: null, load() { return this.kept; }, save(text) { this.kept = text; }, clear() { this.kept = null; } };
}

const file = (name: string, text: string, size = new TextEncoder().encode(text).byteLength) => ({ name, size, text: async () => text });

describe('your own list: commands over the controller', () => {
  it('a usable list becomes the task; el.state has its count, hash and cleaning, never the words', async () => {
    const { trainer, session } = setup();
    await trainer.open();
    expect(useOwnList(trainer, TEXT, { origin: 'pasted', select: true })).toBe(true);
    await settle();
    const s = trainer.state;
    expect(s.task).toBe('own');
    expect(s.ownList).toMatchObject({ words: 40, origin: 'pasted', hash: wordListHash(trainer.snapshot.ownList!.words) });
    expect(s.ownList!.cleaning).toMatchObject({ entries: 41, duplicates: 1, foldedCount: 6 });
    expect(JSON.stringify(s)).not.toMatch(/quedlinburg|Quedlinburg/);
    // The base model's validation loss on the reader's list replaces the dinosaurs'.
    expect(s.baseValLoss).toBe(3.1);
    expect(session.calls).toContain('useTask own 40');
  });

  it('too short a list, too large a file, a file that is not text, or not .txt/.csv: a message, and the task stays', async () => {
    const { trainer } = setup();
    await trainer.open();
    const before = trainer.state;
    expect(useOwnList(trainer, CITIES.slice(0, 29).join('\n'), { origin: 'pasted', select: true })).toBe(false);
    expect(trainer.state.messages.list).toBe('The pasted text gives 29 usable words (29 names kept, 2 characters changed); the trainer needs at least 30 to hold some back for validation. Nothing was changed.');
    expect(await useOwnListFile(trainer, file('big.txt', 'x', 3 * 1024 * 1024))).toBe(false);
    expect(trainer.state.messages.listFile).toBe('That file is 3 MiB; the trainer takes at most 2 MiB. Nothing was changed.');
    expect(await useOwnListFile(trainer, file('photo.png', TEXT))).toBe(false);
    expect(trainer.state.messages.listFile).toMatch(/^Choose a \.txt or \.csv file/);
    expect(await useOwnListFile(trainer, file('list.txt', '\u0000\u0001PK\u0003\u0004'.repeat(20)))).toBe(false);
    expect(trainer.state.messages.listFile).toMatch(/not plain text/);
    expect(await useOwnListFile(trainer, file('short.csv', 'anna,ben'))).toBe(false);
    expect(trainer.state.messages.listFile).toMatch(/^That file gives 2 usable words/);
    expect({ ...trainer.state, messages: {}, message: '' }).toEqual({ ...before, messages: {}, message: '' });
    expect(trainer.state.task).toBe('dinosaurs');
  });

  it('a bad list while one is in use keeps the one in use; a good .csv file replaces it', async () => {
    const { trainer } = setup();
    await trainer.open();
    useOwnList(trainer, TEXT, { origin: 'pasted', select: true });
    const hash = trainer.state.ownList!.hash;
    useOwnList(trainer, 'a b c', { origin: 'pasted', select: true });
    expect(trainer.state.ownList!.hash).toBe(hash);
    expect(trainer.state.messages.list).toMatch(/gives 3 usable words/);
    expect(await useOwnListFile(trainer, file('cities.csv', CITIES.slice(0, 35).join(',')))).toBe(true);
    expect(trainer.state.ownList).toMatchObject({ words: 35, origin: 'file' });
  });

  it('"your own list" chosen before there is a list: no base loss yet, and Train says what to do', async () => {
    const { trainer, session } = setup();
    await trainer.open();
    setTask(trainer, 'own');
    await settle();
    expect(trainer.state).toMatchObject({ task: 'own', ownList: null, baseValLoss: null });
    await trainer.train('lora');
    expect(trainer.state.messages.train).toBe('Paste your words or choose a file under “Your own list” first.');
    expect(session.calls.some((c) => c.startsWith('run'))).toBe(false);
  });

  it('trains on the list: the session is handed the cleaned words first', async () => {
    const { trainer, session } = setup();
    await trainer.open();
    useOwnList(trainer, TEXT, { origin: 'pasted', select: true });
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 2 } });
    const run = trainer.train('lora');
    await session.step();
    await session.step();
    await run;
    expect(trainer.state).toMatchObject({ status: 'done', step: 2, task: 'own', valLoss: [3.1] });
    // Settings, the list among them, belong to the adapter being trained.
    expect(useOwnList(trainer, CITIES.slice(1).join('\n'), { origin: 'pasted', select: true })).toBe(false);
    expect(trainer.state.messages.list).toMatch(/^Reset first/);
  });

  it('"keep it" stores the text, unticking removes it, and a kept list comes back without changing the task', () => {
    const store = memoryStore();
    const { trainer } = setup();
    useOwnList(trainer, TEXT, { origin: 'pasted', select: true, store });
    expect(store.kept).toBeNull(); // not kept unless asked
    setKeepOwnList(trainer, true, store);
    expect(store.kept).toBe(TEXT);
    const next = setup().trainer;
    restoreOwnList(next, store);
    expect(next.state).toMatchObject({ task: 'dinosaurs', keepOwnList: true, ownList: { words: 40, origin: 'kept' } });
    setKeepOwnList(trainer, false, store);
    expect(store.kept).toBeNull();
    const full: OwnListStore = { load: () => null, save: () => { throw new Error('QuotaExceededError'); }, clear: () => {} };
    setKeepOwnList(trainer, true, full);
    expect(trainer.state.keepOwnList).toBe(false);
    expect(trainer.state.messages.list).toMatch(/would not keep the list/);
  });
});

describe('adapters trained on an own list', () => {
  const words = cleanEntries(CITIES, 16).words;
  const hash = wordListHash(words);
  const manifest = (wordList: unknown) => ({ lora: { r: 8, alpha: 8, targets: ['wq', 'wv'] }, task: 'own', wordList, steps: 2 });

  it('record a well-formed hash and a word count the trainer takes, and nothing else about the list', () => {
    expect(readAdapterMetadata(manifest({ hash, words: 40 })).wordList).toEqual({ hash, words: 40 });
    expect(() => readAdapterMetadata(manifest(undefined))).toThrow(/does not say which/);
    expect(() => readAdapterMetadata(manifest({ hash: 'md5:abc', words: 40 }))).toThrow(/malformed/);
    expect(() => readAdapterMetadata(manifest({ hash, words: 3 }))).toThrow(/30 to 50,000/);
    expect(readAdapterMetadata({ ...manifest(undefined), task: 'dinosaurs' }).wordList).toBeNull();
  });

  it('load only beside the matching list, with a clear note otherwise, changing nothing', async () => {
    const { trainer, session } = setup();
    await trainer.open();
    let applied = 0;
    session.readAdapter = () => ({ metadata: readAdapterMetadata(manifest({ hash, words: 40 })), lora: readAdapterMetadata(manifest({ hash, words: 40 })).lora } as unknown as AdapterFile);
    session.applyAdapter = () => { applied++; };
    await importAdapter(trainer, 'mine.rblora', async () => new ArrayBuffer(8));
    expect(trainer.state.messages.file).toBe('This adapter was trained on a list of 40 words (hash ' + hash + '). Give the trainer that list under “Your own list” first, then load the file again. Nothing was changed.');
    useOwnList(trainer, CITIES.slice(1).join('\n'), { origin: 'pasted', select: true });
    await importAdapter(trainer, 'mine.rblora', async () => new ArrayBuffer(8));
    expect(trainer.state.messages.file).toMatch(/not on the list in use \(39 words, hash fnv1a64:[0-9a-f]{16}\)\. Use the list it was trained on/);
    expect(applied).toBe(0);
    useOwnList(trainer, TEXT, { origin: 'pasted', select: true });
    await importAdapter(trainer, 'mine.rblora', async () => new ArrayBuffer(8));
    expect(applied).toBe(1);
    expect(trainer.state).toMatchObject({ task: 'own', step: 2, fileResult: expect.stringMatching(/^Loaded mine\.rblora/) });
  });
});

describe('what the reader is told', () => {
  it('the headline and the details say exactly what the cleaning did', () => {
    const c = cleanEntries(['München', 'Köln', 'Frankfurt am Main', '2024', 'x'.repeat(41), 'Koeln', 'Köln', 'Mönchengladbach-Rheydt'], 16);
    expect(cleaningHeadline(c, c.words.length)).toBe('5 names kept, 2 dropped: too long, no letters a–z, 1 duplicate removed, 4 characters changed, 7 characters dropped');
    expect(cleaningDetails(c)).toEqual([
      'Everything was lower-cased.',
      'Accents folded to the model’s letters a–z: ö → o (3), ü → u (1).',
      'Dropped as outside a–z: space (2), “2” (2), “0” (1), “4” (1), “-” (1).',
      '1 entry with more than 40 letters left out: too long for a name.',
      '1 entry with no letter a–z left out.',
      '1 duplicate removed (the same word after cleaning).',
      '1 name is longer than the 15 letters the model sees at once; it learns it in overlapping windows.', // frankfurtammain: 15 fit
    ]);
  });
});
