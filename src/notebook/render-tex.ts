import katex from 'katex';

/**
 * A result's TeX as KaTeX HTML with MathML beside it, so screen readers read the maths. The TeX comes from
 * format.ts (numbers, fractions, matrices, names typeset by mathjs), never straight from what a reader typed,
 * and KaTeX runs with `trust: false`, so commands such as \href or \htmlData are refused: the HTML is safe to
 * insert. Runs in the cell worker and at build time, never on the page's main thread.
 */
export function renderTex(tex: string): string {
  if (tex === '') return '';
  return katex.renderToString(tex, {
    output: 'htmlAndMathml',
    displayMode: true,
    throwOnError: false, // a TeX slip shows as red source text, not as a failed cell
    trust: false,
    strict: 'ignore', // names may be any Unicode letter, which KaTeX would otherwise warn about
    maxSize: 20,
    maxExpand: 200,
  });
}
