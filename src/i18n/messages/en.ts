/**
 * English, the reference catalogue: every key here exists in every other language with the same placeholders
 * (tests/unit/i18n). `{name}` is a value; `{n, plural, one {…} other {…}}` picks a form by n (see ../format.ts).
 * Keys are written out in full where used, so a test can find the unused ones.
 */
export const en = {
  // Share / Embed panel under every widget in a lesson.
  'share.summary': 'Share / Embed',
  'share.linkLabel': 'Link to this lesson with the widget as it is now',
  'share.copyLink': 'Copy link',
  'share.snippetLabel': 'Embed code for a course page (the script lets the frame size itself)',
  'share.copySnippet': 'Copy embed code',
  'share.linkCopied': 'Link copied.',
  'share.snippetCopied': 'Embed code copied.',
  'share.linkSelected': 'Link selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'share.snippetSelected': 'Embed code selected: press Ctrl+C (⌘C on a Mac) to copy it.',

  // Rank explorer (lesson 1).
  'rankExplorer.title': 'Rank explorer',
  'rankExplorer.fallback': 'This matrix has rank {rank}. Turn on JavaScript to edit it and step through its row reduction.',
  'rankExplorer.startFrom': 'Start from',
  'rankExplorer.presetExample': 'the 3 × 3 rank-1 example',
  'rankExplorer.presetIdentity': 'the identity',
  'rankExplorer.presetRandom': 'a random matrix of rank k',
  'rankExplorer.load': 'Load',
  'rankExplorer.size': 'Matrix size',
  'rankExplorer.addRow': '+ row',
  'rankExplorer.removeRow': '− row',
  'rankExplorer.addColumn': '+ column',
  'rankExplorer.removeColumn': '− column',
  'rankExplorer.paste': 'Paste a matrix',
  'rankExplorer.pasteLabel': 'Rows on lines, entries separated by spaces or commas (or JSON)',
  'rankExplorer.usePasted': 'Use this matrix',
  'rankExplorer.rebuilt': 'Rebuilt from its pivot columns: M = C R',
  'rankExplorer.cellProblem': 'Row {row}, column {col}: {problem}',
  'rankExplorer.attributeUnusable': 'The matrix given to this widget could not be used.',
  'rankExplorer.previousKept': 'The previous matrix is kept.',
  'rankExplorer.otherCells': '({n, plural, one {# other cell} other {# other cells}} too)',
  'rankExplorer.staleResults': 'Results below are for the last valid matrix.',
  'rankExplorer.noPivots': 'none',
  'rankExplorer.summary': 'Rank {r}. Row reduction leaves {r, plural, one {# non-zero row} other {# non-zero rows}}; pivot columns: {pivots}.',
  'rankExplorer.allZero': 'M is all zeros: rank 0, nothing to store but its shape.',
  'rankExplorer.exact': '✓ C R equals M exactly (checked in fractions).',
  'rankExplorer.notExact': '✗ C R differs from M.',
  'rankExplorer.rankOne': 'Rank 1: M is the outer product u vᵀ of u = ({u}) and vᵀ = ({v}).',
  'rankExplorer.cLabel': 'C, the {r, plural, one {# pivot column} other {# pivot columns}} of M',
  'rankExplorer.rLabel': 'R, the {r, plural, one {# non-zero row} other {# non-zero rows}} of the reduced matrix',
  'rankExplorer.storage': 'Storage: M in full is m·n = {m}·{n} = {full} numbers; as C and R it is r(m + n) = {r}·({m} + {n}) = {factored}',
  'rankExplorer.saving': ' — {percent}% fewer.',
  'rankExplorer.noSaving': ' — no saving at this rank.',
  'rankExplorer.announce': 'Rank {r}. Pivot columns {pivots}.',
  'rankExplorer.numericRank': 'In floating point, as numpy computes them, the singular values are {values}. Rounding leaves tiny non-zero values where exact arithmetic gives 0, so numpy counts a singular value only if it is larger than max(m, n) × machine epsilon × the largest one = {size} × {epsilon} × {top} ≈ {tolerance}. {k, plural, one {# value is} other {# values are}} larger, so the numeric rank is {k}, {agreement}.',
  'rankExplorer.numericAgrees': 'the same as the exact rank',
  'rankExplorer.numericDiffers': 'not the exact rank {r}: the rounding errors of floating point decide it here',
  'rankExplorer.kNotNumber': 'k “{text}” is not a number, so k = {k} is used.',
  'rankExplorer.kTooLarge': 'k = {text}: a {m} × {n} matrix has rank at most {most}, so the random matrix has rank {k}.',
  'rankExplorer.kNegative': 'k = {text}: a rank is never negative, so the random matrix has rank {k}.',
  'rankExplorer.kNotWhole': 'k = {text}: a rank is a whole number, so the random matrix has rank {k}.',

  // Row reduction, step by step (inside the rank explorer).
  'stepper.region': 'Row reduction, step by step',
  'stepper.step': 'Step',
  'stepper.first': '« Start',
  'stepper.previous': '◀ Previous',
  'stepper.next': 'Next ▶',
  'stepper.last': 'End »',
  'stepper.allOperations': 'All row operations',
  'stepper.noOperations': 'None: the matrix is already in reduced row echelon form.',
  'stepper.asEntered': 'The matrix as entered',
  'stepper.swap': 'Swap R{a} and R{b}',
  'stepper.valueText': 'step {step} of {total}: {operation}',
  'stepper.caption': 'Step {step} of {total}: {operation}',
  'stepper.done': ' — reduced row echelon form reached.',
  'stepper.matrixAfter': 'Matrix after step {step}',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
