import type { ExerciseCatalogue } from '../en';

/** Names shared by every lesson's exercises (the lessons as the progress page lists them), and shared words. */
export const common = {
  'lesson.01-rank': 'Rang',
  'lesson.02-low-rank-factorisation': 'Niedrigrangige Faktorisierung',
  'lesson.03-svd-compression': 'SVD und Bildkompression',
  'lesson.04-fine-tuning': 'Feinabstimmung und ΔW',
  'lesson.05-lora': 'LoRA: ein ΔW von niedrigem Rang',
  'lesson.06-train-lora': 'Einen LoRA-Adapter im Browser trainieren',
  'lesson.07-why-low-rank': 'Warum reicht ein niedriger Rang?',
  'lesson.08-summary': 'Zusammenfassung',
  'common.swapRows': 'R{a} und R{b} vertauschen',
} satisfies Partial<ExerciseCatalogue>;
