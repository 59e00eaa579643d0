import type { FlatMatrix } from './flat-matrix';
import { transposeFlat } from './flat-matrix';
import type { SvdFactors } from './svd';

/**
 * One-sided Jacobi SVD (Hestenes): rotate pairs of columns until all are orthogonal; their norms are the
 * singular values. Slow (O(n^3) per sweep, several sweeps) but accurate to a few ulps relative to ||M|| and
 * often better: used for small matrices, for singularValues (the rank test needs the tiny ones right), and
 * as the reference in tests. The columns are rows of a transposed copy, so every rotation is contiguous.
 */
export function jacobiSvd(M: FlatMatrix): SvdFactors {
  const { rows: m, cols: n } = M;
  const wide = m < n;
  // Work on the tall orientation: columns of X (rows of Xt) get orthogonalised.
  const Xt = wide ? { rows: m, cols: n, data: M.data.slice() } : transposeFlat(M);
  const p = Xt.rows, q = Xt.cols;
  const a = Xt.data;
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale > 0) for (let i = 0; i < a.length; i++) a[i] /= scale;
  const Vt = new Float64Array(p * p);
  for (let i = 0; i < p; i++) Vt[i * p + i] = 1;

  const eps = Number.EPSILON;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const ri = i * q, rj = j * q;
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < q; k++) {
          const x = a[ri + k], y = a[rj + k];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        rotate(a, ri, rj, q, c, s);
        rotate(Vt, i * p, j * p, p, c, s);
      }
    }
    if (!rotated) break;
  }

  const { norms, order } = rowsByNorm(a, p, q);
  const values = new Float64Array(p);
  const long = new Float64Array(p * q); // unit columns of X, in order
  const short = new Float64Array(p * p);
  order.forEach((from, to) => {
    values[to] = norms[from] * scale;
    short.set(Vt.subarray(from * p, from * p + p), to * p);
    if (norms[from] > 0) for (let k = 0; k < q; k++) long[to * q + k] = a[from * q + k] / norms[from];
  });
  completeOrthonormalRows(long, values, p, q);
  // Tall: X = M, long side = left vectors. Wide: X = M^T, so the roles swap.
  return wide
    ? { rows: m, cols: n, values, left: short, right: long, method: 'jacobi' }
    : { rows: m, cols: n, values, left: long, right: short, method: 'jacobi' };
}

/** The norms of the p rows (length q) of a row-major array, and the row indices, largest norm first. */
export function rowsByNorm(data: Float64Array, p: number, q: number): { norms: Float64Array; order: number[] } {
  const norms = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += data[i * q + k] * data[i * q + k];
    norms[i] = Math.sqrt(s);
  }
  return { norms, order: Array.from({ length: p }, (_, i) => i).sort((x, y) => norms[y] - norms[x]) };
}

function rotate(a: Float64Array, ri: number, rj: number, len: number, c: number, s: number): void {
  for (let k = 0; k < len; k++) {
    const x = a[ri + k], y = a[rj + k];
    a[ri + k] = c * x - s * y;
    a[rj + k] = s * x + c * y;
  }
}

/** Rows whose singular value is exactly zero get orthonormal completions (Gram-Schmidt on unit vectors). */
function completeOrthonormalRows(U: Float64Array, values: Float64Array, p: number, q: number): void {
  let candidate = 0;
  for (let i = 0; i < p; i++) {
    if (values[i] > 0) continue;
    for (; candidate < q; candidate++) {
      const row = new Float64Array(q);
      row[candidate] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < p; j++) {
          if (j === i || (values[j] === 0 && j > i)) continue;
          let s = 0;
          for (let k = 0; k < q; k++) s += U[j * q + k] * row[k];
          for (let k = 0; k < q; k++) row[k] -= s * U[j * q + k];
        }
      }
      let norm = 0;
      for (let k = 0; k < q; k++) norm += row[k] * row[k];
      norm = Math.sqrt(norm);
      if (norm > 0.5) {
        for (let k = 0; k < q; k++) U[i * q + k] = row[k] / norm;
        candidate++;
        break;
      }
    }
  }
}
