import { englishLookup, type Lookup } from './cell-problem';
import type { MessageKey } from '../i18n/messages/en';

/**
 * A cell's value as TeX (for KaTeX), as compact text (what `el.state.result` holds and what a reader could
 * type back in) and as words for screen readers. Values are recognised by shape (mathjs marks its types with
 * flags such as `isFraction`), so this module needs no mathjs instance. The words (spoken, and the few in TeX)
 * come from `words`, a lookup in the page's catalogue; the text stays as a reader would type it.
 */
/** The catalogue's words this module (and notebook.ts) says results with: the page sends them to the worker. */
export const RESULT_WORDS: readonly MessageKey[] = [
  'cell.spokenMinus', 'cell.spokenFraction', 'cell.spokenPlusI', 'cell.spokenMinusI', 'cell.nothing', 'cell.spokenText',
  'cell.aFunction', 'cell.spokenFunction', 'cell.definesFunction', 'cell.unshowable', 'cell.emptyMatrix',
  'cell.manyDimensions', 'cell.digits', 'cell.spokenVector', 'cell.spokenMatrix', 'cell.spokenShape', 'cell.spokenRow',
  'cell.spokenTooLarge', 'cell.nothingToShow',
];

export interface Formatted {
  text: string;
  tex: string;
  spoken: string;
}

/** Matrices larger than this are shown by their top-left corner with ellipses. */
export const SHOWN_ROWS = 10;
export const SHOWN_COLS = 10;
/** Exact integers longer than this are shortened to their first and last digits. */
const MAX_DIGITS = 40;
/** Significant digits for floating-point numbers: enough to see, few enough to read. */
const FLOAT_DIGITS = 6;

interface FractionLike { isFraction: true; s: bigint; n: bigint; d: bigint }
interface ComplexLike { isComplex: true; re: number; im: number }

const isFraction = (x: any): x is FractionLike => x?.isFraction === true;
const isComplex = (x: any): x is ComplexLike => x?.isComplex === true;
const isMatrix = (x: any): x is { valueOf(): unknown[] } => x?.isMatrix === true;

function digits(n: bigint): string {
  const s = n.toString();
  return s.length <= MAX_DIGITS ? s : `${s.slice(0, 12)}…${s.slice(-6)}`;
}

function digitsTex(n: bigint, words: Lookup): string {
  const s = n.toString();
  return s.length <= MAX_DIGITS ? s : `${s.slice(0, 12)}\\ldots${s.slice(-6)}\\;(\\text{${escapeTex(words('cell.digits', { n: s.length }))}})`;
}

/** A float with FLOAT_DIGITS significant digits, trailing zeros dropped, exponent form when very large or small. */
export function floatText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const size = Math.abs(x);
  if (size >= 1e6 || size < 1e-4) {
    const [mantissa, exponent] = x.toExponential(FLOAT_DIGITS - 1).split('e');
    return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  return trimZeros(x.toPrecision(FLOAT_DIGITS));
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

function floatTex(x: number): string {
  const text = floatText(x);
  if (text === 'NaN') return '\\text{NaN}';
  if (text.endsWith('Infinity')) return text.startsWith('-') ? '-\\infty' : '\\infty';
  const [mantissa, exponent] = text.split('e');
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
}

function scalar(x: unknown, words: Lookup): Formatted {
  const minus = (negative: boolean, s: string) => (negative ? words('cell.spokenMinus', { x: s }) : s);
  if (isFraction(x)) {
    const sign = x.s < 0n ? '-' : '';
    if (x.d === 1n) return { text: sign + digits(x.n), tex: sign + digitsTex(x.n, words), spoken: minus(sign !== '', digits(x.n)) };
    return {
      text: `${sign}${digits(x.n)}/${digits(x.d)}`,
      tex: `${sign}\\frac{${digitsTex(x.n, words)}}{${digitsTex(x.d, words)}}`,
      spoken: minus(sign !== '', words('cell.spokenFraction', { top: digits(x.n), bottom: digits(x.d) })),
    };
  }
  if (typeof x === 'number') {
    const text = floatText(x);
    return { text, tex: floatTex(x), spoken: minus(text.startsWith('-'), text.replace(/^-/, '')) };
  }
  if (isComplex(x)) {
    const re = floatText(x.re);
    const im = floatText(Math.abs(x.im));
    const sign = x.im < 0 ? '-' : '+';
    const imTex = im === '1' ? '' : floatTex(Math.abs(x.im));
    if (x.re === 0) {
      return { text: `${x.im < 0 ? '-' : ''}${im}i`, tex: `${x.im < 0 ? '-' : ''}${imTex}i`, spoken: minus(x.im < 0, `${im} i`) };
    }
    return { text: `${re} ${sign} ${im}i`, tex: `${floatTex(x.re)} ${sign} ${imTex}i`,
      spoken: words(sign === '+' ? 'cell.spokenPlusI' : 'cell.spokenMinusI', { re, im }) };
  }
  // true and false are values a reader types back in: they stay as written.
  if (typeof x === 'boolean') return { text: String(x), tex: `\\text{${x}}`, spoken: String(x) };
  if (x === null || x === undefined) {
    const nothing = words('cell.nothing');
    return { text: 'nothing', tex: `\\text{(${escapeTex(nothing)})}`, spoken: nothing };
  }
  if (typeof x === 'string') {
    const shown = x.length > 60 ? `${x.slice(0, 60)}…` : x;
    return { text: JSON.stringify(shown), tex: `\\texttt{${escapeTex(JSON.stringify(shown))}}`, spoken: words('cell.spokenText', { text: shown }) };
  }
  if (typeof x === 'function') {
    const syntax = String((x as any).syntax ?? words('cell.aFunction'));
    return { text: syntax, tex: `\\text{${escapeTex(syntax)}}`, spoken: words('cell.spokenFunction', { syntax }) };
  }
  const unshowable = words('cell.unshowable');
  return { text: 'a value that cannot be shown', tex: `\\text{(${escapeTex(unshowable)})}`, spoken: unshowable };
}

/** Escapes text for \text{} and \texttt{}: every TeX special character becomes literal. */
export function escapeTex(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}' : `\\${c}`));
}

