import { block, multiplyTransposed } from './dense-kernels';
import { rotateRows } from './plane-rotation';
import { solveRankOneUpdate } from './secular-equation';
import { scratchArray } from './scratch-arrays';
import { tridiagonalQl } from './tridiagonal-ql';

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix by Cuppen's divide and conquer, as LAPACK's dstedc:
 * tear T at the middle into two halves plus a rank-one term, solve the halves recursively, and glue them with
 * the rank-one update (secular equation). Deflation removes eigenpairs that need no work; what remains is one
 * dense product per merge, so the cost is a fraction of QL's rotation sweeps over all vectors.
 */
export interface SymmetricEigen {
  values: Float64Array; // ascending
  vectors: Float64Array; // n x n, row j = unit eigenvector of values[j]
}

const LEAF = 32;
const EPS = Number.EPSILON;

export function tridiagonalEigen(diagonal: ArrayLike<number>, offDiagonal: ArrayLike<number>): SymmetricEigen {
  const n = diagonal.length;
  // Scale to max |entry| = 1, so the deflation tolerance below is relative (as dstedc does).
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(diagonal[i]));
  for (let i = 0; i < n - 1; i++) scale = Math.max(scale, Math.abs(offDiagonal[i]));
  if (scale === 0) scale = 1;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) d[i] = diagonal[i] / scale;
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i] / scale;
  const Q = new Float64Array(n * n); // block diagonal while the halves are solved, row = eigenvector
  solveBlock(d, e, Q, n, 0, n);
  for (let i = 0; i < n; i++) d[i] *= scale;
  return { values: d, vectors: Q };
}

function solveBlock(d: Float64Array, e: Float64Array, Q: Float64Array, n: number, lo: number, hi: number): void {
  const size = hi - lo;
  if (size <= LEAF) {
    const sub = Q.subarray(lo * n + lo);
    for (let i = 0; i < size; i++) sub[i * n + i] = 1;
    const values = tridiagonalQl(d.subarray(lo, hi), e.subarray(lo, hi - 1), sub, n);
    d.set(values, lo);
    return;
  }
  const mid = (lo + hi) >> 1;
  const beta = e[mid - 1];
  const rho = Math.abs(beta);
  d[mid - 1] -= rho;
  d[mid] -= rho;
  solveBlock(d, e, Q, n, lo, mid);
  solveBlock(d, e, Q, n, mid, hi);
  mergeBlocks(d, Q, n, lo, mid, hi, rho, beta < 0 ? -1 : 1);
}

/** Row kinds for the merge product: nonzero only left of mid, only right of it, or both (after a rotation). */
const LEFT = 1, BOTH = 2, RIGHT = 3;

