/** The figures <rankbook-delta-w> sets the tiny model beside; no DOM, so components can use them at build time. */

/** Hu et al. 2021, Table 7 and section 7.3: GPT-3 175B, layer 48 of 96, Wq. */
export const PAPER_TABLE7 = {
  weightNorm: 61.95,
  rows: {
    4: { ofDelta: 0.32, ofWeight: 21.67, ofRandom: 0.02, deltaNorm: 6.91 },
    64: { ofDelta: 1.90, ofWeight: 37.71, ofRandom: 0.33, deltaNorm: 3.57 },
  },
} as const;
export const paperAmplification = (r: 4 | 64) => PAPER_TABLE7.rows[r].deltaNorm / PAPER_TABLE7.rows[r].ofDelta;
