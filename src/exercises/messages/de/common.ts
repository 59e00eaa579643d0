import type { ExerciseCatalogue } from '../en';

/** Names shared by every lesson's exercises: the lessons as the progress page lists them. */
export const common = {
  'lesson.01-rank': 'Rank',
  'lesson.02-low-rank-factorisation': 'Low-rank factorisation',
  'lesson.03-svd-compression': 'SVD and image compression',
  'lesson.04-fine-tuning': 'Fine-tuning and ΔW',
  'lesson.05-lora': 'LoRA: a low-rank ΔW',
  'lesson.06-train-lora': 'Train a LoRA in your browser',
  'lesson.07-why-low-rank': 'Why does a low rank suffice?',
  'lesson.08-summary': 'Summary',
} satisfies Partial<ExerciseCatalogue>;
