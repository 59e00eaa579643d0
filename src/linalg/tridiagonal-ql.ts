import { rotateRows } from './plane-rotation';

/**
 * Implicit QL with Wilkinson shifts on a symmetric tridiagonal matrix (EISPACK tql2, as in JAMA). O(n^2) for
 * eigenvalues alone, O(n^3) with vectors: divide and conquer uses it for its small leaf blocks.
 *
 * diagonal (length n) and offDiagonal (length n - 1, T[i][i + 1]) are read, not changed. When `vectors` is
 * given (n x n rows, usually the identity) every rotation is applied to its rows, so on return row j holds
 * the eigenvector of eigenvalue j (times whatever vectors held). Eigenvalues are returned ascending.
 */
export function tridiagonalQl(
  diagonal: ArrayLike<number>, offDiagonal: ArrayLike<number>, vectors?: Float64Array, stride?: number,
): Float64Array {
  const n = diagonal.length;
  const ld = stride ?? n;
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i];
  const eps = Number.EPSILON;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > 60) throw new Error('tridiagonalQl: no convergence');
        // Wilkinson shift from the leading 2 x 2 block.
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // Chase the bulge from m back up to l with plane rotations.
        p = d[m];
        let c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const el1 = e[l + 1];
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (vectors) rotateRows(vectors, (i + 1) * ld, i * ld, n, c, s);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  sortAscending(d, vectors, ld, n);
  return d;
}

/** Selection sort of eigenvalues with their vector rows (n is small wherever vectors are carried). */
function sortAscending(d: Float64Array, vectors: Float64Array | undefined, ld: number, n: number): void {
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[k]) k = j;
    if (k === i) continue;
    const t = d[k];
    d[k] = d[i];
    d[i] = t;
    if (vectors) {
      for (let c = 0; c < n; c++) {
        const x = vectors[i * ld + c];
        vectors[i * ld + c] = vectors[k * ld + c];
        vectors[k * ld + c] = x;
      }
    }
  }
}
