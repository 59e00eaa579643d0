import { acquireWorkspace } from './workspace';

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
 * A -= V W^T + W V^T is then one dense product. All of these run as kernels in a workspace that holds the
 * matrix throughout; the JS left per column is O(n).
 */
export function tridiagonalize(
  A: Float64Array, n: number, onProgress?: (fraction: number) => void, panel = 32,
): Tridiagonalisation {
  const L = layout(n, panel);
  const ws = acquireWorkspace(L.size, 'resident');
  const f = ws.f64;
  const { ld, wide } = L;
  for (let i = 0; i < n; i++) f.set(A.subarray(i * n, i * n + n), i * ld);
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(0, n - 1));
  const tau = new Float64Array(n);
  const reduction: Reduction = {
    n, panel, L, ws, f, diagonal, offDiagonal, tau,
    v: f.subarray(L.v, L.v + ld), y: f.subarray(L.y, L.y + ld + 8), tmp: f.subarray(L.tmp, L.tmp + ld + 8),
    coeff: f.subarray(L.coeff, L.coeff + wide),
  };
  const count = Math.max(0, n - 2); // reflectors H_0 .. H_{n-3}
  for (let k0 = 0; k0 < count; k0 += panel) {
    const b = Math.min(panel, count - k0);
    f.fill(0, L.x, L.end); // X, Z, V rows, W rows of the previous panel
    for (let t = 0; t < b; t++) reduceColumn(reduction, k0 + t, t);
    // Trailing A[k1.., k1..] -= V W^T + W V^T = X Z^T, with X = [V W] and Z = [W V] as rows.
    const k1 = k0 + b, m = n - k1;
    if (m > 0) ws.multiply(round4(m), round2(m), wide, L.x + k1 * wide, wide, L.z + k1 * wide, wide, k1 * ld + k1, ld, -1);
    if (onProgress) onProgress(k1 / Math.max(1, count));
  }
  if (n >= 2) {
    diagonal[n - 2] = f[(n - 2) * ld + n - 2];
    offDiagonal[n - 2] = f[(n - 2) * ld + n - 1];
  }
  if (n >= 1) diagonal[n - 1] = f[(n - 1) * ld + n - 1];
  for (let i = 0; i < n; i++) A.set(f.subarray(i * ld, i * ld + n), i * n);
  return { n, diagonal, offDiagonal, reflectors: A, tau };
}

const round4 = (x: number) => (x + 3) & ~3, round2 = (x: number) => (x + 1) & ~1;

/** What one reduction holds while it runs: the workspace, its layout and views, and the results so far. */
interface Reduction {
  n: number; panel: number; L: ReturnType<typeof layout>; ws: ReturnType<typeof acquireWorkspace>; f: Float64Array;
  v: Float64Array; y: Float64Array; tmp: Float64Array; coeff: Float64Array;
  diagonal: Float64Array; offDiagonal: Float64Array; tau: Float64Array;
}

/**
 * Reflector k, column t of its panel (dlatrd's step). A function of its own, apart from the panel loop: V8 then
 * optimises small functions as they get hot, where one large function was recompiled three times on the first
 * image (on-stack replacement at two loops, then whole), 170-420 ms of compiling each time.
 */
function reduceColumn(r: Reduction, k: number, t: number): void {
  const { n, panel, L, ws, f, v, y, tmp, coeff } = r;
  const { ld, wide } = L;
  const rk = k * ld;
  if (t > 0) {
    // Bring row k (= column k) up to date with this panel's earlier reflectors: row -= X Z[k]^T.
    ws.matrixVector(round4(n - k), wide, L.x + k * wide, wide, L.z + k * wide, L.tmp + k);
    for (let j = k; j < n; j++) f[rk + j] -= tmp[j];
  }
  r.diagonal[k] = f[rk + k];
  const tk = makeReflector(f, rk, k + 1, n, v);
  r.offDiagonal[k] = v[k];
  v[k] = 0;
  r.tau[k] = tk;
  const vRow = L.vRows + t * ld;
  for (let j = k + 1; j < n; j++) {
    const x = v[j];
    f[rk + j] = x;
    f[vRow + j] = x;
    f[L.x + j * wide + t] = x;
    f[L.z + j * wide + panel + t] = x;
  }
  if (tk === 0) return;
  const m = n - k - 1;
  // y = A22 v with the trailing matrix as it stood at the start of the panel ...
  ws.matrixVector(round4(m), round2(m), (k + 1) * ld + k + 1, ld, L.v + k + 1, L.y + k + 1);
  if (t > 0) {
    // ... minus V (W^T v) + W (V^T v) over the panel's earlier columns, the update not yet applied.
    ws.matrixVector(round4(t), round2(m), L.wRows + k + 1, ld, L.v + k + 1, L.coeff);
    ws.matrixVector(round4(t), round2(m), L.vRows + k + 1, ld, L.v + k + 1, L.coeff + panel);
    coeff.fill(0, t, panel);
    coeff.fill(0, panel + t, wide);
    ws.matrixVector(round4(m), wide, L.x + (k + 1) * wide, wide, L.coeff, L.tmp + k + 1);
    for (let i = k + 1; i < n; i++) y[i] -= tmp[i];
  }
  let yv = 0;
  for (let i = k + 1; i < n; i++) {
    y[i] *= tk;
    yv += y[i] * v[i];
  }
  const half = 0.5 * tk * yv;
  const wRow = L.wRows + t * ld;
  for (let i = k + 1; i < n; i++) {
    const w = y[i] - half * v[i];
    f[wRow + i] = w;
    f[L.x + i * wide + panel + t] = w;
    f[L.z + i * wide + t] = w;
  }
}

/** Doubles of 'resident' workspace that tridiagonalize(A, n) holds. */
export const tridiagonalWorkspaceSize = (n: number, panel = 32) => layout(n, panel).size;

/**
 * Workspace layout, in doubles. Everything is padded so the kernels may round sizes up (rows to 4, lengths
 * to 2) and read only zeros beyond the real data: the matrix has a spare column and 4 spare rows.
 * X and Z (rows of `wide` = 2 * panel) hold [V W] and [W V] for the panel; vRows and wRows hold V and W
 * as rows of length ld.
 */
function layout(n: number, panel: number) {
  const ld = (n + 2) & ~1, rowsHeld = n + 4, wide = 2 * panel;
  const v = rowsHeld * ld, y = v + ld, tmp = y + ld + 8, coeff = tmp + ld + 8;
  const x = coeff + wide, z = x + rowsHeld * wide, vRows = z + rowsHeld * wide, wRows = vRows + (panel + 4) * ld;
  const end = wRows + (panel + 4) * ld;
  return { ld, wide, v, y, tmp, coeff, x, z, vRows, wRows, end, size: end };
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
