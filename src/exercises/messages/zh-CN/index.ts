import type { ExerciseCatalogue } from '../en';
import { common } from './common';
import { rank } from './rank';
import { factorisation } from './factorisation';
import { svd } from './svd';
import { fineTuning } from './fine-tuning';
import { lora } from './lora';
import { training } from './training';
import { subspace } from './subspace';
import { summary } from './summary';

/** The exercises' messages in 简体中文. */
export const exerciseZhCN: ExerciseCatalogue = { ...common, ...rank, ...factorisation, ...svd, ...fineTuning, ...lora, ...training, ...subspace, ...summary };
