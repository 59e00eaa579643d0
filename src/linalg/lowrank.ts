import type { SvdFactors } from './svd';
import { createWorkspace, type Workspace } from './workspace';

/**
 * Truncated SVD: the best rank-k approximation A_k = sum_{i<k} sigma_i u_i v_i^T (Eckart-Young), as a dense
 * row-major m x n matrix in double precision. O(kmn); for sliders use RankReconstruction.
 */
export function truncatedSvd(f: SvdFactors, k: number): Float64Array {
  const { rows: m, cols: n } = f;
  const rank = clampRank(k, f.values.length);
  const out = new Float64Array(m * n);
  for (let i = 0; i < rank; i++) {
    const s = f.values[i];
    for (let r = 0; r < m; r++) {
      const a = s * f.left[i * m + r];
      if (a === 0) continue;
      const o = r * n, vi = i * n;
      for (let c = 0; c < n; c++) out[o + c] += a * f.right[vi + c];
    }
  }
  return out;
}

const clampRank = (k: number, p: number) => Math.max(0, Math.min(p, Math.floor(k)));

export interface RankReconstructionOptions {
  /** Ranks kept precomputed (as float32) so that any rank is a short walk from one; default p/4, p/2, 3p/4, p. */
  checkpoints?: number[];
}

/**
 * Rank-k approximations of one matrix for a slider: the current A_k is kept and moving to k' adds or removes
 * the layers in between as one dense product (U_block diag(sigma) V_block^T, SIMD where available), starting
 * from whichever is nearest of the current rank, zero, or a checkpoint. Any move then costs at most p/8
 * layers. Checkpoints are stored in float32 (relative error ~6e-8 of the entries, invisible in 8-bit
 * pixels); truncatedSvd is the exact double-precision reference.
 */
export class RankReconstruction {
  readonly rows: number;
  readonly cols: number;
  readonly maxRank: number;
  private readonly ws: Workspace;
  private readonly ld: number; // layers per row in U and V (p rounded up to even)
  private readonly np: number; // row stride of the accumulator
  private readonly mp: number;
  private readonly uAt = 0;
  private readonly vAt: number;
  private readonly cAt: number;
  private readonly oneAt: number; // one layer as U (mp x 2) then V (np x 2), second column zero
  private readonly anchors = new Map<number, Float32Array>();
  private current = 0;

  constructor(f: SvdFactors, options: RankReconstructionOptions = {}) {
    const m = f.rows, n = f.cols, p = f.values.length;
    this.rows = m;
    this.cols = n;
    this.maxRank = p;
    this.ld = (p + 1) & ~1;
    this.mp = (m + 3) & ~3;
    this.np = (n + 1) & ~1;
    this.vAt = this.mp * this.ld;
    this.cAt = this.vAt + this.np * this.ld;
    this.oneAt = this.cAt + this.mp * this.np;
    this.ws = createWorkspace(this.oneAt + 2 * (this.mp + this.np));
    const w = this.ws.f64;
    // U scaled: row r = (sigma_l u_l[r])_l; V: row c = (v_l[c])_l. Layers run along rows for the kernel.
    for (let l = 0; l < p; l++) {
      const s = f.values[l];
      for (let r = 0; r < m; r++) w[this.uAt + r * this.ld + l] = s * f.left[l * m + r];
      for (let c = 0; c < n; c++) w[this.vAt + c * this.ld + l] = f.right[l * n + c];
    }
    const wanted = options.checkpoints ?? [p / 4, p / 2, (3 * p) / 4, p].map(Math.round);
    for (const k of [...new Set(wanted.map((k) => clampRank(k, p)))].filter((k) => k > 0).sort((a, b) => a - b)) {
      this.moveTo(k);
      this.anchors.set(k, Float32Array.from(w.subarray(this.cAt, this.cAt + this.mp * this.np)));
    }
    this.moveTo(0);
  }

  get rank(): number {
    return this.current;
  }

  /**
   * Moves to rank k (clamped to [0, maxRank]) and returns A_k as a view with row stride `stride`
   * (rows x stride, the columns past `cols` are zero); valid until the next call.
   */
  setRank(k: number): Float64Array {
    this.moveTo(clampRank(k, this.maxRank));
    return this.ws.f64.subarray(this.cAt, this.cAt + this.mp * this.np);
  }

  /** Row stride of the arrays setRank returns. */
  get stride(): number {
    return this.np;
  }

  private moveTo(k: number): void {
    // Nearest starting point; restarting costs about one layer's worth of copying, so ties keep the current.
    let from = this.current, cost = Math.abs(k - this.current);
    if (k < cost - 1) {
      from = 0;
      cost = k;
    }
    for (const [anchor] of this.anchors) {
      if (Math.abs(k - anchor) < cost - 1) {
        from = anchor;
        cost = Math.abs(k - anchor);
      }
    }
    const c = this.ws.f64;
    if (from !== this.current) {
      if (from === 0) c.fill(0, this.cAt, this.cAt + this.mp * this.np);
      else c.set(this.anchors.get(from)!, this.cAt);
    }
    if (k > from) this.addLayers(from, k, 1);
    else if (k < from) this.addLayers(k, from, -1);
    this.current = k;
  }

  /** C += sign * sum over layers [k1, k2). */
  private addLayers(k1: number, k2: number, sign: number): void {
    let d = k2 - k1;
    if (this.ws.simd && d % 2 === 1) {
      // The SIMD kernel takes an even number of layers; the odd one out goes in as a rank-1 update.
      this.addOneLayer(k2 - 1, sign);
      d -= 1;
    }
    if (d > 0) {
      this.ws.multiply(this.mp, this.np, d, this.uAt + k1, this.ld, this.vAt + k1, this.ld, this.cAt, this.np, sign);
    }
  }

  /** One layer through the kernel too, paired with a zero layer (a JS loop here strides across U and V). */
  private addOneLayer(l: number, sign: number): void {
    const w = this.ws.f64, { rows: m, cols: n, ld, mp, np, oneAt } = this;
    const vOne = oneAt + 2 * mp;
    for (let r = 0; r < m; r++) w[oneAt + 2 * r] = w[this.uAt + r * ld + l];
    for (let c = 0; c < n; c++) w[vOne + 2 * c] = w[this.vAt + c * ld + l];
    this.ws.multiply(mp, np, 2, oneAt, 2, vOne, 2, this.cAt, np, sign);
  }
}
