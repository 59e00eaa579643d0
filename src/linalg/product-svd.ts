import { rowsFromFlat } from './flat-matrix';
import { svd, type SvdFactors } from './svd';

/** A low-rank product scale · B A, B d x r and A r x k: a LoRA update ΔW, never formed as a d x k matrix. */
export interface LowRankProduct {
  B: number[][];
  A: number[][];
  scale: number;
}

/** The singular triplets of a matrix, largest first: left vectors (length d), right vectors (length k). */
export interface SingularDirections {
  left: number[][];
  right: number[][];
  values: number[];
}

/**
 * Thin QR of the columns of M (n x r) by modified Gram-Schmidt, run twice ("twice is enough" keeps Q
 * orthonormal to rounding). Q's columns come back as rows. Null when a column is (numerically) dependent
 * on the ones before it: then Q could not be completed to r orthonormal columns.
 */
function thinQr(M: number[][]): { Qt: number[][]; R: number[][] } | null {
  const n = M.length;
  const r = M[0]?.length ?? 0;
  const Qt: number[][] = [];
  const R = Array.from({ length: r }, () => new Array<number>(r).fill(0));
  let largest = 0;
  for (let j = 0; j < r; j++) {
    const q = M.map((row) => row[j]);
    const original = Math.hypot(...q);
    largest = Math.max(largest, original);
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let t = 0; t < n; t++) dot += Qt[i][t] * q[t];
        R[i][j] += dot;
        for (let t = 0; t < n; t++) q[t] -= dot * Qt[i][t];
      }
    }
    const norm = Math.hypot(...q);
    if (!(norm > 1e-12 * Math.max(largest, Number.MIN_VALUE))) return null;
    R[j][j] = norm;
    Qt.push(q.map((x) => x / norm));
  }
  return { Qt, R };
}

/**
 * All r singular triplets of scale · B A without forming it. With B = Q_B R_B and A^T = Q_A R_A,
 * scale · B A = Q_B (scale · R_B R_A^T) Q_A^T, so the SVD of that r x r core, turned back by Q_B and Q_A, is the
 * SVD of the product: O((d + k) r^2) work instead of a d x k Jacobi SVD's O(d k min(d, k)) per sweep. Where
 * B or A is rank-deficient the product is factored in full instead, so the directions are always orthonormal.
 */
export function productSingularDirections({ B, A, scale }: LowRankProduct): SingularDirections {
  const r = A.length;
  if (r === 0 || B[0]?.length !== r) throw new RangeError(`B must have as many columns (${B[0]?.length ?? 0}) as A has rows (${r}).`);
  const qrB = thinQr(B);
  const qrA = thinQr(A[0].map((_, j) => A.map((row) => row[j])));
  if (!qrB || !qrA) return fullDirections(B, A, scale);
  const core = qrB.R.map((bRow) => qrA.R.map((aRow) => scale * bRow.reduce((s, x, t) => s + x * aRow[t], 0)));
  const f = svd(core, { method: 'jacobi' });
  // Singular vectors of the core are rows of f.left / f.right; map each through Q (rows of Qt).
  const lift = (vectors: Float64Array, Qt: number[][]) => Array.from({ length: r }, (_, i) => {
    const out = new Array<number>(Qt[0].length).fill(0);
    for (let t = 0; t < r; t++) {
      const c = vectors[i * r + t];
      for (let x = 0; x < out.length; x++) out[x] += c * Qt[t][x];
    }
    return out;
  });
  return { left: lift(f.left, qrB.Qt), right: lift(f.right, qrA.Qt), values: Array.from(f.values) };
}

/** The top min(r, d, k) triplets of scale · B A by factoring the formed product (the rank-deficient case). */
function fullDirections(B: number[][], A: number[][], scale: number): SingularDirections {
  const product = B.map((bRow) => A[0].map((_, j) => scale * bRow.reduce((s, x, t) => s + x * A[t][j], 0)));
  const f = svd(product, { method: 'jacobi' });
  return directionsOf(f, Math.min(A.length, f.values.length));
}

/** The first `count` triplets of a factorisation, as arrays. */
export function directionsOf(f: SvdFactors, count: number): SingularDirections {
  return {
    left: rowsFromFlat({ rows: count, cols: f.rows, data: f.left }),
    right: rowsFromFlat({ rows: count, cols: f.cols, data: f.right }),
    values: Array.from(f.values.subarray(0, count)),
  };
}
