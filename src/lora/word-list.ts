/**
 * A reader's own word list, cleaned into the model's alphabet (a-z) with an exact account of what was done:
 * lower-cased; accented letters folded to their base letters (é -> e, ß -> ss, đ -> d, Vietnamese ế -> e);
 * anything else outside a-z dropped and counted; duplicates removed; over-long entries dropped; names longer
 * than the model's context counted (they are learnt in overlapping windows, see data.ts). Pure: no DOM, no tfjs.
 */

export const WORD_LIST_LIMITS = {
  /** Fewer usable words than this make too small a validation split to mean anything. */
  minWords: 30,
  maxWords: 50_000,
  /** Bytes of text (a file's size, or pasted text as UTF-8). */
  maxBytes: 2 * 1024 * 1024,
  /** Letters after cleaning: longer entries are sentences or pasted blobs, not names. */
  maxLetters: 40,
};

/** Letters Unicode does not decompose into a base letter and marks; each stands for these a-z letters. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ŀ: 'l', ı: 'i', ħ: 'h', ŧ: 't', ĸ: 'q',
};
const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}+$/u;
const LETTERS = /^[a-z]+$/;

export interface CleanedWordList {
  /** The usable words, in the order first seen. */
  words: string[];
  /** Entries found in the text (non-empty after trimming). */
  entries: number;
  /** Entries dropped because more than maxLetters letters were left. */
  tooLong: number;
  /** Entries dropped because no letter a-z was left ("1984", "東京"). */
  noLetters: number;
  /** Entries dropped because an earlier one cleaned to the same word. */
  duplicates: number;
  /** Characters replaced by base letters, the MAX_KINDS most frequent first: é -> e. */
  folded: Array<{ from: string; to: string; count: number }>;
  /** How many different characters were folded, and how many times in all. */
  foldedKinds: number;
  foldedCount: number;
  /** Characters dropped (not letters of a-z after folding), the MAX_KINDS most frequent first. */
  removed: Array<{ char: string; count: number }>;
  removedKinds: number;
  removedCount: number;
  /** Kept words too long for one context window: more than contextLength - 1 letters. */
  longerThanContext: number;
  /** The model's context the count above was made for. */
  contextLength: number;
}

export type WordListProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'too-many'; entries: number }
  | { kind: 'too-few'; list: CleanedWordList };

export type WordListReading = { ok: true; list: CleanedWordList } | { ok: false; problem: WordListProblem };

/**
 * Entries: one a line, or separated by commas, semicolons or tabs (a .csv); a text with none of those is
 * split at spaces instead ("anna ben carla"). Within a line-separated entry a space is part of the name.
 */
export function splitEntries(text: string): string[] {
  const separated = /[\r\n,;\t]/.test(text);
  return text
    .split(separated ? /[\r\n,;\t]+/ : /\s+/)
    .map((entry) => entry.trim().replace(/^["'“”„«»]+|["'“”„«»]+$/g, '').trim())
    .filter(Boolean);
}

/** One character (already lower-cased, NFC) in the alphabet: itself, its base letters, or '' (dropped) with why. */
export function foldCharacter(ch: string): { to: string; how: 'kept' | 'folded' | 'removed' } {
  if (ch >= 'a' && ch <= 'z') return { to: ch, how: 'kept' };
  if (SPECIAL[ch]) return { to: SPECIAL[ch], how: 'folded' };
  // NFKD splits é into e and an accent, ǆ into dž, ﬁ into fi; the marks go.
  const base = ch.normalize('NFKD').replace(MARKS, '');
  if (LETTERS.test(base)) return { to: base, how: 'folded' };
  if (IS_MARK.test(ch)) return { to: '', how: 'folded' }; // a stray accent (NFD text, İ lower-cased)
  return { to: '', how: 'removed' };
}

/** Kinds of character listed (a list in Chinese script would otherwise carry thousands into every state update). */
const MAX_KINDS = 20;
const byCount = <T extends { count: number }>(xs: T[]) => xs.sort((a, b) => b.count - a.count).slice(0, MAX_KINDS);
const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

/** Cleans a text into usable words; refuses (changing nothing) a text too large, too long a list or too few words. */
export function readWordListText(text: string, contextLength: number, limits = WORD_LIST_LIMITS): WordListReading {
  const bytes = utf8Bytes(text);
  if (bytes > limits.maxBytes) return { ok: false, problem: { kind: 'too-large', bytes } };
  const entries = splitEntries(text);
  if (entries.length > limits.maxWords) return { ok: false, problem: { kind: 'too-many', entries: entries.length } };
  const list = cleanEntries(entries, contextLength, limits.maxLetters);
  if (list.words.length < limits.minWords) return { ok: false, problem: { kind: 'too-few', list } };
  return { ok: true, list };
}

export function cleanEntries(entries: readonly string[], contextLength: number, maxLetters = WORD_LIST_LIMITS.maxLetters): CleanedWordList {
  const folded = new Map<string, { from: string; to: string; count: number }>();
  const removed = new Map<string, { char: string; count: number }>();
  const seen = new Set<string>();
  const out: CleanedWordList = {
    words: [], entries: entries.length, tooLong: 0, noLetters: 0, duplicates: 0, folded: [], foldedKinds: 0, foldedCount: 0, removed: [], removedKinds: 0, removedCount: 0, longerThanContext: 0, contextLength,
  };
  for (const entry of entries) {
    let word = '';
    for (const ch of entry.normalize('NFC').toLowerCase()) {
      const { to, how } = foldCharacter(ch);
      word += to;
      if (how === 'folded') {
        const f = folded.get(ch) ?? folded.set(ch, { from: ch, to, count: 0 }).get(ch)!;
        f.count++;
        out.foldedCount++;
      } else if (how === 'removed') {
        const r = removed.get(ch) ?? removed.set(ch, { char: ch, count: 0 }).get(ch)!;
        r.count++;
        out.removedCount++;
      }
    }
    if (word.length === 0) out.noLetters++;
    else if (word.length > maxLetters) out.tooLong++;
    else if (seen.has(word)) out.duplicates++;
    else {
      seen.add(word);
      out.words.push(word);
      // ^ + word + $ has word.length + 1 targets; one window holds contextLength of them.
      if (word.length + 1 > contextLength) out.longerThanContext++;
    }
  }
  out.folded = byCount([...folded.values()]);
  out.foldedKinds = folded.size;
  out.removed = byCount([...removed.values()]);
  out.removedKinds = removed.size;
  return out;
}

/**
 * A content hash of the cleaned list (FNV-1a, 64 bits, over the words joined by newlines): what an adapter file
 * records instead of the words, so that it can tell whether the list in the page is the one it was trained on.
 * Order matters: the same words in another order make another train/validation split.
 */
export function wordListHash(words: readonly string[]): string {
  const mask = (1n << 64n) - 1n;
  const prime = 0x100000001b3n;
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(words.join('\n'));
  for (const b of bytes) h = ((h ^ BigInt(b)) * prime) & mask;
  return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
}

export const WORD_LIST_HASH = /^fnv1a64:[0-9a-f]{16}$/;
