import type { ExerciseCatalogue } from '../en';

/** Lesson 7's exercises (07-why-low-rank). */
export const subspace = {
  'phi-rank-one.title': 'φ for two rank-1 adapters',
  'phi-random.title': 'φ for random subspaces',
  'amplification.title': 'The amplification factor',
  'choose-r.title': 'Choosing r from a rank sweep',
  'sweep-cell.title': 'The cheapest cell under a loss',
} satisfies Partial<ExerciseCatalogue>;
