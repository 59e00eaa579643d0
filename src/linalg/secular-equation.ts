/**
 * The rank-one eigenproblem at the heart of divide and conquer: eigenvalues and eigenvectors of
 * D + rho z z^T, for strictly increasing d, nonzero z and rho > 0 (what remains after deflation).
 *
 * Eigenvalue j is the root of the secular equation f(lambda) = 1 + rho sum_i z_i^2 / (d_i - lambda) in
 * (d_j, d_{j+1}) (the last in (d_K, d_K + rho |z|^2)). Each root is kept as an offset tau from its nearer
 * pole d[origin], so the differences d_i - lambda_j = (d_i - d[origin]) - tau that build the eigenvectors
 * carry full relative accuracy (LAPACK dlaed4). The vectors use z recomputed from the roots (Gu and
 * Eisenstat, LAPACK dlaed3), which makes them numerically orthogonal however close the roots are.
 */
export interface SecularSolution {
  values: Float64Array; // ascending
  vectors: Float64Array; // K x K, row j = unit eigenvector of values[j]
}

const EPS = Number.EPSILON;

/**
 * `vectors` (K * K entries) may be passed in to be overwritten. Each stage is a function of its own: V8
 * optimises small functions as they get hot, where one holding every loop was compiled again and again
 * (on-stack replacement at each loop, then whole) while the first image waited.
 */
export function solveRankOneUpdate(
  d: Float64Array, z: Float64Array, rho: number, vectors: Float64Array = new Float64Array(d.length * d.length),
): SecularSolution {
  const K = d.length;
  const { origin, tau } = secularRoots(d, z, rho);
  const values = new Float64Array(K);
  for (let j = 0; j < K; j++) values[j] = d[origin[j]] + tau[j];
  const zHat = consistentZ(d, z, rho, origin, tau);
  eigenvectorRows(d, zHat, origin, tau, vectors);
  return { values, vectors };
}

/** Every root, each as its nearer pole's index and its offset from that pole. */
function secularRoots(d: Float64Array, z: Float64Array, rho: number): { origin: Int32Array; tau: Float64Array } {
  const K = d.length;
  const origin = new Int32Array(K);
  const tau = new Float64Array(K);
  const delta = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    const root = secularRoot(d, z, rho, j, delta);
    origin[j] = root.origin;
    tau[j] = root.tau;
  }
  return { origin, tau };
}

/** d_i - lambda_j, accurately: lambda_j = d[origin[j]] + tau[j]. */
const difference = (d: Float64Array, origin: Int32Array, tau: Float64Array, i: number, j: number) => (d[i] - d[origin[j]]) - tau[j];

/** Gu-Eisenstat: the z for which the computed roots are exact eigenvalues. */
function consistentZ(d: Float64Array, z: Float64Array, rho: number, origin: Int32Array, tau: Float64Array): Float64Array {
  const K = d.length;
  const zHat = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    let prod = -difference(d, origin, tau, i, K - 1) / rho;
    for (let k = 0; k < i; k++) prod *= difference(d, origin, tau, i, k) / (d[i] - d[k]);
    for (let k = i + 1; k < K; k++) prod *= difference(d, origin, tau, i, k - 1) / (d[i] - d[k]);
    zHat[i] = Math.sign(z[i]) * Math.sqrt(Math.max(prod, 0));
  }
  return zHat;
}

/** Row j of `vectors` = the unit vector zHat_i / (d_i - lambda_j). */
function eigenvectorRows(d: Float64Array, zHat: Float64Array, origin: Int32Array, tau: Float64Array, vectors: Float64Array): void {
  const K = d.length;
  for (let j = 0; j < K; j++) {
    const row = j * K;
    let norm = 0;
    for (let i = 0; i < K; i++) {
      const x = zHat[i] / difference(d, origin, tau, i, j);
      vectors[row + i] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < K; i++) vectors[row + i] *= inv;
  }
}

/**
 * Root j of the secular equation, found in coordinates centred on its nearer pole by the "middle way"
 * (a model with one pole on each side matched in value and slope), kept inside a bracket that bisection
 * shrinks whenever a model step would leave it.
 */
function secularRoot(d: Float64Array, z: Float64Array, rho: number, j: number, delta: Float64Array) {
  const K = d.length;
  let o: number; // origin pole index
  let lo: number, hi: number; // bracket for tau
  let left: number, right: number; // model poles (indices)
  if (j < K - 1) {
    const gap = d[j + 1] - d[j];
    const mid = gap / 2;
    let f = 1;
    for (let i = 0; i < K; i++) f += (rho * z[i] * z[i]) / ((d[i] - d[j]) - mid);
    if (f >= 0) {
      o = j; lo = 0; hi = mid;
    } else {
      o = j + 1; lo = -mid; hi = 0;
    }
    left = j;
    right = j + 1;
  } else {
    let zz = 0;
    for (let i = 0; i < K; i++) zz += z[i] * z[i];
    o = j; lo = 0; hi = rho * zz;
    left = K > 1 ? j - 1 : j;
    right = j;
  }
  const base = d[o];
  for (let i = 0; i < K; i++) delta[i] = d[i] - base;
  let t = (lo + hi) / 2;
  for (let iter = 0; iter < 200; iter++) {
    // psi: poles at or left of `left`; phi: the rest. Both sums and slopes at tau = t.
    let psi = 0, dpsi = 0, phi = 0, dphi = 0;
    for (let i = 0; i < K; i++) {
      const q = delta[i] - t;
      const r = (rho * z[i]) / q;
      const term = r * z[i];
      const slope = r * r / rho;
      if (i <= left) {
        psi += term; dpsi += slope;
      } else {
        phi += term; dphi += slope;
      }
    }
    const f = 1 + psi + phi;
    const tolerance = EPS * (8 * (Math.abs(phi) + Math.abs(psi)) + 2 + 3 * Math.abs(t) * (dpsi + dphi)) * Math.max(1, K / 16);
    if (Math.abs(f) <= tolerance) break;
    if (f < 0) lo = t; else hi = t;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    // Middle way: f ~ c + s / (d_left - lambda) + S / (d_right - lambda); solve the quadratic for the step.
    const a = delta[left] - t, b = delta[right] - t;
    const c = f - a * dpsi - b * dphi;
    const A = (a + b) * f - a * b * (dpsi + dphi);
    const B = a * b * f;
    let eta = NaN;
    if (left === right || c === 0) {
      eta = -f / (dpsi + dphi);
    } else {
      const disc = A * A - 4 * B * c;
      if (disc >= 0) {
        const q = 0.5 * (A + Math.sign(A || 1) * Math.sqrt(disc));
        const r1 = q / c, r2 = q !== 0 ? B / q : NaN;
        const inside = (x: number) => Number.isFinite(x) && t + x > lo && t + x < hi;
        if (inside(r1) && inside(r2)) eta = Math.abs(r1) < Math.abs(r2) ? r1 : r2;
        else if (inside(r1)) eta = r1;
        else if (inside(r2)) eta = r2;
      }
    }
    if (!(Number.isFinite(eta) && t + eta > lo && t + eta < hi)) {
      const newton = -f / (dpsi + dphi);
      eta = Number.isFinite(newton) && t + newton > lo && t + newton < hi ? newton : (lo + hi) / 2 - t;
    }
    if (eta === 0) break;
    t += eta;
  }
  return { origin: o, tau: t };
}
