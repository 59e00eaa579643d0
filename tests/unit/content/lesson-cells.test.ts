import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { Notebook, type CellOutcome } from '../../../src/notebook/notebook';

const DIR = 'content/lessons';

/** The cell sources of one lesson, in page order: `source="…"` or `source={'…'}` with \n escapes. */
function lessonCells(file: string): string[] {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  return [...text.matchAll(/<Cell [^>]*?source=(?:"([^"]*)"|\{'((?:[^'\\]|\\.)*)'\})/g)].map((m) =>
    m[1] ?? m[2].replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
}

const outcomes = new Map<string, CellOutcome[]>();

/** Runs a lesson's cells as its page does at build time (one notebook per page), once per file. */
function runLesson(file: string): CellOutcome[] {
  let lesson = outcomes.get(file);
  if (!lesson) {
    lesson = new Notebook().update(lessonCells(file).map((source, n) => ({ id: `cell-${n + 1}`, source })));
    outcomes.set(file, lesson);
  }
  return lesson;
}

const lessons = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();

describe('the cells in the lessons', () => {
  it('finds every lesson', () => expect(lessons.length).toBeGreaterThanOrEqual(8));

  it.each(lessons)('%s has at least two cells, and each runs without an error', (file) => {
    const outcomes = runLesson(file);
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    for (const o of outcomes) expect(o.error, `${file}: ${o.source}`).toBe('');
  });

  // The lessons' prose states what these cells show; pin the figures so the two cannot drift apart.
  const last = (file: string, n: number) => runLesson(file)[n].text.split('; ').pop();

  it('lesson 2: the worked example has rank-1 error 3 (relative 0.51)', () => {
    expect(runLesson('02-low-rank-factorisation.mdx')[3].text).toBe('M1 = [[2.5, 2.5, 0], [2.5, 2.5, 0]]; error1 = 3; 0.514496');
    expect(last('02-low-rank-factorisation.mdx', 1)).toBe('1');
  });

  it('lesson 3: the Eckart–Young error equals the dropped singular values', () => {
    const [error, dropped] = last('03-svd-compression.mdx', 2)!.slice(1, -1).split(', ');
    expect(error).toBe(dropped);
    expect(last('03-svd-compression.mdx', 1)).toBe('[98, 98]');
  });

  it('lesson 4: the loss of the worked example is 1.42 and the gradients of 1, 2, 3 positions have rank 1, 2, 3', () => {
    expect(last('04-fine-tuning.mdx', 0)).toBe('loss = 1.41703');
    expect(last('04-fine-tuning.mdx', 2)).toBe('1');
    expect(last('04-fine-tuning.mdx', 3)).toBe('2');
    expect(last('04-fine-tuning.mdx', 4)).toBe('3');
  });

  it('lesson 5: bypass and merged agree, GPT-3 at r = 4 trains 9,272 times fewer numbers, 4-bit rounding of four weights', () => {
    expect(last('05-lora.mdx', 1)).toBe('[[10, 10], [11, 11], [15, 15], [1, 1]]');
    expect(last('05-lora.mdx', 3)).toBe('[1536, 18874368, 9272]');
    expect(runLesson('05-lora.mdx')[4].text).toContain('q = [6, -3, 0, -7]');
    expect(last('05-lora.mdx', 4)).toBe('[[0.754286, -0.377143, 0, -0.88], [-0.0442857, 0.0571429, 0.05, 0]]');
  });

  it('lesson 6: r = 8 on Wq and Wv trains 8,192 numbers, 2% of the model', () => {
    expect(last('06-train-lora.mdx', 1)).toBe('[8192, 2.01752]');
    expect(last('06-train-lora.mdx', 3)).toBe('[4096, 4096, 4096]');
  });

  it('lesson 7: phi examples, the 0.045 chance average and the planted amplification of 8', () => {
    expect(last('07-why-low-rank.mdx', 0)).toBe('[1, 1, 0]');
    expect(last('07-why-low-rank.mdx', 1)).toBe('0.0454102');
    expect(last('07-why-low-rank.mdx', 2)).toBe('[8, 10]');
  });
});
