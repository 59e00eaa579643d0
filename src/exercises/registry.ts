import { lessonOne } from './rank';
import { lessonTwo } from './factorisation';
import { lessonThree } from './svd';
import { lessonFour } from './fine-tuning';
import { lessonFive } from './lora';
import { lessonSix } from './training';
import { lessonSeven } from './subspace';
import { lessonEight } from './summary';
import type { ExerciseGenerator } from './types';

/** Every exercise's generator by id (catalogue.ts lists them by lesson, with no maths attached). */
export const GENERATORS: Record<string, ExerciseGenerator> = Object.fromEntries(
  [...lessonOne, ...lessonTwo, ...lessonThree, ...lessonFour, ...lessonFive, ...lessonSix, ...lessonSeven, ...lessonEight]
    .map((g) => [g.id, g]),
);
