import type Fraction from 'fraction.js';
import type { FractionMatrix } from '../linalg/fraction-matrix';
import type { Translate } from '../i18n/translate';
import { answerProblemText, parseMatrixAnswer, parseNumberAnswer } from './answer-parsing';
import type { Variant, Verdict } from './types';

/** The reader's answer: text typed in a field, or the index of the option chosen. */
export type Response = { text: string } | { choice: number };

const right = (message: string): Verdict => ({ status: 'right', message });
const wrong = (message: string): Verdict => ({ status: 'wrong', message });
const invalid = (message: string): Verdict => ({ status: 'invalid', message });

/**
 * Checks a typed or chosen answer against a variant's computed one. Widget tasks go through checkState. The
 * generic words come from the widgets' catalogue (`t`); what a variant says (diagnose, explanations) from its own.
 */
export function checkResponse(variant: Variant, response: Response, t: Translate): Verdict {
  const expected = variant.expected;
  const otherwise = () => t('exercise.notThisOne');
  switch (expected.kind) {
    case 'choice': {
      if (!('choice' in response)) return invalid(t('exercise.chooseOption'));
      const option = expected.options[response.choice];
      if (!option) return invalid(t('exercise.chooseOption'));
      return response.choice === expected.correct ? right(option.explanation) : wrong(option.explanation);
    }
    case 'number': {
      if (!('text' in response)) return invalid(t('exercise.typeNumber'));
      const read = parseNumberAnswer(response.text, { unit: expected.unit, lang: t.lang });
      if (!read.ok) return invalid(answerProblemText(read, t));
      const x = read.value.valueOf();
      if (Math.abs(x - expected.value) <= expected.tolerance) return right(t('exercise.right'));
      return wrong(variant.diagnose?.(x) ?? otherwise());
    }
    case 'fraction': {
      if (!('text' in response)) return invalid(t('exercise.typeFraction'));
      const read = parseNumberAnswer(response.text, { grouped: false });
      if (!read.ok) return invalid(answerProblemText(read, t));
      if (read.value.equals(expected.value)) return right(t('exercise.right'));
      if (read.decimals !== null && read.decimals >= 2 && closeDecimal(read.value, expected.value, read.decimals)) {
        return right(t('exercise.rightExactly', { value: expected.value.toFraction() }));
      }
      return wrong(variant.diagnose?.(read.value.valueOf()) ?? otherwise());
    }
    case 'matrix': {
      if (!('text' in response)) return invalid(t('exercise.typeMatrix'));
      const read = parseMatrixAnswer(response.text);
      if (!read.ok) return invalid(answerProblemText(read, t));
      const m = expected.value.length;
      const n = expected.value[0].length;
      if (read.value.length !== m || read.value[0].length !== n) {
        return invalid(t('exercise.matrixSize', { m, n, rows: read.value.length, cols: read.value[0].length }));
      }
      const row = firstWrongRow(read.value, expected.value);
      if (row < 0) return right(t('exercise.right'));
      return wrong(variant.diagnose?.(read.value) ?? t('exercise.firstWrongRow', { row: row + 1 }));
    }
    case 'widget':
      return invalid(t('exercise.checkedFromWidget'));
  }
}

/** A typed decimal counts for a fraction when it is the fraction rounded or cut to the places typed. */
function closeDecimal(typed: Fraction, exact: Fraction, decimals: number): boolean {
  return Math.abs(typed.valueOf() - exact.valueOf()) < 10 ** -decimals;
}

export function firstWrongRow(given: FractionMatrix, expected: FractionMatrix): number {
  return expected.findIndex((row, i) => row.some((x, j) => !x.equals(given[i][j])));
}

/**
 * Which term of a count is off: compares the reader's number with the usual slips (a factor left out, a sum
 * for a product), each computed from the variant's own terms.
 */
export function slipMessage(given: number, slips: [value: number, message: string][], tolerance = 0.5): string | null {
  const hit = slips.find(([value]) => Math.abs(given - value) <= Math.max(tolerance, Math.abs(value) * 1e-9));
  return hit ? hit[1] : null;
}
