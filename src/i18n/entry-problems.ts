import type { EntryProblem } from '../linalg/fraction-matrix';
import type { MatrixTextProblem } from '../linalg/matrix-text';
import type { Translate } from './translate';

/**
 * src/linalg's reading problems in the reader's words: a typed entry (rank explorer, rank geometry, exercise
 * answers) and a pasted matrix. src/linalg stays free of catalogues and returns codes; the views say them.
 */
export function entryProblemText(p: EntryProblem, t: Translate): string {
  switch (p.problem) {
    case 'empty': return t('entry.empty');
    case 'notNumber': return t('entry.notNumber', { text: p.text });
    case 'divisionByZero': return t('entry.divisionByZero');
    case 'tooLarge': return t('entry.tooLarge');
    case 'tooSmall': return t('entry.tooSmall');
  }
}

export function matrixTextProblemText(p: MatrixTextProblem, t: Translate): string {
  switch (p.problem) {
    case 'nothingToRead': return t('entry.nothingToRead');
    case 'notJson': return t('entry.notJson');
    case 'notRows': return t('entry.notRows');
    case 'entryType': return t('entry.entryType');
    case 'ragged': return t('entry.ragged');
  }
}
