import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageWeight } from '../../scripts/page-weight';
import { builtPages, withoutLocale } from './site-pages';

const KB = 1024;
// Pages whose widgets train a model load tfjs; every other page must not (issue: tfjs only where training happens).
const TRAINING_PAGES = ['/lessons/06-train-lora/', '/lessons/07-why-low-rank/', '/embed/lora-trainer/',
  '/embed/subspace-overlap/', '/embed/rank-sweep/', '/embed/delta-w/'];
const lessonPages = builtPages().filter((p) => p.startsWith('/lessons/'));

describe('page weight budgets (gzipped, from dist/)', () => {
  it('finds the lessons', () => expect(lessonPages.length).toBeGreaterThan(0));

  for (const page of lessonPages.filter((p) => !TRAINING_PAGES.includes(p))) {
    it(`${page} loads at most 150 KB of JavaScript and no tfjs`, () => {
      const weight = pageWeight('dist', page);
      expect(weight.js).toBeLessThanOrEqual(150 * KB);
      expect(weight.js + weight.lazyJs).toBeLessThanOrEqual(400 * KB);
    });
  }

  it('keeps tfjs out of every chunk a non-training page loads, now or later', () => {
    for (const page of builtPages().filter((p) => !TRAINING_PAGES.includes(withoutLocale(p)))) {
      // tfjs-core registers its IS_BROWSER flag in every build, minified or not.
      const withTfjs = pageWeight('dist', page).files.filter((f) => readFileSync(f, 'utf8').includes('IS_BROWSER'));
      expect(withTfjs, page).toEqual([]);
    }
  });
});
