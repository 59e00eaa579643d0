/**
 * What keeping the first k SVD layers of an image buys and costs, from its singular values alone
 * (Eckart-Young: the error of the best rank-k approximation is the energy of the dropped layers).
 * A colour image has one list of singular values per channel; figures pool the channels. For a centred
 * image (centring.ts) the values are those of the centred channels: energy is then the variation around
 * the mean, and the error of mean + k layers is still exactly the dropped energy.
 */
export interface CompressionFigures {
  /** Share of sum sigma^2 kept by the first k layers of every channel. */
  energyKept: number;
  /** Share of sum sigma kept (the measure some compression write-ups plot). */
  sigmaShare: number;
  /** ||M - M_k||_F / ||M||_F = sqrt(dropped energy / total energy); centred, relative to ||M - mean||_F. */
  relativeError: number;
  /** Peak signal-to-noise ratio of the rank-k image in dB, pixels 0-255 (Infinity when exact). */
  psnr: number;
  /**
   * Numbers stored for k layers: k (m + n) per channel, sigma_i folded into u_i (lesson 2's L_k R_k),
   * plus one mean per channel when centred.
   */
  storedNumbers: number;
  fullNumbers: number;
  storageRatio: number;
  /** Smallest k keeping at least 90/95/99% of the energy. */
  kForEnergy: EnergyLevels;
  /** PSNR in dB of the image at each of those ranks, so a share can be read against what the eye sees. */
  psnrForEnergy: EnergyLevels;
  /** energyCurve[i] and sigmaCurve[i]: the shares kept by the first i + 1 layers. */
  energyCurve: number[];
  sigmaCurve: number[];
}

export type EnergyLevels = { '0.9': number; '0.95': number; '0.99': number };
const LEVELS = ['0.9', '0.95', '0.99'] as const;

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

/** Sum of sigma^2 over the layers after the first k of every channel, summed directly (no cancellation). */
function droppedEnergy(channels: ArrayLike<number>[], k: number): number {
  let dropped = 0;
  for (const c of channels) for (let i = Math.max(0, k); i < c.length; i++) dropped += c[i] * c[i];
  return dropped;
}

/** Peak signal-to-noise ratio, pixels 0-255, of a rank-k approximation whose error is the dropped energy. */
function psnrOf(dropped: number, pixels: number): number {
  return dropped > 0 ? 10 * Math.log10((255 * 255 * pixels) / dropped) : Infinity;
}

export function compressionFigures(
  channels: ArrayLike<number>[], k: number, width: number, height: number, { centred = false } = {},
): CompressionFigures {
  const energyCurve = cumulativeShare(channels, (s) => s * s);
  const sigmaCurve = cumulativeShare(channels, (s) => s);
  const at = (curve: number[]) => (k <= 0 ? 0 : curve[Math.min(k, curve.length) - 1] ?? 1);
  // Error and PSNR from the dropped tail itself, not 1 - energyKept, which cancels to 0 near full rank.
  const totalEnergy = droppedEnergy(channels, 0);
  const dropped = droppedEnergy(channels, k);
  const samples = channels.length * width * height;
  const storedNumbers = channels.length * (k * (width + height) + (centred ? 1 : 0));
  const kForEnergy = Object.fromEntries(LEVELS.map((level) => [level, rankForShare(energyCurve, Number(level))])) as EnergyLevels;
  const psnrForEnergy = Object.fromEntries(LEVELS.map((level) => [level, psnrOf(droppedEnergy(channels, kForEnergy[level]), samples)])) as EnergyLevels;
  return {
    energyKept: at(energyCurve),
    sigmaShare: at(sigmaCurve),
    relativeError: totalEnergy > 0 ? Math.sqrt(dropped / totalEnergy) : 0,
    psnr: psnrOf(dropped, samples),
    storedNumbers,
    fullNumbers: samples,
    storageRatio: storedNumbers / samples,
    kForEnergy,
    psnrForEnergy,
    energyCurve,
    sigmaCurve,
  };
}