/** Rows of a matrix or nested array; a vector becomes one row. */
function rowsOf(value: unknown[]): unknown[][] {
  if (value.length === 0) return [];
  return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
}

function matrix(value: unknown[], words: Lookup): Formatted {
  const rows = rowsOf(value);
  const vector = !Array.isArray(value[0]);
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  if (m === 0 || n === 0) return { text: '[]', tex: '\\begin{bmatrix}\\end{bmatrix}', spoken: words('cell.emptyMatrix') };
  if (rows.some((row) => row.some(Array.isArray))) {
    const deep = words('cell.manyDimensions');
    return { text: `an array with ${value.length} entries and more than two dimensions`, tex: `\\text{(${escapeTex(deep)})}`, spoken: deep };
  }
  const cells = rows.slice(0, SHOWN_ROWS).map((row) => row.slice(0, SHOWN_COLS).map((x) => scalar(x, words)));
  const moreRows = m > SHOWN_ROWS;
  const moreCols = n > SHOWN_COLS;
  const texRows = cells.map((row) => row.map((c) => c.tex).concat(moreCols ? ['\\cdots'] : []).join(' & '));
  if (moreRows) texRows.push(Array.from({ length: Math.min(n, SHOWN_COLS) }, () => '\\vdots').concat(moreCols ? ['\\ddots'] : []).join(' & '));
  const tex = `\\begin{bmatrix} ${texRows.join(' \\\\ ')} \\end{bmatrix}`;
  const rowText = (row: Formatted[]) => row.map((c) => c.text).join(', ') + (moreCols ? ', …' : '');
  const text = vector ? `[${rowText(cells[0])}]` : `[${cells.map((row) => `[${rowText(row)}]`).join(', ')}${moreRows ? ', …' : ''}]`;
  const shape = vector ? words('cell.spokenVector', { n: String(n) }) : words('cell.spokenMatrix', { m: String(m), n: String(n) });
  const said = (row: Formatted[]) => row.map((c) => c.spoken).join(', ');
  const spoken = moreRows || moreCols
    ? words('cell.spokenTooLarge', { shape, row: said(cells[0]) })
    : words('cell.spokenShape', { s: shape, e: vector ? said(cells[0])
      : cells.map((row, i) => words('cell.spokenRow', { i: String(i + 1), entries: said(row) })).join('; ') });
  return { text, tex, spoken };
}

/** Any value a cell can produce; `words` in the page's language (English by default). */
export function formatValue(value: unknown, words: Lookup = englishLookup): Formatted {
  if (isMatrix(value)) return matrix(value.valueOf(), words);
  if (Array.isArray(value)) return matrix(value, words);
  return scalar(value, words);
}

/** A value labelled with the name it was given: "A = …". `nameTex` is the name already typeset by mathjs. */
export function labelled(name: string, nameTex: string, value: Formatted): Formatted {
  return { text: `${name} = ${value.text}`, tex: `${nameTex} = ${value.tex}`, spoken: `${name} = ${value.spoken}` };
}

/**
 * Several results (a cell of statements on separate lines or separated by ;), one after another. Each is a
 * TeX group, so a line never breaks inside one, and \allowbreak between them lets a narrow column wrap the
 * row instead of hiding the last result (usually the answer) off to the right.
 */
export function joined(parts: Formatted[], words: Lookup = englishLookup): Formatted {
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return { text: '', tex: '', spoken: words('cell.nothingToShow') };
  return {
    text: parts.map((p) => p.text).join('; '),
    tex: parts.map((p) => `{${p.tex}}`).join(',\\quad\\allowbreak '),
    spoken: parts.map((p) => p.spoken).join('; '),
  };
}
