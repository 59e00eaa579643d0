/**
 * Every language's exercise messages at once, for build time (Astro components, the SCORM script) and tests:
 * the browser loads one language through ./translate.ts instead.
 */
import { catalogueTranslator } from '../../i18n/translate';
import type { Language } from '../../i18n/languages';
import { exerciseEn, type ExerciseCatalogue } from './en';
import { exerciseVi } from './vi';
import { exerciseDe } from './de';
import { exerciseZhCN } from './zh-CN';
import type { ExerciseTranslate } from './translate';

export const EXERCISE_CATALOGUES: Record<Language, ExerciseCatalogue> = { en: exerciseEn, vi: exerciseVi, de: exerciseDe, 'zh-CN': exerciseZhCN };

export const exerciseTranslatorFor = (lang: Language): ExerciseTranslate => catalogueTranslator(lang, EXERCISE_CATALOGUES[lang], exerciseEn);
export const exerciseEnglish: ExerciseTranslate = exerciseTranslatorFor('en');
