import { describe, it, expect } from 'vitest';
import { readGeometryMatrix, GEOMETRY_PRESETS, presetLabel } from '../../../src/widgets/rank-geometry-read';
import { columnSpace } from '../../../src/linalg/column-space';
import { translator } from '../../../src/i18n/translate';
import { de } from '../../../src/i18n/messages/de';

describe('reading the rank-geometry matrix', () => {
  it('takes 2 x 2 and 3 x 3 matrices, fractions included', () => {
    expect(readGeometryMatrix('[[1, "1/2"], [2, 1]]')).toEqual({ ok: true, matrix: [[1, 0.5], [2, 1]] });
    expect(readGeometryMatrix('1 2 3\n2 4 6\n3 6 9')).toEqual({ ok: true, matrix: [[1, 2, 3], [2, 4, 6], [3, 6, 9]] });
  });

  it('says what is wrong with other shapes and bad entries', () => {
    expect(readGeometryMatrix('[[1, 2, 3], [4, 5, 6]]')).toEqual({ ok: false, message: 'This picture takes a 2 × 2 or 3 × 3 matrix, not 2 × 3.' });
    const bad = readGeometryMatrix('[[1, 2], [3, "x"]]');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^Row 2, column 2: .*not a number/);
    expect(readGeometryMatrix('[[1, 2]')).toEqual({ ok: false, message: 'This is not valid JSON: write the matrix as [[1, 2], [3, 4]].' });
    expect(readGeometryMatrix('<img src=x>').ok).toBe(false);
    // The entry's problem comes in the reader's language, inside the sentence around it.
    expect(readGeometryMatrix('[[1, 2], [3, "x"]]', translator('de', de))).toEqual({ ok: false, message: 'Zeile 2, Spalte 2: „x“ ist keine Zahl: Gib etwas wie 2, -0.5 oder 2/3 ein.' });
  });

  it('labels every example with its true rank', () => {
    for (const p of GEOMETRY_PRESETS) {
      const n = p.matrix.length;
      const label = presetLabel(p);
      expect(label.startsWith(`${n} × ${n}`)).toBe(true);
      const stated = label.includes('zero') ? 0 : Number(/rank (\d)/.exec(label)![1]);
      expect(columnSpace(p.matrix).rank).toBe(stated);
    }
  });
});
