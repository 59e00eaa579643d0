import type Fraction from 'fraction.js';
import { parseEntry, type EntryProblem, type FractionMatrix } from '../linalg/fraction-matrix';
import { parseMatrixText, type MatrixTextProblem } from '../linalg/matrix-text';
import { entryProblemText, matrixTextProblemText } from '../i18n/entry-problems';
import type { Translate } from '../i18n/translate';
import { writesDecimalComma } from '../i18n/numbers';

/**
 * Reading what a reader types: numbers as 2/3, 0.666..., 1,234,567 (1.234.567 in German), 12 288, 3.5e7 or 0,5,
 * with an optional unit; matrices pasted as rows. Unreadable input gets a problem (answerProblemText words it),
 * never a value.
 */
export type AnswerProblem =
  | EntryProblem
  | MatrixTextProblem
  | { problem: 'noNumber'; unit: string }
  | { problem: 'spaces'; text: string }
  | { problem: 'matrixEntry'; row: number; col: number; entry: EntryProblem };

export type NumberResult =
  | { ok: true; value: Fraction; /** decimal places typed, when the reader typed a decimal */ decimals: number | null }
  | ({ ok: false } & AnswerProblem);

// Grouped thousands: 1,234,567 or 12 288 (a lone leading 0, as in 0,667, is a decimal comma instead); where the
// page's language writes decimals with a comma (de, vi), 12.288 or 1.234.567 with 1,5 its decimal.
const THOUSANDS = /^[+-]?[1-9]\d{0,2}([, ]\d{3})+(\.\d+)?$/;
const THOUSANDS_DECIMAL_COMMA = /^[+-]?[1-9]\d{0,2}([. ]\d{3})+(,\d+)?$/;

/**
 * One number as the reader typed it. For a count (`grouped`, the default) `lang` decides what 1,234 means: 1234 in
 * English and Chinese, 1.234 in German and Vietnamese, whose 12.288 is twelve thousand. A value that is not a count
 * (a fraction's decimal, grouped: false) has no thousands, so 1,667 and 1.667 are both one and two thirds.
 */
export function parseNumberAnswer(text: string, { unit = '', lang = 'en', grouped = true }: { unit?: string; lang?: string; grouped?: boolean } = {}): NumberResult {
  let t = text.trim().replace(/[−–]/g, '-').replace(/\u00a0|\u202f/g, ' ');
  if (unit) t = t.replace(new RegExp(`\\s*${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'), '');
  t = t.replace(/(\.\d*?)\.{2,}$|…$/, '$1').replace(/\.{3}$/, ''); // 0.666... and 0.666…
  if (t === '') return { ok: false, problem: 'noNumber', unit };
  const decimalComma = writesDecimalComma(lang);
  if (grouped && decimalComma && THOUSANDS_DECIMAL_COMMA.test(t)) t = t.replace(/[. ]/g, '').replace(',', '.');
  else if (grouped && !decimalComma && THOUSANDS.test(t)) t = t.replace(/[, ]/g, '');
  else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  t = t.replace(/\s*\/\s*/, '/').replace(/\s*[x×·*]\s*10\^?\s*([+-]?\d+)$/i, 'e$1');
  if (/\s/.test(t)) return { ok: false, problem: 'spaces', text: text.trim().slice(0, 24) };
  const entry = parseEntry(t);
  if (!entry.ok) return entry.problem === 'empty' ? { ok: false, problem: 'noNumber', unit } : entry;
  const decimal = /^[+-]?\d*\.(\d+)$/.exec(t);
  return { ok: true, value: entry.value, decimals: decimal ? decimal[1].length : null };
}

export type MatrixResult = { ok: true; value: FractionMatrix } | ({ ok: false } & AnswerProblem);

/** Rows on lines (or separated by ;), entries by spaces or commas, brackets optional; each entry as above. */
export function parseMatrixAnswer(text: string): MatrixResult {
  let t = text.trim();
  if (!t.startsWith('[[') && !t.startsWith('[ [')) {
    if (!t.includes('\n') && t.includes(';')) t = t.split(';').join('\n');
    t = t.replace(/[[\]()]/g, ' ');
  }
  const read = parseMatrixText(t);
  if (!read.ok) return read;
  const value: FractionMatrix = [];
  for (const [i, row] of read.entries.entries()) {
    const out = [];
    for (const [j, cell] of row.entries()) {
      const entry = parseEntry(cell);
      if (!entry.ok) return { ok: false, problem: 'matrixEntry', row: i + 1, col: j + 1, entry };
      out.push(entry.value);
    }
    value.push(out);
  }
  return { ok: true, value };
}

/** An unreadable answer in the reader's words. */
export function answerProblemText(p: AnswerProblem, t: Translate): string {
  switch (p.problem) {
    case 'noNumber': return p.unit ? t('entry.numberInUnit', { unit: p.unit }) : t('entry.number');
    case 'spaces': return t('entry.spaces', { text: p.text });
    case 'matrixEntry': return t('entry.matrixEntry', { row: p.row, col: p.col, problem: entryProblemText(p.entry, t) });
    case 'nothingToRead': case 'notJson': case 'notRows': case 'entryType': case 'ragged':
      return matrixTextProblemText(p, t);
    default: return entryProblemText(p, t);
  }
}
