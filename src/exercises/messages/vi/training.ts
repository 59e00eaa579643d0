import type { ExerciseCatalogue } from '../en';

/** Lesson 6's exercises (06-train-lora). */
export const training = {
  'tiny-trainable.title': 'Trainable numbers in the tiny model',
  'trainable-share.title': 'Share of the model that trains',
  'same-budget.title': 'Same budget, different matrices',
  'trainer-budget.title': 'A small budget that still learns',
} satisfies Partial<ExerciseCatalogue>;
