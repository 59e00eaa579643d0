import { cellError, phrase, type PhraseValue } from './cell-problem';

/**
 * How big a value a cell may build, and how much one run may build in all, checked BEFORE anything is made:
 * a worker that runs out of memory takes the whole tab down in Chrome, so the time limit alone cannot protect
 * the page. Pure: sizes are read from flags and `size()`, never from a mathjs instance.
 */

/** The most entries one matrix may have (a 316 × 316 matrix of fractions is tens of MB). */
export const MAX_ENTRIES = 100_000;
/** The most matrix entries one run of a cell may build, temporaries included (about ten full-size matrices). */
export const MAX_RUN_ENTRIES = 1_000_000;
/** The longest string a cell may build. */
export const MAX_STRING_LENGTH = 10_000;
/** The most bits a numerator or denominator may have (about 2,466 digits, far past anything a lesson prints). */
export const MAX_NUMBER_BITS = 8192;
/** The most bits one run may spend on numbers longer than 256 bits (100 MB), so a matrix of huge numbers is refused. */
export const MAX_RUN_NUMBER_BITS = 800_000_000;
/** A matrix power A^k with k beyond this is refused (entries of exact powers grow without bound). */
export const MAX_MATRIX_POWER = 10_000;
/** Sources longer than this are refused before parsing. */
export const MAX_SOURCE_LENGTH = 4000;

/** A count for a message: a number (each language writes it its own way), or words when it is not finite. */
const count = (n: number): PhraseValue => (Number.isFinite(n) ? n : phrase('cell.uncountable'));

interface SizedLike { isMatrix: true; size(): number[] }
const isMatrix = (x: unknown): x is SizedLike => (x as any)?.isMatrix === true;
const isIndex = (x: unknown): x is { isIndex: true; size(): number[]; max(): unknown[] | null } => (x as any)?.isIndex === true;

/** Entries of a matrix, of a nested array (of numbers or matrices), 1 for a scalar; counted without copying. */
export function entriesOf(x: unknown): number {
  if (isMatrix(x)) return x.size().reduce((a, b) => a * b, 1);
  if (Array.isArray(x)) {
    let total = 0;
    for (const item of x) total += Array.isArray(item) || isMatrix(item) ? entriesOf(item) : 1;
    return total;
  }
  return 1;
}

/** The size of a matrix or nested array (from its first elements); [] for a scalar. */
export function sizeOf(x: unknown): number[] {
  if (isMatrix(x)) return x.size();
  if (Array.isArray(x)) return [x.length, ...(x.length > 0 ? sizeOf(x[0]) : [])];
  return [];
}

/**
 * Entries of an element-wise result, with mathjs's broadcasting (sizes aligned at the end, each dimension the
 * larger); 0 when every argument is a scalar, as scalars are not matrices to count.
 */
export function broadcastEntries(args: unknown[]): number {
  const sizes = args.map(sizeOf).filter((s) => s.length > 0);
  if (sizes.length === 0) return 0;
  const rank = Math.max(...sizes.map((s) => s.length));
  let total = 1;
  for (let d = 0; d < rank; d++) total *= Math.max(...sizes.map((s) => s[s.length - rank + d] ?? 1));
  return total;
}

/** Entries of the product x * y: a scalar factor keeps the other's size; matrices give rows(x) × columns(y). */
export function productEntries(x: unknown, y: unknown): number {
  const [a, b] = [sizeOf(x), sizeOf(y)];
  if (a.length === 0) return b.length === 0 ? 0 : entriesOf(y);
  if (b.length === 0) return entriesOf(x);
  return (a.length === 1 ? 1 : a[0]) * (b.length === 1 ? 1 : b[b.length - 1]);
}

/**
 * What an index A[i, j] can make: the entries it selects, and (for an assignment, which grows A to fit) the
 * entries of the smallest matrix holding its largest position. Both are refused past MAX_ENTRIES.
 */
export function indexEntries(index: unknown): { selected: number; reach: number } {
  if (!isIndex(index)) return { selected: 1, reach: 1 };
  const selected = index.size().reduce((a, b) => a * b, 1);
  // A property name (obj["a"]) has no position; an empty dimension reaches nothing new.
  const reach = (index.max() ?? []).reduce((a: number, b) => a * (typeof b === 'number' ? b + 1 : 1), 1);
  return { selected, reach };
}

/** Refuses a value past the per-value limit. `what` names it: code such as zeros(3, 4), or a phrase. */
export function checkEntries(entries: number, what: PhraseValue): void {
  if (!(entries <= MAX_ENTRIES)) {
    throw cellError('cell.tooManyEntries', { what, count: count(entries), max: MAX_ENTRIES });
  }
}

export function checkStringLength(length: number): void {
  if (!(length <= MAX_STRING_LENGTH)) {
    throw cellError('cell.textTooLong', { length: count(length), max: MAX_STRING_LENGTH });
  }
}

/** What one run of a cell has built so far; each builder charges it before building. */
export class RunBudget {
  private entries = 0;
  private numberBits = 0;

  /** Charges a matrix about to be built: refused past the per-value limit or the run's total. */
  chargeEntries(entries: number, what: PhraseValue): void {
    checkEntries(entries, what);
    if (this.entries + entries > MAX_RUN_ENTRIES) {
      throw cellError('cell.runEntries', { max: MAX_RUN_ENTRIES });
    }
    this.entries += entries;
  }

  /** Charges a long number just built (short ones are free: they are what a cell is made of). */
  chargeNumberBits(bits: number): void {
    this.numberBits += bits;
    if (this.numberBits > MAX_RUN_NUMBER_BITS) {
      throw cellError('cell.runNumbers');
    }
  }
}
