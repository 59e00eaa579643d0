import { parseMatrixText } from '../linalg/matrix-text';
import { parseEntry } from '../linalg/fraction-matrix';
import { english, type Translate } from '../i18n/translate';
import { entryProblemText, matrixTextProblemText } from '../i18n/entry-problems';

/** The rank-geometry widget's examples and its matrix reader, apart from the element so that pages built on the server can use them. */
export interface GeometryPreset { rank: number; matrix: number[][]; lesson1?: boolean }
export const GEOMETRY_PRESETS: GeometryPreset[] = [
  { rank: 2, matrix: [[1.5, 0.5], [0.5, 1]] },
  { rank: 1, matrix: [[1, 2], [0.5, 1]] },
  { rank: 3, matrix: [[1, 0.5, 0], [0, 1, 0.4], [0.3, 0, 1]] },
  { rank: 2, matrix: [[1, 0, 1], [0, 1, 1], [1, 1, 2]] },
  { rank: 1, matrix: [[1, 2, 3], [2, 4, 6], [3, 6, 9]], lesson1: true },
  { rank: 0, matrix: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] },
];

/** An example's button: its size and its stated rank ("3 × 3, rank 1 (lesson 1)"). */
export function presetLabel(p: GeometryPreset, t: Translate = english): string {
  const values = { n: p.matrix.length, r: p.rank };
  return p.rank === 0 ? t('geometry.presetZero', values) : p.lesson1 ? t('geometry.presetLesson1', values) : t('geometry.preset', values);
}

/**
 * Reads a 2 x 2 or 3 x 3 matrix of numbers (fractions allowed, as in the rank explorer). Returns the numbers,
 * or a message naming what was wrong.
 */
export function readGeometryMatrix(text: string, t: Translate = english): { ok: true; matrix: number[][] } | { ok: false; message: string } {
  const parsed = parseMatrixText(text);
  if (!parsed.ok) return { ok: false, message: matrixTextProblemText(parsed, t) };
  const m = parsed.entries.length;
  if ((m !== 2 && m !== 3) || parsed.entries[0].length !== m) {
    return { ok: false, message: t('geometry.sizeProblem', { m, n: parsed.entries[0].length }) };
  }
  const matrix: number[][] = [];
  for (let i = 0; i < m; i++) {
    matrix.push([]);
    for (let j = 0; j < m; j++) {
      const e = parseEntry(parsed.entries[i][j]);
      if (!e.ok) return { ok: false, message: t('geometry.entryProblem', { row: i + 1, col: j + 1, problem: entryProblemText(e, t) }) };
      matrix[i].push(e.value.valueOf());
    }
  }
  return { ok: true, matrix };
}

