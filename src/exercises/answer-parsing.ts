import type Fraction from 'fraction.js';
import { parseEntry, type FractionMatrix } from '../linalg/fraction-matrix';
import { parseMatrixText } from '../linalg/matrix-text';

/**
 * Reading what a reader types: numbers as 2/3, 0.666..., 1,234,567, 12 288, 3.5e7 or 0,5 (a decimal comma),
 * with an optional unit; matrices pasted as rows. Unreadable input gets a message, never a value.
 */
export type NumberResult =
  | { ok: true; value: Fraction; /** decimal places typed, when the reader typed a decimal */ decimals: number | null }
  | { ok: false; message: string };

// Grouped thousands: 1,234,567 or 12 288 (a lone leading 0, as in 0,667, is a decimal comma instead).
const THOUSANDS = /^[+-]?[1-9]\d{0,2}([, ]\d{3})+(\.\d+)?$/;

export function parseNumberAnswer(text: string, unit = ''): NumberResult {
  let t = text.trim().replace(/[−–]/g, '-').replace(/\u00a0|\u202f/g, ' ');
  if (unit) t = t.replace(new RegExp(`\\s*${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'), '');
  t = t.replace(/(\.\d*?)\.{2,}$|…$/, '$1').replace(/\.{3}$/, ''); // 0.666... and 0.666…
  if (t === '') return { ok: false, message: unit ? `Type a number (in ${unit}).` : 'Type a number, such as 12, 0.25 or 2/3.' };
  if (THOUSANDS.test(t)) t = t.replace(/[, ]/g, '');
  else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  t = t.replace(/\s*\/\s*/, '/').replace(/\s*[x×·*]\s*10\^?\s*([+-]?\d+)$/i, 'e$1');
  if (/\s/.test(t)) return { ok: false, message: `“${text.trim().slice(0, 24)}” has spaces inside the number: type one number.` };
  const entry = parseEntry(t);
  if (!entry.ok) return { ok: false, message: entry.message.replace('This cell is empty', 'The answer is empty') };
  const decimal = /^[+-]?\d*\.(\d+)$/.exec(t);
  return { ok: true, value: entry.value, decimals: decimal ? decimal[1].length : null };
}

export type MatrixResult = { ok: true; value: FractionMatrix } | { ok: false; message: string };

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
      if (!entry.ok) return { ok: false, message: `Row ${i + 1}, entry ${j + 1}: ${entry.message}` };
      out.push(entry.value);
    }
    value.push(out);
  }
  return { ok: true, value };
}
