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
  /** Ranks to keep copies at, so any rank is a short walk from one; default every p/4 (p/8 without SIMD). */
  checkpoints?: number[];
}

/**
 * Rank-k approximations of one matrix for a slider: the current A_k is kept and moving to k' adds or removes
 * the layers in between as one dense product (U_block diag(sigma) V_block^T, SIMD where available), starting
 * from whichever is nearest of the current rank, zero, or a checkpoint (kept the first time the walk passes
 * it), so once the checkpoints exist any move costs at most p/8 layers.
 * Everything is float32 (four SIMD lanes, half the memory): entries carry ~1e-7 relative rounding, invisible
 * in 8-bit pixels; truncatedSvd is the double-precision reference.
 */
export class RankReconstruction {
  readonly rows: number;
  readonly cols: number;
  readonly maxRank: number;
  private readonly ws: Workspace;
  private readonly ld: number; // layers per row in U and V (p rounded up to a multiple of 4)
  private readonly np: number; // row stride of the accumulator
  private readonly mp: number;
  private readonly uAt = 0;
  private readonly vAt: number;
  private readonly cAt: number;
  private readonly fewAt: number; // up to 3 layers as U (mp x 4) then V (np x 4), unused columns zero
  private readonly anchors = new Map<number, Float32Array>();
  private readonly checkpoints: number[]; // ranks to keep a copy of, ascending; copies made on first pass
  private current = 0;

  constructor(f: SvdFactors, options: RankReconstructionOptions = {}) {
    const m = f.rows, n = f.cols, p = f.values.length;
    this.rows = m;
    this.cols = n;
    this.maxRank = p;
    this.ld = (p + 3) & ~3;
    this.mp = (m + 3) & ~3;
    this.np = (n + 1) & ~1;
    this.vAt = this.mp * this.ld;
    this.cAt = this.vAt + this.np * this.ld;
    this.fewAt = this.cAt + this.mp * this.np;
    const floats = this.fewAt + 4 * (this.mp + this.np);
    this.ws = createWorkspace(Math.ceil(floats / 2));
    const w = this.ws.f32;
    // U scaled: row r = (sigma_l u_l[r])_l; V: row c = (v_l[c])_l. Layers run along rows for the kernel.
    transposeLayers(f.left, p, m, f.values, w, this.uAt, this.ld);
    transposeLayers(f.right, p, n, null, w, this.vAt, this.ld);
    // Without SIMD each layer costs ~4x more, so keep twice as many checkpoints.
    const parts = this.ws.simd ? 4 : 8;
    const wanted = options.checkpoints ?? Array.from({ length: parts }, (_, i) => Math.round(((i + 1) * p) / parts));
    this.checkpoints = [...new Set(wanted.map((k) => clampRank(k, p)))].filter((k) => k > 0).sort((a, b) => a - b);
  }

  get rank(): number {
    return this.current;
  }

  /**
   * Moves to rank k (clamped to [0, maxRank]) and returns A_k as a view with row stride `stride`
   * (rows x stride, the columns past `cols` are zero); valid until the next call.
   */
  setRank(k: number): Float32Array {
    this.moveTo(clampRank(k, this.maxRank));
    return this.ws.f32.subarray(this.cAt, this.cAt + this.mp * this.np);
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
    const c = this.ws.f32;
    if (from !== this.current) {
      if (from === 0) c.fill(0, this.cAt, this.cAt + this.mp * this.np);
      else c.set(this.anchors.get(from)!, this.cAt);
    }
    // Walk in stages, keeping a copy at each checkpoint passed for the first time (so construction is
    // cheap and the first long jumps leave the anchors that make later ones short).
    let at = from;
    const stops = this.checkpoints.filter((r) => !this.anchors.has(r) && r > Math.min(at, k) && r < Math.max(at, k));
    if (k < at) stops.reverse();
    for (const stop of [...stops, k]) {
      if (stop > at) this.addLayers(at, stop, 1);
      else if (stop < at) this.addLayers(stop, at, -1);
      at = stop;
      if (this.checkpoints.includes(at) && !this.anchors.has(at)) {
        this.anchors.set(at, c.slice(this.cAt, this.cAt + this.mp * this.np));
      }
    }
    this.current = k;
  }

  /** C += sign * sum over layers [k1, k2). */
  private addLayers(k1: number, k2: number, sign: number): void {
    let d = k2 - k1;
    const rest = this.ws.simd ? d % 4 : 0;
    if (rest > 0) {
      // The SIMD kernel takes layers four at a time; the rest go in through a zero-padded copy.
      this.addFewLayers(k2 - rest, rest, sign);
      d -= rest;
    }
    if (d > 0) {
      this.ws.multiplyF32(this.mp, this.np, d, this.uAt + k1, this.ld, this.vAt + k1, this.ld, this.cAt, this.np, sign);
    }
  }

  private addFewLayers(l0: number, count: number, sign: number): void {
    const w = this.ws.f32, { rows: m, cols: n, ld, mp, np, fewAt } = this;
    const vFew = fewAt + 4 * mp;
    for (let r = 0; r < m; r++) for (let t = 0; t < 4; t++) w[fewAt + 4 * r + t] = t < count ? w[this.uAt + r * ld + l0 + t] : 0;
    for (let c = 0; c < n; c++) for (let t = 0; t < 4; t++) w[vFew + 4 * c + t] = t < count ? w[this.vAt + c * ld + l0 + t] : 0;
    this.ws.multiplyF32(mp, np, 4, fewAt, 4, vFew, 4, this.cAt, np, sign);
  }
}

/** out[at + r * ld + l] = scale[l] * layers[l * len + r], in 32 x 32 tiles so reads and writes stay cached. */
function transposeLayers(
  layers: Float64Array, p: number, len: number, scale: Float64Array | null, out: Float32Array, at: number, ld: number,
): void {
  const T = 32;
  for (let l0 = 0; l0 < p; l0 += T) {
    const l1 = Math.min(p, l0 + T);
    for (let r0 = 0; r0 < len; r0 += T) {
      const r1 = Math.min(len, r0 + T);
      for (let l = l0; l < l1; l++) {
        const s = scale ? scale[l] : 1, src = l * len;
        for (let r = r0; r < r1; r++) out[at + r * ld + l] = s * layers[src + r];
      }
    }
  }
}
