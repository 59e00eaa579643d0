/**
 * Reads a matrix someone pasted or wrote in an attribute: JSON ([[1,2],[3,4]]) or rows of numbers separated
 * by spaces, commas or tabs, one row a line. Entries stay text; parseEntry judges them one by one.
 */
export type MatrixTextResult = { ok: true; entries: string[][] } | { ok: false; message: string };

export function parseMatrixText(text: string): MatrixTextResult {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Nothing to read: give rows of numbers, one row a line.' };
  let rows: string[][];
  if (t.startsWith('[') || t.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      return { ok: false, message: 'This is not valid JSON: write the matrix as [[1, 2], [3, 4]].' };
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((r) => Array.isArray(r))) {
      return { ok: false, message: 'Expected a list of rows, such as [[1, 2], [3, 4]].' };
    }
    if (!parsed.every((r: unknown[]) => r.every((x) => typeof x === 'number' || typeof x === 'string'))) {
      return { ok: false, message: 'Every entry must be a number or a string such as "2/3".' };
    }
    rows = (parsed as (number | string)[][]).map((r) => r.map((x) => String(x)));
  } else {
    rows = t.split(/\r?\n/).filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/[\s,;]+/));
  }
  const width = rows[0].length;
  if (width === 0 || !rows.every((r) => r.length === width)) {
    return { ok: false, message: 'Rows have different lengths: every row needs the same number of entries.' };
  }
  return { ok: true, entries: rows };
}

/** Checks a matrix's shape against the largest the explorer shows, with a message a reader can act on. */
export function checkSize(entries: string[][], maxRows: number, maxCols: number): string {
  const m = entries.length;
  const n = m === 0 ? 0 : entries[0].length;
  if (m > maxRows || n > maxCols) {
    return `That matrix is ${m} × ${n}; this explorer holds at most ${maxRows} × ${maxCols}. Try a smaller one.`;
  }
  return '';
}
