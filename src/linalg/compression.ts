/**
 * What keeping the first k SVD layers of an image buys and costs, from its singular values alone
 * (Eckart-Young: the error of the best rank-k approximation is the energy of the dropped layers).
 * A colour image has one list of singular values per channel; figures pool the channels.
 */
export interface CompressionFigures {
  /** Share of sum sigma^2 kept by the first k layers of every channel. */
  energyKept: number;
  /** Share of sum sigma kept (the measure some compression write-ups plot). */
  sigmaShare: number;
  /** ||M - M_k||_F / ||M||_F = sqrt(dropped energy / total energy). */
  relativeError: number;
  /** Peak signal-to-noise ratio of the rank-k image in dB, pixels 0-255 (Infinity when exact). */
  psnr: number;
  /** Numbers stored for k layers: k (m + n + 1) per channel. */
  storedNumbers: number;
  fullNumbers: number;
  storageRatio: number;
  /** Smallest k keeping at least 90/95/99% of the energy. */
  kForEnergy: { '0.9': number; '0.95': number; '0.99': number };
  /** energyCurve[i] and sigmaCurve[i]: the shares kept by the first i + 1 layers. */
  energyCurve: number[];
  sigmaCurve: number[];
}

/** Cumulative shares of the pooled channels: curve[i] = (sum over channels of the first i + 1 terms) / total. */
export function cumulativeShare(channels: ArrayLike<number>[], term: (sigma: number) => number): number[] {
  const length = Math.max(0, ...channels.map((c) => c.length));
  const layer = new Float64Array(length);
  for (const c of channels) for (let i = 0; i < c.length; i++) layer[i] += term(c[i]);
  const total = layer.reduce((a, b) => a + b, 0);
  const curve: number[] = [];
  let running = 0;
  for (let i = 0; i < length; i++) {
    running += layer[i];
    curve.push(total > 0 ? Math.min(1, running / total) : 1);
  }
  return curve;
}

/** The smallest k whose share reaches the level (the curve's length when none does, from rounding). */
export function rankForShare(curve: readonly number[], level: number): number {
  const index = curve.findIndex((share) => share >= level - 1e-12);
  return index < 0 ? curve.length : index + 1;
}

export function compressionFigures(channels: ArrayLike<number>[], k: number, width: number, height: number): CompressionFigures {
  const energyCurve = cumulativeShare(channels, (s) => s * s);
  const sigmaCurve = cumulativeShare(channels, (s) => s);
  const at = (curve: number[]) => (k <= 0 ? 0 : curve[Math.min(k, curve.length) - 1] ?? 1);
  const energyKept = at(energyCurve);
  // Error and PSNR from the dropped tail itself, not 1 - energyKept, which cancels to 0 near full rank.
  let totalEnergy = 0, droppedEnergy = 0;
  for (const c of channels) {
    for (let i = 0; i < c.length; i++) {
      totalEnergy += c[i] * c[i];
      if (i >= k) droppedEnergy += c[i] * c[i];
    }
  }
  const mse = droppedEnergy / (channels.length * width * height);
  const storedNumbers = channels.length * k * (width + height + 1);
  const fullNumbers = channels.length * width * height;
  return {
    energyKept,
    sigmaShare: at(sigmaCurve),
    relativeError: totalEnergy > 0 ? Math.sqrt(droppedEnergy / totalEnergy) : 0,
    psnr: mse > 0 ? 10 * Math.log10((255 * 255) / mse) : Infinity,
    storedNumbers,
    fullNumbers,
    storageRatio: storedNumbers / fullNumbers,
    kForEnergy: { '0.9': rankForShare(energyCurve, 0.9), '0.95': rankForShare(energyCurve, 0.95), '0.99': rankForShare(energyCurve, 0.99) },
    energyCurve,
    sigmaCurve,
  };
}
