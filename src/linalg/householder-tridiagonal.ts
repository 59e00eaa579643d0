import { block, multiplyTransposed } from './dense-kernels';

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Q^T, with Q = H_0 H_1 ... H_{n-3}
 * and H_k = I - tau_k v_k v_k^T (LAPACK's dsytd2, lower form). Reflector v_k is zero before index k + 1 and
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
 * Reduces the full symmetric n x n matrix A (row-major; overwritten and kept as `reflectors`), blocked like
 * LAPACK's dsytrd: within a panel of `panel` columns each reflector needs one matrix-vector product with the
 * not-yet-updated trailing matrix plus low-rank corrections (dlatrd); the panel's accumulated rank-2b update
 * A -= V W^T + W V^T is then one dense product, which runs several times faster than rank-2 updates.
 */
export function tridiagonalize(
  A: Float64Array, n: number, onProgress?: (fraction: number) => void, panel = 32,
): Tridiagonalisation {
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(0, n - 1));
  const tau = new Float64Array(n);
  const count = Math.max(0, n - 2); // reflectors H_0 .. H_{n-3}
  const nb = panel;
  const V = new Float64Array(n * nb); // row i: entries i of the panel's reflectors
  const W = new Float64Array(n * nb);
  const v = new Float64Array(n);
  const y = new Float64Array(n);
  const wv = new Float64Array(nb);
  const vv = new Float64Array(nb);

  for (let k0 = 0; k0 < count; k0 += nb) {
    const b = Math.min(nb, count - k0);
    V.fill(0);
    W.fill(0);
    for (let t = 0; t < b; t++) {
      const k = k0 + t;
      const rk = k * n;
      // Bring row k (= column k) up to date with this panel's earlier reflectors.
      for (let s = 0; s < t; s++) {
        const vk = V[k * nb + s], wk = W[k * nb + s];
        for (let j = k; j < n; j++) A[rk + j] -= V[j * nb + s] * wk + W[j * nb + s] * vk;
      }
      diagonal[k] = A[rk + k];
      const tk = makeReflector(A, rk, k + 1, n, v);
      offDiagonal[k] = v[k];
      v[k] = 0;
      tau[k] = tk;
      for (let j = k + 1; j < n; j++) {
        A[rk + j] = v[j];
        V[j * nb + t] = v[j];
      }
      if (tk === 0) continue;
      symmetricRowsTimesVector(A, n, k + 1, v, y);
      // y -= V (W^T v) + W (V^T v) over the panel's earlier columns: the part of the update not yet applied.
      if (t > 0) {
        wv.fill(0);
        vv.fill(0);
        for (let i = k + 1; i < n; i++) {
          const vi = v[i], ri = i * nb;
          for (let s = 0; s < t; s++) {
            wv[s] += W[ri + s] * vi;
            vv[s] += V[ri + s] * vi;
          }
        }
        for (let i = k + 1; i < n; i++) {
          const ri = i * nb;
          let c = 0;
          for (let s = 0; s < t; s++) c += V[ri + s] * wv[s] + W[ri + s] * vv[s];
          y[i] -= c;
        }
      }
      let yv = 0;
      for (let i = k + 1; i < n; i++) {
        y[i] *= tk;
        yv += y[i] * v[i];
      }
      const half = 0.5 * tk * yv;
      for (let i = k + 1; i < n; i++) W[i * nb + t] = y[i] - half * v[i];
    }
    applyPanelUpdate(A, n, k0 + b, V, W, nb, b);
    if (onProgress) onProgress((k0 + b) / Math.max(1, count));
  }
  if (n >= 2) {
    diagonal[n - 2] = A[(n - 2) * n + n - 2];
    offDiagonal[n - 2] = A[(n - 2) * n + n - 1];
  }
  if (n >= 1) diagonal[n - 1] = A[n * n - 1];
  return { n, diagonal, offDiagonal, reflectors: A, tau };
}

/** y[i] = sum_j A[i][j] x[j] over i, j >= from; four rows at a time so each x[j] load serves four products. */
function symmetricRowsTimesVector(A: Float64Array, n: number, from: number, x: Float64Array, y: Float64Array): void {
  let i = from;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = from; j < n; j++) {
      const xj = x[j];
      s0 += A[r0 + j] * xj;
      s1 += A[r1 + j] * xj;
      s2 += A[r2 + j] * xj;
      s3 += A[r3 + j] * xj;
    }
    y[i] = s0; y[i + 1] = s1; y[i + 2] = s2; y[i + 3] = s3;
  }
  for (; i < n; i++) {
    const r = i * n;
    let s = 0;
    for (let j = from; j < n; j++) s += A[r + j] * x[j];
    y[i] = s;
  }
}

