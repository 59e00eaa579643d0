import { LESSONS, exerciseEntry, isLesson, lessonExercises } from './catalogue';

/**
 * A reader's attempts and results, kept in localStorage one key a lesson (nothing leaves the browser), and the
 * JSON file a student can export, hand in and import back. Pure apart from the Storage it is given.
 */
export interface ExerciseRecord {
  /** The variant the reader was given: the same question comes back after a reload. */
  seed: number;
  /** Checked answers, right or wrong (unreadable input does not count). */
  attempts: number;
  score: number;
  max: number;
  /** ISO time of the last check. */
  updated: string;
}

export type LessonProgress = Record<string, ExerciseRecord>;

export interface ProgressFile {
  format: 'rankbook-progress';
  version: 1;
  exported: string;
  lessons: Record<string, LessonProgress>;
}

export type ProgressStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const storageKey = (lesson: string) => `rankbook-progress:${lesson}`;
/** Fired on window when a page changes progress, so badges on the same page update. */
export const PROGRESS_EVENT = 'rankbook:progress';

export function readLesson(store: ProgressStore, lesson: string): LessonProgress {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(storageKey(lesson)) ?? '{}');
  } catch {
    return {};
  }
  const checked = checkLesson(lesson, parsed);
  return checked.ok ? checked.progress : {};
}

function writeLesson(store: ProgressStore, lesson: string, progress: LessonProgress): void {
  if (Object.keys(progress).length === 0) store.removeItem(storageKey(lesson));
  else store.setItem(storageKey(lesson), JSON.stringify(progress));
}

/** The seed kept for this exercise, or a fresh one saved for next time. */
export function seedFor(store: ProgressStore, lesson: string, id: string, fresh: () => number): number {
  const progress = readLesson(store, lesson);
  if (progress[id]) return progress[id].seed;
  const seed = fresh();
  writeLesson(store, lesson, { ...progress, [id]: { seed, attempts: 0, score: 0, max: 1, updated: new Date().toISOString() } });
  return seed;
}

/** Records a checked answer; once right, an exercise stays solved for that variant. */
export function recordAttempt(store: ProgressStore, lesson: string, id: string, seed: number, right: boolean, now = new Date()): ExerciseRecord {
  const progress = readLesson(store, lesson);
  const before = progress[id]?.seed === seed ? progress[id] : undefined;
  const record: ExerciseRecord = {
    seed,
    attempts: (before?.attempts ?? 0) + 1,
    score: right || (before?.score ?? 0) >= 1 ? 1 : 0,
    max: 1,
    updated: now.toISOString(),
  };
  writeLesson(store, lesson, { ...progress, [id]: record });
  return record;
}

/** A new variant: its own seed, attempts from zero. */
export function restartExercise(store: ProgressStore, lesson: string, id: string, seed: number): void {
  writeLesson(store, lesson, { ...readLesson(store, lesson), [id]: { seed, attempts: 0, score: 0, max: 1, updated: new Date().toISOString() } });
}

export interface LessonSummary {
  lesson: string;
  total: number;
  solved: number;
  attempted: number;
}

export function summarise(store: ProgressStore, lesson: string): LessonSummary {
  const progress = readLesson(store, lesson);
  const ids = lessonExercises(lesson).map((x) => x.id);
  return {
    lesson,
    total: ids.length,
    solved: ids.filter((id) => (progress[id]?.score ?? 0) >= 1).length,
    attempted: ids.filter((id) => (progress[id]?.attempts ?? 0) > 0).length,
  };
}

export function exportProgress(store: ProgressStore, now = new Date()): ProgressFile {
  const lessons: Record<string, LessonProgress> = {};
  for (const lesson of LESSONS) {
    const progress = readLesson(store, lesson);
    if (Object.keys(progress).length > 0) lessons[lesson] = progress;
  }
  return { format: 'rankbook-progress', version: 1, exported: now.toISOString(), lessons };
}

/** Why a file was refused, as a code with its values: the progress page words it. */
export type ImportProblem =
  | { problem: 'notJson' | 'notProgressFile' | 'noLessons' }
  | { problem: 'version'; version: string }
  | { problem: 'unknownLesson' | 'lessonNotObject'; lesson: string }
  | { problem: 'unknownExercise'; lesson: string; id: string }
  | { problem: 'recordNotObject' | 'badNumbers' | 'badDate'; id: string };

export type ImportResult = { ok: true; file: ProgressFile; exercises: number } | ({ ok: false } & ImportProblem);

/** Checks a file's text in full before anything is written: a bad file changes nothing. */
export function readProgressFile(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (!isObject(parsed) || parsed.format !== 'rankbook-progress') return { ok: false, problem: 'notProgressFile' };
  if (parsed.version !== 1) return { ok: false, problem: 'version', version: String(parsed.version).slice(0, 12) };
  if (!isObject(parsed.lessons)) return { ok: false, problem: 'noLessons' };
  const lessons: Record<string, LessonProgress> = {};
  let exercises = 0;
  for (const [lesson, value] of Object.entries(parsed.lessons)) {
    if (!isLesson(lesson)) return { ok: false, problem: 'unknownLesson', lesson: lesson.slice(0, 40) };
    const checked = checkLesson(lesson, value);
    if (!checked.ok) return checked;
    lessons[lesson] = checked.progress;
    exercises += Object.keys(checked.progress).length;
  }
  return { ok: true, file: { format: 'rankbook-progress', version: 1, exported: String(parsed.exported ?? ''), lessons }, exercises };
}

/** Replaces all progress with a checked file's. */
export function importProgress(store: ProgressStore, file: ProgressFile): void {
  for (const lesson of LESSONS) writeLesson(store, lesson, file.lessons[lesson] ?? {});
}

export function resetProgress(store: ProgressStore): void {
  for (const lesson of LESSONS) store.removeItem(storageKey(lesson));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const whole = (x: unknown, max: number) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;

function checkLesson(lesson: string, value: unknown): { ok: true; progress: LessonProgress } | ({ ok: false } & ImportProblem) {
  if (!isObject(value)) return { ok: false, problem: 'lessonNotObject', lesson };
  const out: LessonProgress = {};
  for (const [id, record] of Object.entries(value)) {
    const entry = exerciseEntry(id);
    if (!entry || entry.lesson !== lesson) return { ok: false, problem: 'unknownExercise', lesson, id: id.slice(0, 40) };
    if (!isObject(record)) return { ok: false, problem: 'recordNotObject', id };
    const { seed, attempts, score, max, updated } = record;
    if (!whole(seed, 2 ** 32) || !whole(attempts, 1e6) || !whole(max, 1) || max !== 1 || !whole(score, 1) || (score === 1 && attempts === 0)) {
      return { ok: false, problem: 'badNumbers', id };
    }
    if (typeof updated !== 'string' || Number.isNaN(Date.parse(updated))) return { ok: false, problem: 'badDate', id };
    out[id] = { seed: seed as number, attempts: attempts as number, score: score as number, max: 1, updated };
  }
  return { ok: true, progress: out };
}