function mergeBlocks(d: Float64Array, Q: Float64Array, n: number, lo: number, mid: number, hi: number, rho0: number, sign: number): void {
  const w = hi - lo;
  const n1 = mid - lo;
  // T = diag(T1, T2) + rho0 u u^T with u = e_{mid-1} + sign e_mid; in the halves' eigenbases u becomes z.
  const D = d.slice(lo, hi);
  const z = new Float64Array(w);
  const kind = new Uint8Array(w);
  for (let i = 0; i < w; i++) {
    const row = (lo + i) * n;
    z[i] = i < n1 ? Q[row + mid - 1] : sign * Q[row + mid];
    kind[i] = i < n1 ? LEFT : RIGHT;
  }
  // |u|^2 = 2: fold it into rho so z is a unit vector.
  const rho = 2 * rho0;
  for (let i = 0; i < w; i++) z[i] *= Math.SQRT1_2;

  const order = Array.from({ length: w }, (_, i) => i).sort((a, b) => D[a] - D[b]);
  let dmax = 0, zmax = 0;
  for (let i = 0; i < w; i++) {
    dmax = Math.max(dmax, Math.abs(D[i]));
    zmax = Math.max(zmax, Math.abs(z[i]));
  }
  const tol = 8 * EPS * Math.max(dmax, zmax);

  // Deflation (dlaed2): tiny z components, and near-equal poles merged by a plane rotation.
  const kept: number[] = [];
  const deflated: number[] = [];
  let previous = -1;
  for (const i of order) {
    if (rho * Math.abs(z[i]) <= tol) {
      deflated.push(i);
      continue;
    }
    if (previous >= 0) {
      const tau = Math.hypot(z[i], z[previous]);
      const c = z[i] / tau, s = -z[previous] / tau;
      if (Math.abs((D[i] - D[previous]) * c * s) <= tol) {
        z[i] = tau;
        z[previous] = 0;
        rotateRows(Q, (lo + previous) * n + lo, (lo + i) * n + lo, w, c, s);
        const dp = D[previous], di = D[i];
        D[previous] = dp * c * c + di * s * s;
        D[i] = dp * s * s + di * c * c;
        if (kind[previous] !== kind[i]) kind[previous] = kind[i] = BOTH;
        deflated.push(previous);
        previous = i;
        continue;
      }
      kept.push(previous);
    }
    previous = i;
  }
  if (previous >= 0) kept.push(previous);

  const K = kept.length;
  const out = scratchArray('mergeBlocks.out', w * w);
  const values = new Float64Array(w);
  if (K > 0) {
    const dk = Float64Array.from(kept, (i) => D[i]);
    const zk = Float64Array.from(kept, (i) => z[i]);
    const solution = solveRankOneUpdate(dk, zk, rho, scratchArray('mergeBlocks.secular', K * K));
    values.set(solution.values, 0);
    // New eigenvector j = sum_t W[j][t] q_{kept[t]}: split by columns so rows known to be zero on one side
    // of mid are skipped there (half the work when few rotations mixed the halves).
    productOnColumns(Q, n, lo, 0, n1, kept, kind, RIGHT, solution.vectors, K, out, w);
    productOnColumns(Q, n, lo, n1, w, kept, kind, LEFT, solution.vectors, K, out, w);
  }
  for (let t = 0; t < deflated.length; t++) {
    const i = deflated[t];
    values[K + t] = D[i];
    out.set(Q.subarray((lo + i) * n + lo, (lo + i) * n + hi), (K + t) * w);
  }
  // Ascending order for the parent merge and the caller.
  const sorted = Array.from({ length: w }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  for (let r = 0; r < w; r++) {
    const from = sorted[r];
    d[lo + r] = values[from];
    Q.set(out.subarray(from * w, from * w + w), (lo + r) * n + lo);
  }
}

/** out[j][c0..c1) = sum over kept rows t (skipping those of kind `skip`) of W[j][t] * Q[row_t][lo + c]. */
function productOnColumns(
  Q: Float64Array, n: number, lo: number, c0: number, c1: number,
  kept: number[], kind: Uint8Array, skip: number,
  Wrows: Float64Array, K: number, out: Float64Array, w: number,
): void {
  const used: number[] = [];
  for (let t = 0; t < K; t++) if (kind[kept[t]] !== skip) used.push(t);
  const g = used.length;
  const width = c1 - c0;
  if (width === 0) return;
  if (g === 0) {
    // No kept row reaches these columns: the new vectors are zero there (out is reused, so say so).
    for (let j = 0; j < K; j++) out.fill(0, j * w + c0, j * w + c1);
    return;
  }
  // A: K x g (columns of W that matter), Bt: width x g (the matching Q rows, transposed).
  const A = scratchArray('productOnColumns.weights', K * g);
  for (let j = 0; j < K; j++) {
    for (let u = 0; u < g; u++) A[j * g + u] = Wrows[j * K + used[u]];
  }
  const Bt = scratchArray('productOnColumns.rows', width * g);
  for (let u = 0; u < g; u++) {
    const row = (lo + kept[used[u]]) * n + lo + c0;
    for (let c = 0; c < width; c++) Bt[c * g + u] = Q[row + c];
  }
  multiplyTransposed(K, width, g, block(A, 0, g), block(Bt, 0, g), block(out, c0, w));
}
