import katex from 'katex';

/**
 * A result's TeX as KaTeX HTML with MathML beside it, so screen readers read the maths. The TeX comes from
 * format.ts (numbers, fractions, matrices, names typeset by mathjs), never straight from what a reader typed,
 * and KaTeX runs with `trust: false`, so commands such as \href or \htmlData are refused: the HTML is safe to
 * insert. Runs in the cell worker and at build time, never on the page's main thread.
 */
export function renderTex(tex: string): string {
  if (tex === '') return '';
  // Inline mode in display style: it looks like display maths, but KaTeX may break the line between the
  // results of a several-statement cell (see `joined` in format.ts); display mode never breaks.
  return katex.renderToString(`\\displaystyle ${tex}`, {
    output: 'htmlAndMathml',
    displayMode: false,
    throwOnError: false, // a TeX slip shows as red source text, not as a failed cell
    trust: false,
    strict: 'ignore', // names may be any Unicode letter, which KaTeX would otherwise warn about
    maxSize: 20,
    maxExpand: 200,
  });
}
