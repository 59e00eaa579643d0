import { acquireWorkspace, type Workspace } from './workspace';

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Q^T, with Q = H_0 H_1 ... H_{n-3}
 * and H_k = I - tau_k v_k v_k^T (LAPACK's dsytrd, lower form). Reflector v_k is zero before index k + 1 and
 * has v_k[k + 1] = 1; it is kept in row k of `reflectors`.
 */
export interface Tridiagonalisation {
  n: number;
  diagonal: Float64Array;
  offDiagonal: Float64Array; // length n - 1: T[i][i + 1]
  reflectors: Float64Array; // n x n, row k holds v_k in columns k + 1 ...
  tau: Float64Array;
}

/**
 * Reduces the full symmetric n x n matrix A (row-major; overwritten and returned as `reflectors`), blocked
 * like dsytrd: within a panel of `panel` columns each reflector needs one matrix-vector product with the
 * not-yet-updated trailing matrix plus low-rank corrections (dlatrd); the panel's accumulated update
 * A -= V W^T + W V^T is then one dense product. Both run in a workspace that holds the matrix throughout.
 */
export function tridiagonalize(
  A: Float64Array, n: number, onProgress?: (fraction: number) => void, panel = 32,
): Tridiagonalisation {
  // Layout: matrix with a zero column and 4 zero rows of padding (kernels round sizes up), then v, y,
  // and the panel's [V W] and [W V] as rows of 2 * panel.
  const ld = (n + 2) & ~1, rowsHeld = n + 4, wide = 2 * panel;
  const vAt = rowsHeld * ld, yAt = vAt + ld, xAt = yAt + ld + 8, zAt = xAt + rowsHeld * wide;
  const ws = acquireWorkspace(zAt + rowsHeld * wide, 'resident');
  const f = ws.f64;
  for (let i = 0; i < n; i++) f.set(A.subarray(i * n, i * n + n), i * ld);

  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(0, n - 1));
  const tau = new Float64Array(n);
  const count = Math.max(0, n - 2); // reflectors H_0 .. H_{n-3}
  const V = new Float64Array(panel * n); // row s: reflector s of the current panel
  const W = new Float64Array(panel * n); // row s: its partner in the rank-2 update
  const v = f.subarray(vAt, vAt + ld);
  const y = f.subarray(yAt, yAt + ld + 8);
  const wv = new Float64Array(panel);
  const vv = new Float64Array(panel);

  for (let k0 = 0; k0 < count; k0 += panel) {
    const b = Math.min(panel, count - k0);
    V.fill(0);
    W.fill(0);
    for (let t = 0; t < b; t++) {
      const k = k0 + t;
      const rk = k * ld;
      // Bring row k (= column k) up to date with this panel's earlier reflectors.
      for (let s = 0; s < t; s++) {
        const vk = V[s * n + k], wk = W[s * n + k], vs = s * n;
        for (let j = k; j < n; j++) f[rk + j] -= V[vs + j] * wk + W[vs + j] * vk;
      }
      diagonal[k] = f[rk + k];
      const tk = makeReflector(f, rk, k + 1, n, v);
      offDiagonal[k] = v[k];
      v[k] = 0;
      tau[k] = tk;
      for (let j = k + 1; j < n; j++) f[rk + j] = v[j];
      V.set(v.subarray(k + 1, n), t * n + k + 1);
      if (tk === 0) continue;
      // y = A22 v with the trailing matrix as it stood at the start of the panel.
      ws.matrixVector((n - k - 1 + 3) & ~3, (n - k - 1 + 1) & ~1, (k + 1) * ld + k + 1, ld, vAt + k + 1, yAt + k + 1);
      // y -= V (W^T v) + W (V^T v) over the panel's earlier columns: the part of the update not yet applied.
      for (let s = 0; s < t; s++) {
        let a = 0, c = 0;
        const vs = s * n;
        for (let i = k + 1; i < n; i++) {
          a += W[vs + i] * v[i];
          c += V[vs + i] * v[i];
        }
        wv[s] = a;
        vv[s] = c;
      }
      for (let s = 0; s < t; s++) {
        const a = wv[s], c = vv[s], vs = s * n;
        for (let i = k + 1; i < n; i++) y[i] -= V[vs + i] * a + W[vs + i] * c;
      }
      let yv = 0;
      for (let i = k + 1; i < n; i++) {
        y[i] *= tk;
        yv += y[i] * v[i];
      }
      const half = 0.5 * tk * yv;
      const wt = t * n;
      for (let i = k + 1; i < n; i++) W[wt + i] = y[i] - half * v[i];
    }
    panelUpdate(ws, n, ld, k0 + b, V, W, b, xAt, zAt, wide);
    if (onProgress) onProgress((k0 + b) / Math.max(1, count));
  }
  if (n >= 2) {
    diagonal[n - 2] = f[(n - 2) * ld + n - 2];
    offDiagonal[n - 2] = f[(n - 2) * ld + n - 1];
  }
  if (n >= 1) diagonal[n - 1] = f[(n - 1) * ld + n - 1];
  for (let i = 0; i < n; i++) A.set(f.subarray(i * ld, i * ld + n), i * n);
  return { n, diagonal, offDiagonal, reflectors: A, tau };
}

/** Trailing A[k1.., k1..] -= V W^T + W V^T as one product X Z^T with X = [V W], Z = [W V] as rows. */
function panelUpdate(
  ws: Workspace, n: number, ld: number, k1: number, V: Float64Array, W: Float64Array, b: number,
  xAt: number, zAt: number, wide: number,
): void {
  const m = n - k1;
  if (m <= 0) return;
  const f = ws.f64;
  const b2 = 2 * b;
  // Rows m.. must be zero: the kernel's padded sizes read a few of them.
  f.fill(0, xAt + m * wide, xAt + (m + 4) * wide);
  f.fill(0, zAt + m * wide, zAt + (m + 4) * wide);
  for (let i = 0; i < m; i++) {
    const r = k1 + i, x = xAt + i * wide, z = zAt + i * wide;
    for (let s = 0; s < b; s++) {
      const vs = V[s * n + r], ws_ = W[s * n + r];
      f[x + s] = vs;
      f[x + b + s] = ws_;
      f[z + s] = ws_;
      f[z + b + s] = vs;
    }
  }
  ws.multiply((m + 3) & ~3, (m + 1) & ~1, b2, xAt, wide, zAt, wide, k1 * ld + k1, ld, -1);
}

/**
 * Householder vector for x = A[rowOffset + start .. rowOffset + n - 1] (dlarfg): H x = beta e_0.
 * Writes v (v[start] = 1, zero elsewhere) at the same absolute indices, beta into v[start - 1], returns tau.
 */
function makeReflector(A: Float64Array, rowOffset: number, start: number, n: number, v: Float64Array): number {
  v.fill(0);
  const alpha = A[rowOffset + start];
  let scale = 0;
  for (let j = start + 1; j < n; j++) scale = Math.max(scale, Math.abs(A[rowOffset + j]));
  let xnorm = 0;
  if (scale > 0) {
    let ss = 0;
    for (let j = start + 1; j < n; j++) {
      const q = A[rowOffset + j] / scale;
      ss += q * q;
    }
    xnorm = scale * Math.sqrt(ss);
  }
  v[start] = 1;
  if (xnorm === 0) {
    v[start - 1] = alpha;
    return 0;
  }
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  const inv = 1 / (alpha - beta);
  for (let j = start + 1; j < n; j++) v[j] = A[rowOffset + j] * inv;
  v[start - 1] = beta;
  return (beta - alpha) / beta;
}
