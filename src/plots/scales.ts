/**
 * The pure half of the plots: domains, colour tints, scale choice and log-axis ticks. No DOM here, so
 * every rule that decides what a reader sees can be unit-tested in Node (tests/unit/plots/scales.test.ts).
 */
import { localeValue, powerOfTen } from '../i18n/numbers';

/** 'diverging': signed values, zero in the middle (a weight update). 'sequential': magnitudes, low to high. */
export type ColourScheme = 'diverging' | 'sequential';

/** The CSS custom properties (defined in src/styles/rankbook.css, light and dark) the plots paint with. */
export const plotColours = {
  positive: 'var(--rb-plot-positive)',
  negative: 'var(--rb-plot-negative)',
  sequential: 'var(--rb-plot-sequential)',
  background: 'var(--rb-plot-zero)',
  /** Line series, in order; a fifth series reuses the first colour with a different dash. */
  series: ['var(--rb-plot-1)', 'var(--rb-plot-2)', 'var(--rb-plot-3)', 'var(--rb-plot-4)'],
  /** A colour image's red, green and blue channels, each in the colour its label names. */
  channels: ['var(--rb-plot-red)', 'var(--rb-plot-green)', 'var(--rb-plot-blue)'],
} as const;

/** Dash patterns paired with the series colours, so series differ by more than colour alone. */
export const seriesDashes = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;

/**
 * The value range a heatmap's colours span. Diverging: symmetric about zero, [-m, m] with m = max |v|, so
 * equal magnitudes get equal strength whatever their sign. Sequential: [min, max]. An all-zero (or empty)
 * matrix gets [-1, 1] / [0, 1] rather than a zero-width range that would divide by zero.
 */
export function heatmapDomain(values: readonly (readonly number[])[], scheme: ColourScheme): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of values) {
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return scheme === 'diverging' ? [-1, 1] : [0, 1];
  if (scheme === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return m === 0 ? [-1, 1] : [-m, m];
  }
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/**
 * How strongly to paint one cell: a theme colour and a strength in [0, 1] (0 = the plot background; zero
 * gets 0 in a diverging scheme). Mixing CSS variables (tintFill) rather than interpolating hex colours
 * keeps every colour a variable, so a theme switch recolours a drawn plot with no script.
 */
export function cellTint(value: number, domain: readonly [number, number], scheme: ColourScheme): { colour: string; opacity: number } {
  if (!Number.isFinite(value)) return { colour: plotColours.background, opacity: 0 };
  const [lo, hi] = domain;
  if (scheme === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const t = Math.min(1, Math.abs(value) / m);
    return { colour: value < 0 ? plotColours.negative : plotColours.positive, opacity: round3(t) };
  }
  const t = hi === lo ? 0 : (value - lo) / (hi - lo);
  return { colour: plotColours.sequential, opacity: round3(Math.min(1, Math.max(0, t))) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A tint as one opaque CSS colour: the theme colour mixed into the plot background. Opaque cells let the
 * gaps between them (the background rectangle underneath) read as grid lines, even where values are zero.
 */
export function tintFill({ colour, opacity }: { colour: string; opacity: number }): string {
  return `color-mix(in srgb, ${colour} ${round3(opacity * 100)}%, ${plotColours.background})`;
}

/**
 * 'log' when every value is positive and they span at least `decades` powers of ten (a loss falling from
 * 4 to 0.01, singular values from 1e3 to 1e-2); otherwise 'linear'. A log axis cannot show zero or below.
 */
export function chooseYScale(values: readonly number[], decades = 2): 'linear' | 'log' {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((v) => v <= 0)) return 'linear';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return Math.log10(hi / lo) >= decades ? 'log' : 'linear';
}

/**
 * Tick labels for a log axis: only powers of ten are labelled, so labels never collide; the other ticks keep
 * their grid line and get ''. One axis writes its powers one way: in full (0.01, 1, 10,000) while every
 * labelled tick lies within 0.01 to 10,000, otherwise as powers (10⁻³, 1, 10, 10², 10⁵), where written in
 * full the far ends would be long runs of zeros ("10⁵" above "10,000" read as a mistake).
 */
export function logTickFormat(ticks: readonly number[], lang = 'en'): (value: number) => string {
  const exponentOf = (value: number) => {
    const exponent = Math.log10(value);
    return Math.abs(exponent - Math.round(exponent)) > 1e-9 ? null : Math.round(exponent);
  };
  const exponents = ticks.map(exponentOf).filter((e): e is number => e !== null);
  const inFull = exponents.every((e) => e >= -2 && e <= 4);
  return (value) => {
    const e = exponentOf(value);
    if (e === null) return '';
    return inFull || e === 0 || e === 1 ? localeValue(lang, value) : powerOfTen(e);
  };
}
