import type { ExerciseCatalogue } from '../en';

/** Lesson 3's exercises (03-svd-compression). */
export const svd = {
  'eckart-young.title': 'Eckart–Young: the error of the best rank-k approximation',
  'energy-kept.title': 'Energy kept by k layers',
  'psnr.title': 'PSNR of a rank-k image',
  'svd-storage.title': 'Numbers stored for k layers of an image',
  'psnr-cat.title': 'The smallest k for 30 dB on the cat',
} satisfies Partial<ExerciseCatalogue>;
