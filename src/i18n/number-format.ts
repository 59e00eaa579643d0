/**
 * Numbers written the way Intl.NumberFormat writes them in the site's languages, without Intl. The first
 * Intl.NumberFormat a page makes costs 30-110 ms on this machine's Chromium (ICU's data is loaded then), one
 * long task on every lesson that shows a number as it opens; the four languages' rules fit in a table instead.
 * Options outside the subset below, other languages and non-finite values go to Intl, whose output a unit
 * test checks this against.
 */
export interface NumberOptions {
  style?: 'decimal' | 'percent';
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  maximumSignificantDigits?: number;
  useGrouping?: boolean;
}

interface Separators { group: string; decimal: string; percent: string }

const COMMA_POINT: Separators = { group: ',', decimal: '.', percent: '%' };
const SEPARATORS: Record<string, Separators> = {
  en: COMMA_POINT, 'zh-cn': COMMA_POINT,
  de: { group: '.', decimal: ',', percent: '\u00a0%' },
  vi: { group: '.', decimal: ',', percent: '%' },
};
const KNOWN_OPTIONS = new Set(['style', 'minimumFractionDigits', 'maximumFractionDigits', 'maximumSignificantDigits', 'useGrouping']);

export function formatLocaleNumber(lang: string, x: number, options: NumberOptions = {}): string {
  const separators = SEPARATORS[lang.toLowerCase()];
  const known = Object.keys(options).every((key) => KNOWN_OPTIONS.has(key))
    && (options.style === undefined || options.style === 'decimal' || options.style === 'percent');
  if (!separators || !known || !Number.isFinite(x)) return new Intl.NumberFormat(lang, options as Intl.NumberFormatOptions).format(x);
  const percent = options.style === 'percent';
  const decimal = toDecimal(Math.abs(x), percent ? 2 : 0);
  const significant = options.maximumSignificantDigits;
  let minFraction = 0;
  if (significant !== undefined) {
    roundAt(decimal, significant);
  } else {
    const maxFraction = options.maximumFractionDigits ?? Math.max(options.minimumFractionDigits ?? 0, percent ? 0 : 3);
    minFraction = Math.min(options.minimumFractionDigits ?? 0, maxFraction);
    roundAt(decimal, decimal.point + maxFraction);
  }
  const { digits } = decimal;
  const point = digits === '' ? 0 : decimal.point;
  const whole = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  let fraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  fraction = fraction.replace(/0+$/, '').padEnd(minFraction, '0');
  const grouped = options.useGrouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, separators.group);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return sign + grouped + (fraction ? separators.decimal + fraction : '') + (percent ? separators.percent : '');
}

/** A non-negative number's shortest decimal digits (as String writes them), the point after `point` of them. */
interface Decimal { digits: string; point: number }

function toDecimal(a: number, shift: number): Decimal {
  const [mantissa, exponent = '0'] = String(a).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  return { digits, point: whole.length - leading + Number(exponent) + shift };
}

/** Keeps the first `keep` digits, rounding half away from zero on the digit after them (as Intl does). */
function roundAt(d: Decimal, keep: number): void {
  if (keep >= d.digits.length) return;
  if (keep < 0) { d.digits = ''; return; }
  const up = d.digits.charCodeAt(keep) >= 53; // '5'
  let kept = d.digits.slice(0, keep);
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    if (i < 0) { kept = '1'; d.point += 1; } else kept = kept.slice(0, i) + String(Number(kept[i]) + 1);
  }
  d.digits = kept.replace(/0+$/, '');
}
