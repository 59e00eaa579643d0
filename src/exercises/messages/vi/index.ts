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

/** The exercises' messages in Tiếng Việt. */
export const exerciseVi: ExerciseCatalogue = { ...common, ...rank, ...factorisation, ...svd, ...fineTuning, ...lora, ...training, ...subspace, ...summary };
