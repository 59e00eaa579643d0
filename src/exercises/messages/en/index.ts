import { common } from './common';
import { rank } from './rank';
import { factorisation } from './factorisation';
import { svd } from './svd';
import { fineTuning } from './fine-tuning';
import { lora } from './lora';
import { training } from './training';
import { subspace } from './subspace';
import { summary } from './summary';

/**
 * The exercises' messages in English, the reference: every key exists in every other language with the same
 * placeholders (tests/unit/exercises/messages.test.ts). One file per lesson's topic, as the generators are split.
 * Keys are `<exercise id>.<part>`, written out in full where used.
 */
export const exerciseEn = { ...common, ...rank, ...factorisation, ...svd, ...fineTuning, ...lora, ...training, ...subspace, ...summary };

export type ExerciseKey = keyof typeof exerciseEn;
export type ExerciseCatalogue = Record<ExerciseKey, string>;
