/**
 * Every exercise, by lesson, as light metadata (no maths): the lesson's "Check yourself" section, progress
 * badges, the progress page, the embed page and the SCORM packages all read this list. The generators live in
 * one module per topic (registry.ts joins them); titles are messages (`<id>.title`, ./messages).
 */
export type ExerciseLevel = 'recall' | 'apply' | 'transfer';

export interface ExerciseEntry {
  id: string;
  lesson: string;
  kind: 'number' | 'fraction' | 'matrix' | 'choice' | 'widget';
  level: ExerciseLevel;
  /** A widget task: the widget (catalogue name) that must be on the same page. */
  widget?: string;
  /** Shipped data the generator reads (passed in by the page at build time). */
  needs?: 'sweep';
}

/** The lessons with exercises, by content slug; their names are messages (`lesson.<slug>`, ./messages). */
export const LESSONS = ['01-rank', '02-low-rank-factorisation', '03-svd-compression', '04-fine-tuning', '05-lora',
  '06-train-lora', '07-why-low-rank', '08-summary'] as const;
export const isLesson = (slug: string): boolean => (LESSONS as readonly string[]).includes(slug);

const e = (lesson: string, id: string, kind: ExerciseEntry['kind'], level: ExerciseLevel,
  extra: Partial<ExerciseEntry> = {}): ExerciseEntry => ({ id, lesson, kind, level, ...extra });

export const EXERCISES: ExerciseEntry[] = [
  e('01-rank', 'max-rank', 'choice', 'recall'),
  e('01-rank', 'rank-of-matrix', 'number', 'apply'),
  e('01-rank', 'rref', 'matrix', 'apply'),
  e('01-rank', 'missing-entry', 'fraction', 'transfer'),
  e('02-low-rank-factorisation', 'storage-count', 'number', 'recall'),
  e('02-low-rank-factorisation', 'rank-one-factor', 'matrix', 'apply'),
  e('02-low-rank-factorisation', 'column-row', 'matrix', 'apply'),
  e('02-low-rank-factorisation', 'break-even', 'number', 'transfer'),
  e('03-svd-compression', 'eckart-young', 'number', 'recall'),
  e('03-svd-compression', 'energy-kept', 'number', 'apply'),
  e('03-svd-compression', 'psnr', 'number', 'apply'),
  e('03-svd-compression', 'svd-storage', 'number', 'apply'),
  e('03-svd-compression', 'psnr-cat', 'widget', 'transfer', { widget: 'svd-compressor' }),
  e('04-fine-tuning', 'delta-w', 'matrix', 'recall'),
  e('04-fine-tuning', 'delta-w-rank', 'number', 'apply'),
  e('04-fine-tuning', 'full-count', 'number', 'apply'),
  e('04-fine-tuning', 'adam-memory', 'number', 'transfer'),
  e('05-lora', 'lora-layer-count', 'number', 'recall'),
  e('05-lora', 'alpha-r', 'fraction', 'apply'),
  e('05-lora', 'merge', 'matrix', 'apply'),
  e('05-lora', 'gpt3-memory', 'number', 'transfer'),
  e('06-train-lora', 'tiny-trainable', 'number', 'recall'),
  e('06-train-lora', 'trainable-share', 'number', 'apply', { needs: 'sweep' }),
  e('06-train-lora', 'same-budget', 'choice', 'apply', { needs: 'sweep' }),
  e('06-train-lora', 'trainer-budget', 'widget', 'transfer', { widget: 'lora-trainer', needs: 'sweep' }),
  e('07-why-low-rank', 'phi-rank-one', 'number', 'apply'),
  e('07-why-low-rank', 'phi-random', 'fraction', 'recall'),
  e('07-why-low-rank', 'amplification', 'number', 'apply'),
  e('07-why-low-rank', 'choose-r', 'number', 'transfer', { needs: 'sweep' }),
  e('07-why-low-rank', 'sweep-cell', 'widget', 'transfer', { widget: 'rank-sweep', needs: 'sweep' }),
  e('08-summary', 'rank-of-ba', 'choice', 'recall'),
  e('08-summary', 'gpt3-ratio', 'number', 'apply'),
  e('08-summary', 'rank-for-budget', 'number', 'apply'),
  e('08-summary', 'lora-not-compression', 'choice', 'transfer'),
];

export const exerciseEntry = (id: string): ExerciseEntry | undefined => EXERCISES.find((x) => x.id === id);
export const lessonExercises = (lesson: string): ExerciseEntry[] => EXERCISES.filter((x) => x.lesson === lesson);
