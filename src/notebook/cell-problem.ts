import { en, type MessageKey } from '../i18n/messages/en';
import { fillMessage } from '../i18n/format';

/**
 * What a cell says when something goes wrong, as catalogue keys and values rather than words: the worker has
 * no page language, so the page (or the build, for the page's language) phrases it (cell.ts, Cell.astro).
 * A value may itself be a phrase ("That product" in "That product would have … entries").
 */
export type PhraseValue = string | number | CellPhrase;
export interface CellPhrase {
  key: MessageKey;
  values?: Record<string, PhraseValue>;
}
/** Parts said one after another: our phrases, and mathjs's own words (which have no translation) as text. */
export type CellProblem = (CellPhrase | { text: string })[];

/** Looks a key up in one language: a Translate from src/i18n/translate.ts. */
export type Lookup = (key: MessageKey, values?: Record<string, string | number>) => string;

export const phrase = (key: MessageKey, values?: Record<string, PhraseValue>): CellPhrase => (values ? { key, values } : { key });

export function sayPhrase(t: Lookup, p: CellPhrase): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values ?? {})) values[name] = typeof value === 'object' ? sayPhrase(t, value) : value;
  return t(p.key, values);
}

/** The problem in one language; '' for none. */
export function sayProblem(t: Lookup, problem: CellProblem | null | undefined): string {
  return (problem ?? []).map((part) => ('text' in part ? part.text : sayPhrase(t, part))).join(' ');
}

/** English, for an outcome's `error` (el.state in English, tests) and for the message of a CellError. */
export const englishLookup: Lookup = (key, values) => fillMessage('en', en[key], values);

/** Some of a language's messages, as the page sends them to the worker: `lang` formats numbers. */
export interface SomeMessages {
  lang: string;
  messages: Partial<Record<MessageKey, string>>;
}
/** A lookup in those messages, English for any key they lack. */
export const lookupIn = ({ lang, messages }: SomeMessages): Lookup => (key, values) => fillMessage(lang, messages[key] ?? en[key], values);
export const inEnglish = (problem: CellProblem | null | undefined): string => sayProblem(englishLookup, problem);

/** An error a cell's own checks throw: its phrase travels to the page, its message is the English text. */
export class CellError extends Error {
  constructor(readonly phrase: CellPhrase) {
    super(sayPhrase(englishLookup, phrase));
    this.name = 'CellError';
  }
}

export const cellError = (key: MessageKey, values?: Record<string, PhraseValue>): CellError => new CellError(phrase(key, values));
