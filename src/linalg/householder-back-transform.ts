import type { Tridiagonalisation } from './householder-tridiagonal';
import { acquireWorkspace } from './workspace';

/**
 * Multiplies rows by Q^T from the right, Z <- Z Q^T = Z H_{n-3} ... H_0: turns eigenvectors of T (rows of Z,
 * r x n) into eigenvectors of A (x = Q z, so x^T = z^T Q^T); LAPACK's dormtr. Reflectors are applied in
 * blocks through the compact WY form H_k0 ... H_k1-1 = I - Y S Y^T, whose transpose I - Y S^T Y^T is applied
 * last block first, so each block costs three dense products in a workspace that holds Z throughout.
 */
export function applyTridiagonalQ(tri: Tridiagonalisation, Z: Float64Array, r: number, blockSize = 32): void {
  const { n, reflectors, tau } = tri;
  const count = Math.max(0, n - 2);
  if (count === 0 || r === 0) return;
  const bs = (blockSize + 3) & ~3; // a multiple of 4, so b x b products can be padded to whole kernel blocks
  // Layout (all padded for the kernels): Z (r+4 rows of ld), Yt (bs rows of ld), Y (ld rows of bs),
  // ZY and ZYS (r+4 rows of bs), S and the reflectors' Gram matrix G (bs x bs each).
  const ld = (n + 2) & ~1, rows = r + 4;
  const ytAt = rows * ld, yAt = ytAt + bs * ld, zyAt = yAt + ld * bs, zysAt = zyAt + rows * bs, sAt = zysAt + rows * bs;
  const gAt = sAt + bs * bs;
  const ws = acquireWorkspace(gAt + bs * bs, 'resident');
  const f = ws.f64;
  for (let i = 0; i < r; i++) f.set(Z.subarray(i * n, i * n + n), i * ld);
  const rp = (r + 3) & ~3;

  const lastStart = count - 1 - ((count - 1) % bs);
  for (let k0 = lastStart; k0 >= 0; k0 -= bs) {
    const b = Math.min(bs, count - k0), bp = (b + 1) & ~1;
    const c0 = k0 + 1; // first column any reflector of this block touches
    const L = n - c0, Lp = (L + 1) & ~1;
    f.fill(0, ytAt, gAt + bs * bs);
    copyBlockReflectors(reflectors, n, k0, b, f, ytAt, ld, yAt, bs);
    ws.multiply((b + 3) & ~3, bp, Lp, ytAt, ld, ytAt, ld, gAt, bs, 1); // G = Yt Yt^T: the v_i . v_j that S needs
    triangularFactor(f, gAt, b, tau, k0, sAt, bs);
    // Z (I - Y S Y^T)^T = Z - ((Z Y) S^T) Y^T
    ws.multiply(rp, bp, Lp, c0, ld, ytAt, ld, zyAt, bs, 1);
    ws.multiply(rp, bp, bp, zyAt, bs, sAt, bs, zysAt, bs, 1);
    ws.multiply(rp, Lp, bp, zysAt, bs, yAt, bs, c0, ld, -1);
  }
  for (let i = 0; i < r; i++) Z.set(f.subarray(i * ld, i * ld + n), i * n);
}

/**
 * Yt row t = v_{k0+t} on columns k0 + 1 .. (zero before its leading 1); Y is its transpose. Apart from the
 * block loop, so that V8 optimises this copy as a small function instead of replacing the whole loop on stack.
 */
function copyBlockReflectors(reflectors: Float64Array, n: number, k0: number, b: number, f: Float64Array,
  ytAt: number, ld: number, yAt: number, bs: number): void {
  const c0 = k0 + 1;
  for (let t = 0; t < b; t++) {
    const k = k0 + t;
    for (let j = k + 1; j < n; j++) {
      const x = reflectors[k * n + j];
      f[ytAt + t * ld + (j - c0)] = x;
      f[yAt + (j - c0) * bs + t] = x;
    }
  }
}

/**
 * Upper-triangular S of the forward compact WY form (LAPACK dlarft, 'F', 'C'), written into f at sAt:
 * S[i][i] = tau_i and S[0:i][i] = -tau_i S[0:i][0:i] (V[:, 0:i]^T v_i), with the dot products from G.
 */
function triangularFactor(f: Float64Array, gAt: number, b: number, tau: Float64Array, k0: number, sAt: number, bs: number): void {
  const tmp = new Float64Array(b);
  for (let i = 0; i < b; i++) {
    const ti = tau[k0 + i];
    f[sAt + i * bs + i] = ti;
    if (ti === 0) continue;
    for (let j = 0; j < i; j++) tmp[j] = -ti * f[gAt + j * bs + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let u = j; u < i; u++) s += f[sAt + j * bs + u] * tmp[u];
      f[sAt + j * bs + i] = s;
    }
  }
}
