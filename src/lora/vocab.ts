/**
 * Character vocabulary: a start token, an end token and the 26 lower-case letters. Every word list
 * (English words, dinosaurs, Pokémon) is normalised into this alphabet so one base model serves all.
 */
export const START = 0;
export const END = 1;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Printable form of each id: '^' start, '$' end, then a-z. */
export const VOCAB: readonly string[] = ['^', '$', ...LETTERS];
export const VOCAB_SIZE = VOCAB.length;

/** Lower-case, strip accents (é -> e), drop anything outside a-z ("Mr. Mime" -> "mrmime"). */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Letters to ids, without start/end tokens. Throws on characters outside the vocabulary. */
export function encodeLetters(word: string): number[] {
  const ids: number[] = [];
  for (const ch of word) {
    const i = LETTERS.indexOf(ch);
    if (i < 0) throw new Error(`character "${ch}" is not in the vocabulary; normalise the word first`);
    ids.push(i + 2);
  }
  return ids;
}

/** Ids back to letters; start/end tokens are dropped. */
export function decodeIds(ids: readonly number[]): string {
  return ids
    .filter((id) => id >= 2)
    .map((id) => VOCAB[id])
    .join('');
}
