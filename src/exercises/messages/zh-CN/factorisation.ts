import type { ExerciseCatalogue } from '../en';

/** Lesson 2's exercises (02-low-rank-factorisation). */
export const factorisation = {
  'storage-count.title': 'Numbers stored in factored form',
  'rank-one-factor.title': 'A rank-1 matrix as a column times a row',
  'column-row.title': 'M = C R: find R',
  'break-even.title': 'When factoring stops saving',
} satisfies Partial<ExerciseCatalogue>;
