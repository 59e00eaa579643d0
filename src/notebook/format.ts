/**
 * A cell's value as TeX (for KaTeX), as compact text (what `el.state.result` holds and what a reader could
 * type back in) and as words for screen readers. Values are recognised by shape (mathjs marks its types with
 * flags such as `isFraction`), so this module needs no mathjs instance.
 */
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

function digitsTex(n: bigint): string {
  const s = n.toString();
  return s.length <= MAX_DIGITS ? s : `${s.slice(0, 12)}\\ldots${s.slice(-6)}\\;(${s.length}\\text{ digits})`;
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

function scalar(x: unknown): Formatted {
  if (isFraction(x)) {
    const sign = x.s < 0n ? '-' : '';
    if (x.d === 1n) return { text: sign + digits(x.n), tex: sign + digitsTex(x.n), spoken: (sign ? 'minus ' : '') + digits(x.n) };
    return {
      text: `${sign}${digits(x.n)}/${digits(x.d)}`,
      tex: `${sign}\\frac{${digitsTex(x.n)}}{${digitsTex(x.d)}}`,
      spoken: `${sign ? 'minus ' : ''}${digits(x.n)} over ${digits(x.d)}`,
    };
  }
  if (typeof x === 'number') {
    const text = floatText(x);
    return { text, tex: floatTex(x), spoken: text.startsWith('-') ? `minus ${text.slice(1)}` : text };
  }
  if (isComplex(x)) {
    const re = floatText(x.re);
    const im = floatText(Math.abs(x.im));
    const sign = x.im < 0 ? '-' : '+';
    const imTex = im === '1' ? '' : floatTex(Math.abs(x.im));
    if (x.re === 0) {
      return { text: `${x.im < 0 ? '-' : ''}${im}i`, tex: `${x.im < 0 ? '-' : ''}${imTex}i`, spoken: `${x.im < 0 ? 'minus ' : ''}${im} i` };
    }
    return { text: `${re} ${sign} ${im}i`, tex: `${floatTex(x.re)} ${sign} ${imTex}i`, spoken: `${re} ${sign === '+' ? 'plus' : 'minus'} ${im} i` };
  }
  if (typeof x === 'boolean') return { text: String(x), tex: `\\text{${x}}`, spoken: String(x) };
  if (x === null || x === undefined) return { text: 'nothing', tex: '\\text{(nothing)}', spoken: 'nothing' };
  if (typeof x === 'string') {
    const shown = x.length > 60 ? `${x.slice(0, 60)}…` : x;
    return { text: JSON.stringify(shown), tex: `\\texttt{${escapeTex(JSON.stringify(shown))}}`, spoken: `the text ${shown}` };
  }
  if (typeof x === 'function') {
    const syntax = (x as any).syntax ?? 'a function';
    return { text: String(syntax), tex: `\\text{${escapeTex(String(syntax))}}`, spoken: `the function ${syntax}` };
  }
  return { text: 'a value that cannot be shown', tex: '\\text{(a value that cannot be shown)}', spoken: 'a value that cannot be shown' };
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

function matrix(value: unknown[]): Formatted {
  const rows = rowsOf(value);
  const vector = !Array.isArray(value[0]);
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  if (m === 0 || n === 0) return { text: '[]', tex: '\\begin{bmatrix}\\end{bmatrix}', spoken: 'an empty matrix' };
  if (rows.some((row) => row.some(Array.isArray))) {
    return { text: `an array with ${value.length} entries and more than two dimensions`, tex: '\\text{(an array of more than two dimensions)}', spoken: 'an array of more than two dimensions' };
  }
  const cells = rows.slice(0, SHOWN_ROWS).map((row) => row.slice(0, SHOWN_COLS).map(scalar));
  const moreRows = m > SHOWN_ROWS;
  const moreCols = n > SHOWN_COLS;
  const texRows = cells.map((row) => row.map((c) => c.tex).concat(moreCols ? ['\\cdots'] : []).join(' & '));
  if (moreRows) texRows.push(Array.from({ length: Math.min(n, SHOWN_COLS) }, () => '\\vdots').concat(moreCols ? ['\\ddots'] : []).join(' & '));
  const tex = `\\begin{bmatrix} ${texRows.join(' \\\\ ')} \\end{bmatrix}`;
  const rowText = (row: Formatted[]) => row.map((c) => c.text).join(', ') + (moreCols ? ', …' : '');
  const text = vector ? `[${rowText(cells[0])}]` : `[${cells.map((row) => `[${rowText(row)}]`).join(', ')}${moreRows ? ', …' : ''}]`;
  const shape = vector ? `vector of ${n}` : `${m} by ${n} matrix`;
  const spoken = moreRows || moreCols
    ? `${shape}, too large to read out; first row: ${cells[0].map((c) => c.spoken).join(', ')}`
    : vector ? `${shape}: ${cells[0].map((c) => c.spoken).join(', ')}`
      : `${shape}: ${cells.map((row, i) => `row ${i + 1}: ${row.map((c) => c.spoken).join(', ')}`).join('; ')}`;
  return { text, tex, spoken };
}

/** Any value a cell can produce. */
export function formatValue(value: unknown): Formatted {
  if (isMatrix(value)) return matrix(value.valueOf());
  if (Array.isArray(value)) return matrix(value);
  return scalar(value);
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
export function joined(parts: Formatted[]): Formatted {
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return { text: '', tex: '', spoken: 'done, nothing to show' };
  return {
    text: parts.map((p) => p.text).join('; '),
    tex: parts.map((p) => `{${p.tex}}`).join(',\\quad\\allowbreak '),
    spoken: parts.map((p) => p.spoken).join('; '),
  };
}
