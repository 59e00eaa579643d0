import type { ExerciseCatalogue } from '../en';

/** Lesson 5's exercises (05-lora). */
export const lora = {
  'lora-layer-count.title': 'Trainable numbers of one LoRA layer',
  'alpha-r.title': 'Scaling by alpha over r',
  'merge.title': 'Merging B A into W₀',
  'gpt3-memory.title': 'A GPT-3 LoRA checkpoint',
} satisfies Partial<ExerciseCatalogue>;
