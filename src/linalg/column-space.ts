import { rank } from './rank';
import { svd } from './svd';

/**
 * Where a square matrix sends the whole plane or space: its column space, named by its dimension. For a 3 x 3
 * M of rank 2 every M x lies on one plane through the origin, of rank 1 on one line, of rank 0 at the origin.
 */
export type ColumnSpaceKind = 'origin' | 'line' | 'plane' | 'space';

export interface ColumnSpace {
  rank: number;
  kind: ColumnSpaceKind;
  /** rank = the number of rows: M reaches every point of the plane (2 x 2) or of space (3 x 3). */
  whole: boolean;
  /** An orthonormal basis of the column space (M's top left singular vectors), rank vectors of length m. */
  basis: number[][];
}

const KINDS: ColumnSpaceKind[] = ['origin', 'line', 'plane', 'space'];

export function columnSpace(M: number[][]): ColumnSpace {
  const m = M.length;
  const r = rank(M);
  const f = svd(M, { method: 'jacobi' });
  const basis = Array.from({ length: r }, (_, i) => Array.from(f.left.subarray(i * m, (i + 1) * m)));
  return { rank: r, kind: KINDS[r], whole: r === m, basis };
}

/** The corners of the unit square (n = 2) or cube (n = 3), each coordinate 0 or 1, and its edges. */
export function unitBox(n: 2 | 3): { corners: number[][]; edges: [number, number][]; faces: number[][] } {
  const corners = Array.from({ length: 1 << n }, (_, c) => Array.from({ length: n }, (_, i) => (c >> i) & 1));
  const edges: [number, number][] = [];
  for (let a = 0; a < corners.length; a++) {
    for (let i = 0; i < n; i++) if (!(a & (1 << i))) edges.push([a, a | (1 << i)]);
  }
  // Each face fixes one coordinate at 0 or 1; its corners go round the face in order.
  const faces: number[][] = [];
  if (n === 2) faces.push([0, 1, 3, 2]);
  else {
    for (let fixed = 0; fixed < 3; fixed++) {
      const [i, j] = [0, 1, 2].filter((t) => t !== fixed);
      for (const side of [0, 1]) {
        const base = side << fixed;
        faces.push([base, base | (1 << i), base | (1 << i) | (1 << j), base | (1 << j)]);
      }
    }
  }
  return { corners, edges, faces };
}

/** M p for each point p. */
export function mapPoints(M: number[][], points: number[][]): number[][] {
  return points.map((p) => M.map((row) => row.reduce((sum, x, j) => sum + x * p[j], 0)));
}
