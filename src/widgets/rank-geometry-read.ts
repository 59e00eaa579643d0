import { parseMatrixText } from '../linalg/matrix-text';
import { parseEntry } from '../linalg/fraction-matrix';

/** The rank-geometry widget's examples and its matrix reader, apart from the element so that pages built on the server can use them. */
export const GEOMETRY_PRESETS = [
  { label: '2 × 2, rank 2', matrix: [[1.5, 0.5], [0.5, 1]] },
  { label: '2 × 2, rank 1', matrix: [[1, 2], [0.5, 1]] },
  { label: '3 × 3, rank 3', matrix: [[1, 0.5, 0], [0, 1, 0.4], [0.3, 0, 1]] },
  { label: '3 × 3, rank 2', matrix: [[1, 0, 1], [0, 1, 1], [1, 1, 2]] },
  { label: '3 × 3, rank 1 (lesson 1)', matrix: [[1, 2, 3], [2, 4, 6], [3, 6, 9]] },
  { label: '3 × 3, zero', matrix: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] },
];

/**
 * Reads a 2 x 2 or 3 x 3 matrix of numbers (fractions allowed, as in the rank explorer). Returns the numbers,
 * or a message naming what was wrong.
 */
export function readGeometryMatrix(text: string): { ok: true; matrix: number[][] } | { ok: false; message: string } {
  const parsed = parseMatrixText(text);
  if (!parsed.ok) return parsed;
  const m = parsed.entries.length;
  if ((m !== 2 && m !== 3) || parsed.entries[0].length !== m) {
    return { ok: false, message: `This picture takes a 2 × 2 or 3 × 3 matrix, not ${m} × ${parsed.entries[0].length}.` };
  }
  const matrix: number[][] = [];
  for (let i = 0; i < m; i++) {
    matrix.push([]);
    for (let j = 0; j < m; j++) {
      const e = parseEntry(parsed.entries[i][j]);
      if (!e.ok) return { ok: false, message: `Row ${i + 1}, column ${j + 1}: ${e.message}` };
      matrix[i].push(e.value.valueOf());
    }
  }
  return { ok: true, matrix };
}

