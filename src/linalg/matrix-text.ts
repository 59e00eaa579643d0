/**
 * Reads a matrix someone pasted or wrote in an attribute: JSON ([[1,2],[3,4]]) or rows of numbers separated
 * by spaces, commas or tabs, one row a line. Entries stay text; parseEntry judges them one by one.
 */
/** Why a pasted matrix cannot be read, as a code: the widgets and exercises put it in words (../i18n/entry-problems). */
export type MatrixTextProblem = { problem: 'nothingToRead' | 'notJson' | 'notRows' | 'entryType' | 'ragged' };
export type MatrixTextResult = { ok: true; entries: string[][] } | ({ ok: false } & MatrixTextProblem);

export function parseMatrixText(text: string): MatrixTextResult {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'nothingToRead' };
  let rows: string[][];
  if (t.startsWith('[') || t.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      return { ok: false, problem: 'notJson' };
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((r) => Array.isArray(r))) {
      return { ok: false, problem: 'notRows' };
    }
    if (!parsed.every((r: unknown[]) => r.every((x) => typeof x === 'number' || typeof x === 'string'))) {
      return { ok: false, problem: 'entryType' };
    }
    rows = (parsed as (number | string)[][]).map((r) => r.map((x) => String(x)));
  } else {
    rows = t.split(/\r?\n/).filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/[\s,;]+/));
  }
  const width = rows[0].length;
  if (width === 0 || !rows.every((r) => r.length === width)) {
    return { ok: false, problem: 'ragged' };
  }
  return { ok: true, entries: rows };
}

/** Checks a matrix's shape against the largest the explorer shows: its size when too large, else null. */
export function checkSize(entries: string[][], maxRows: number, maxCols: number): { m: number; n: number } | null {
  const m = entries.length;
  const n = m === 0 ? 0 : entries[0].length;
  return m > maxRows || n > maxCols ? { m, n } : null;
}
