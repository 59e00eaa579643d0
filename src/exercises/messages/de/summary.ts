import type { ExerciseCatalogue } from '../en';

/** Lesson 8's exercises (08-summary). */
export const summary = {
  'rank-of-ba.title': 'The rank of B A',
  'gpt3-ratio.title': 'How many times fewer numbers',
  'rank-for-budget.title': 'The largest rank a budget allows',
  'lora-not-compression.title': 'LoRA is not compression',
} satisfies Partial<ExerciseCatalogue>;
