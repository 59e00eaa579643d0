import { catalogueTranslator, pseudoCatalogue, type Translator } from '../../i18n/translate';
import { PSEUDO, type WidgetLanguage } from '../../i18n/languages';
import type { ExerciseCatalogue, ExerciseKey } from './en';

export type { ExerciseKey, ExerciseCatalogue } from './en';
/** A lookup in the exercises' catalogue, as the widgets' Translate is in theirs. */
export type ExerciseTranslate = Translator<ExerciseKey>;

/** An exercise's title and a lesson's name: keys built from ids the catalogue (../catalogue.ts) lists. */
export const exerciseTitle = (t: ExerciseTranslate, id: string): string => t(`${id}.title` as ExerciseKey);
export const lessonName = (t: ExerciseTranslate, lesson: string): string => t(`lesson.${lesson}` as ExerciseKey);

/**
 * Each language is a chunk of its own, English included: only a page with exercises (or the progress page)
 * needs any of them, and then one.
 */
const loaders: Record<WidgetLanguage, () => Promise<ExerciseCatalogue>> = {
  en: () => import('./en').then((m) => m.exerciseEn),
  vi: () => import('./vi').then((m) => m.exerciseVi),
  de: () => import('./de').then((m) => m.exerciseDe),
  'zh-CN': () => import('./zh-CN').then((m) => m.exerciseZhCN),
  [PSEUDO]: () => import('./en').then((m) => pseudoCatalogue(m.exerciseEn)),
};
const loading = new Map<WidgetLanguage, Promise<ExerciseTranslate>>();

export function loadExerciseTranslator(lang: WidgetLanguage): Promise<ExerciseTranslate> {
  let promise = loading.get(lang);
  if (!promise) {
    promise = Promise.all([loaders[lang](), import('./en')])
      .then(([catalogue, { exerciseEn }]) => catalogueTranslator(lang, catalogue, exerciseEn));
    loading.set(lang, promise);
  }
  return promise;
}