/** Trailing A[k1.., k1..] -= V W^T + W V^T as one product [V W] [W V]^T, upper strips only, then mirrored. */
function applyPanelUpdate(A: Float64Array, n: number, k1: number, V: Float64Array, W: Float64Array, nb: number, b: number): void {
  const m = n - k1;
  if (m <= 0) return;
  const b2 = 2 * b;
  const X = new Float64Array(m * b2);
  const Y = new Float64Array(m * b2);
  for (let i = 0; i < m; i++) {
    const src = (k1 + i) * nb, dst = i * b2;
    for (let s = 0; s < b; s++) {
      X[dst + s] = V[src + s];
      X[dst + b + s] = W[src + s];
      Y[dst + s] = W[src + s];
      Y[dst + b + s] = V[src + s];
    }
  }
  const strip = 32;
  for (let i0 = 0; i0 < m; i0 += strip) {
    const h = Math.min(strip, m - i0);
    multiplyTransposed(h, m - i0, b2, block(X, i0 * b2, b2), block(Y, i0 * b2, b2), block(A, (k1 + i0) * n + k1 + i0, n), -1, true);
  }
  for (let i = 1; i < m; i++) {
    const r = (k1 + i) * n + k1;
    for (let j = 0; j < i - (i % strip); j++) A[r + j] = A[(k1 + j) * n + k1 + i];
  }
}

/**
 * Householder vector for x = A[rowOffset + start .. rowOffset + n - 1] (dlarfg): H x = beta e_0.
 * Writes v (v[start] = 1) into `v` at the same absolute indices, beta into v[start - 1], returns tau.
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

/**
 * Multiplies rows by Q^T from the right, Z <- Z Q^T = Z H_{n-3} ... H_0: turns eigenvectors of T (rows of Z,
 * r x n) into eigenvectors of A (x = Q z, so x^T = z^T Q^T). Reflectors are applied in blocks of `blockSize`
 * through the compact WY form H_k0 ... H_k1-1 = I - Y S Y^T, whose transpose I - Y S^T Y^T is applied last
 * block first, so the work is two dense products per block.
 */
export function applyTridiagonalQ(tri: Tridiagonalisation, Z: Float64Array, r: number, blockSize = 32): void {
  const { n, reflectors, tau } = tri;
  const count = Math.max(0, n - 2);
  const lastStart = count - 1 - ((count - 1) % blockSize);
  for (let k0 = lastStart; k0 >= 0; k0 -= blockSize) {
    const b = Math.min(blockSize, count - k0);
    const c0 = k0 + 1; // first column any reflector of this block touches
    const L = n - c0;
    // Yt: b x L, row t = v_{k0+t} restricted to columns c0..n-1; Y = its transpose (L x b).
    const Yt = new Float64Array(b * L);
    const Y = new Float64Array(L * b);
    for (let t = 0; t < b; t++) {
      const k = k0 + t;
      for (let j = k + 1; j < n; j++) {
        const x = reflectors[k * n + j];
        Yt[t * L + (j - c0)] = x;
        Y[(j - c0) * b + t] = x;
      }
    }
    const S = triangularFactor(Yt, b, L, tau, k0);
    // Z (I - Y S Y^T)^T = Z - ((Z Y) S^T) Y^T
    const ZY = new Float64Array(r * b);
    multiplyTransposed(r, b, L, block(Z, c0, n), block(Yt, 0, L), block(ZY, 0, b));
    // ZYS = ZY * S^T (S upper triangular b x b): row-wise, small.
    const ZYS = new Float64Array(r * b);
    for (let i = 0; i < r; i++) {
      const zi = i * b;
      for (let t = 0; t < b; t++) {
        let s = 0;
        for (let u = t; u < b; u++) s += ZY[zi + u] * S[t * b + u];
        ZYS[zi + t] = s;
      }
    }
    multiplyTransposed(r, L, b, block(ZYS, 0, b), block(Y, 0, b), block(Z, c0, n), -1, true);
  }
}

/** Upper-triangular S of the forward compact WY form (LAPACK dlarft, 'F', 'C'). */
function triangularFactor(Yt: Float64Array, b: number, L: number, tau: Float64Array, k0: number): Float64Array {
  const S = new Float64Array(b * b);
  const tmp = new Float64Array(b);
  for (let i = 0; i < b; i++) {
    const ti = tau[k0 + i];
    S[i * b + i] = ti;
    if (ti === 0) continue;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let c = 0; c < L; c++) s += Yt[j * L + c] * Yt[i * L + c];
      tmp[j] = -ti * s;
    }
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let u = j; u < i; u++) s += S[j * b + u] * tmp[u];
      S[j * b + i] = s;
    }
  }
  return S;
}
