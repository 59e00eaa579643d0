/** The figures <rankbook-delta-w> sets the tiny model beside; no DOM, so components can use them at build time. */

/** Hu et al. 2021, Table 7 and section 7.3: GPT-3 175B, layer 48 of 96, Wq. */
export const PAPER_TABLE7 = {
  weightNorm: 61.95,
  rows: {
    4: { ofDelta: 0.32, ofWeight: 21.67, ofRandom: 0.02, deltaNorm: 6.91 },
    64: { ofDelta: 1.90, ofWeight: 37.71, ofRandom: 0.33, deltaNorm: 3.57 },
  },
  /** As the paper states them: "21.5 ≈ 6.91/0.32" for r = 4 (section 7.3), "only around 2" for r = 64 (H.4), here 3.57 / 1.90. */
  amplification: { 4: 21.5, 64: 3.57 / 1.9 },
} as const;
export const paperAmplification = (r: 4 | 64): number => PAPER_TABLE7.amplification[r];
