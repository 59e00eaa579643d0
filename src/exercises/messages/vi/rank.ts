import type { ExerciseCatalogue } from '../en';

/** Lesson 1's exercises (01-rank). */
export const rank = {
  'max-rank.title': 'The largest possible rank',
  'rank-of-matrix.title': 'The rank of a matrix',
  'rref.title': 'Reduced row echelon form',
  'missing-entry.title': 'A missing entry that makes rank 1',
} satisfies Partial<ExerciseCatalogue>;
