/**
 * Every exercise, by lesson, as light metadata (no maths): the lesson's "Check yourself" section, progress
 * badges, the progress page, the embed page and the SCORM packages all read this list. The generators live in
 * one module per topic (registry.ts joins them).
 */
export type ExerciseLevel = 'recall' | 'apply' | 'transfer';

export interface ExerciseEntry {
  id: string;
  lesson: string;
  title: string;
  kind: 'number' | 'fraction' | 'matrix' | 'choice' | 'widget';
  level: ExerciseLevel;
  /** A widget task: the widget (catalogue name) that must be on the same page. */
  widget?: string;
  /** Shipped data the generator reads (passed in by the page at build time). */
  needs?: 'sweep';
}

export const LESSONS: Record<string, string> = {
  '01-rank': 'Rank',
  '02-low-rank-factorisation': 'Low-rank factorisation',
  '03-svd-compression': 'SVD and image compression',
  '04-fine-tuning': 'Fine-tuning and ΔW',
  '05-lora': 'LoRA: a low-rank ΔW',
  '06-train-lora': 'Train a LoRA in your browser',
  '07-why-low-rank': 'Why does a low rank suffice?',
  '08-summary': 'Summary',
};

const e = (lesson: string, id: string, title: string, kind: ExerciseEntry['kind'], level: ExerciseLevel,
  extra: Partial<ExerciseEntry> = {}): ExerciseEntry => ({ id, lesson, title, kind, level, ...extra });

export const EXERCISES: ExerciseEntry[] = [
  e('01-rank', 'max-rank', 'The largest possible rank', 'choice', 'recall'),
  e('01-rank', 'rank-of-matrix', 'The rank of a matrix', 'number', 'apply'),
  e('01-rank', 'rref', 'Reduced row echelon form', 'matrix', 'apply'),
  e('01-rank', 'missing-entry', 'A missing entry that makes rank 1', 'fraction', 'transfer'),
  e('02-low-rank-factorisation', 'storage-count', 'Numbers stored in factored form', 'number', 'recall'),
  e('02-low-rank-factorisation', 'rank-one-factor', 'A rank-1 matrix as a column times a row', 'matrix', 'apply'),
  e('02-low-rank-factorisation', 'column-row', 'M = C R: find R', 'matrix', 'apply'),
  e('02-low-rank-factorisation', 'break-even', 'When factoring stops saving', 'number', 'transfer'),
  e('03-svd-compression', 'eckart-young', 'Eckart–Young: the error of the best rank-k approximation', 'number', 'recall'),
  e('03-svd-compression', 'energy-kept', 'Energy kept by k layers', 'number', 'apply'),
  e('03-svd-compression', 'psnr', 'PSNR of a rank-k image', 'number', 'apply'),
  e('03-svd-compression', 'svd-storage', 'Numbers stored for k layers of an image', 'number', 'apply'),
  e('03-svd-compression', 'psnr-cat', 'The smallest k for 30 dB on the cat', 'widget', 'transfer', { widget: 'svd-compressor' }),
  e('04-fine-tuning', 'delta-w', 'The update ΔW', 'matrix', 'recall'),
  e('04-fine-tuning', 'delta-w-rank', 'The rank of an update', 'number', 'apply'),
  e('04-fine-tuning', 'full-count', 'What full fine-tuning trains', 'number', 'apply'),
  e('04-fine-tuning', 'adam-memory', 'Adam’s memory for full fine-tuning', 'number', 'transfer'),
  e('05-lora', 'lora-layer-count', 'Trainable numbers of one LoRA layer', 'number', 'recall'),
  e('05-lora', 'alpha-r', 'Scaling by alpha over r', 'fraction', 'apply'),
  e('05-lora', 'merge', 'Merging B A into W₀', 'matrix', 'apply'),
  e('05-lora', 'gpt3-memory', 'A GPT-3 LoRA checkpoint', 'number', 'transfer'),
  e('06-train-lora', 'tiny-trainable', 'Trainable numbers in the tiny model', 'number', 'recall'),
  e('06-train-lora', 'trainable-share', 'Share of the model that trains', 'number', 'apply', { needs: 'sweep' }),
  e('06-train-lora', 'same-budget', 'Same budget, different matrices', 'choice', 'apply', { needs: 'sweep' }),
  e('06-train-lora', 'trainer-budget', 'A small budget that still learns', 'widget', 'transfer', { widget: 'lora-trainer', needs: 'sweep' }),
  e('07-why-low-rank', 'phi-rank-one', 'φ for two rank-1 adapters', 'number', 'apply'),
  e('07-why-low-rank', 'phi-random', 'φ for random subspaces', 'fraction', 'recall'),
  e('07-why-low-rank', 'amplification', 'The amplification factor', 'number', 'apply'),
  e('07-why-low-rank', 'choose-r', 'Choosing r from a rank sweep', 'number', 'transfer', { needs: 'sweep' }),
  e('07-why-low-rank', 'sweep-cell', 'The cheapest cell under a loss', 'widget', 'transfer', { widget: 'rank-sweep', needs: 'sweep' }),
  e('08-summary', 'rank-of-ba', 'The rank of B A', 'choice', 'recall'),
  e('08-summary', 'gpt3-ratio', 'How many times fewer numbers', 'number', 'apply'),
  e('08-summary', 'rank-for-budget', 'The largest rank a budget allows', 'number', 'apply'),
  e('08-summary', 'lora-not-compression', 'LoRA is not compression', 'choice', 'transfer'),
];

export const exerciseEntry = (id: string): ExerciseEntry | undefined => EXERCISES.find((x) => x.id === id);
export const lessonExercises = (lesson: string): ExerciseEntry[] => EXERCISES.filter((x) => x.lesson === lesson);
