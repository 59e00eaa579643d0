import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, type NumberOptions } from '../../../src/i18n/number-format';
import { seededRandom } from '../../../src/linalg/seeded-random';

const LANGS = ['en', 'vi', 'de', 'zh-CN'];
// Every option set the site passes, and the edges of each.
const OPTIONS: NumberOptions[] = [
  {}, { maximumFractionDigits: 0 }, { maximumFractionDigits: 2 }, { maximumFractionDigits: 4 }, { maximumFractionDigits: 20 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 }, { minimumFractionDigits: 3, maximumFractionDigits: 3 },
  { minimumFractionDigits: 4, maximumFractionDigits: 4 }, { maximumSignificantDigits: 1 }, { maximumSignificantDigits: 2 },
  { maximumSignificantDigits: 3 }, { maximumSignificantDigits: 6 }, { style: 'percent' },
  { style: 'percent', maximumSignificantDigits: 3 }, { style: 'percent', maximumFractionDigits: 0 },
  { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }, { useGrouping: false },
  { minimumFractionDigits: 2 },
];

function values(): number[] {
  const random = seededRandom(7);
  const picked = [0, -0, 0.5, 1.5, 2.5, -2.5, 0.05, 0.005, 1.005, 0.0001, -0.0001, 9.995, 99.95, 999.5, 999999.5, 1234,
    12288, 37748736, 0.2083, 1e-7, 1.5e-7, 123456789012, 1e21, 4.35e22, 0.1 + 0.2, 1 / 3, 2 / 3, 6.02e-5];
  for (let i = 0; i < 300; i++) {
    const magnitude = 10 ** Math.floor(random() * 16 - 8);
    picked.push((random() - 0.3) * magnitude, Math.round(random() * 10 ** (i % 9)));
  }
  return picked;
}

describe('formatLocaleNumber', () => {
  it('writes every value as Intl.NumberFormat does, in each language and with each option the site uses', () => {
    const mismatches: string[] = [];
    for (const lang of LANGS) {
      for (const options of OPTIONS) {
        const intl = new Intl.NumberFormat(lang, options);
        for (const x of values()) {
          const ours = formatLocaleNumber(lang, x, options);
          if (ours !== intl.format(x)) mismatches.push(`${lang} ${JSON.stringify(options)} ${x}: ${ours} vs ${intl.format(x)}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('leaves what it does not know to Intl: other languages, other options, values that are not finite', () => {
    expect(formatLocaleNumber('fr', 1234.5)).toBe(new Intl.NumberFormat('fr').format(1234.5));
    expect(formatLocaleNumber('en', NaN)).toBe('NaN');
    expect(formatLocaleNumber('en', -Infinity)).toBe('-∞');
    const compact = { notation: 'compact' } as unknown as NumberOptions;
    expect(formatLocaleNumber('en', 12345, compact)).toBe('12K');
  });
});
