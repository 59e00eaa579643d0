import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { lessonExercises, LESSONS } from '../../src/exercises/catalogue';
import { readZip } from '../unit/exercises/read-zip';
import { find, parseXml } from '../unit/exercises/xml';

// Checks over every file the build wrote: what no page may say, whichever page it is on.
function builtFiles(dir = 'dist', extensions = ['.html', '.js', '.css', '.json', '.xml', '.txt']): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === 'models' ? [] : builtFiles(path, extensions);
    return extensions.includes(extname(name)) ? [path] : [];
  });
}
const html = builtFiles('dist', ['.html']);
const offending = (files: string[], pattern: RegExp) => files.flatMap((file) => {
  const match = pattern.exec(readFileSync(file, 'utf8'));
  return match ? [`${file}: …${match[0]}…`] : [];
});

describe('the built site', () => {
  it('has pages to check', () => {
    expect(html.length).toBeGreaterThan(10);
  });

  it('never names the placeholder address rankbook.example (snippets carry the real one)', () => {
    expect(offending(builtFiles(), /.{0,40}rankbook\.example.{0,20}/)).toEqual([]);
  });

  it('has no opening quote right after inline math or any other closing tag ("W‘s")', () => {
    expect(offending(html, /.{0,60}<\/(span|code|em|strong|a)>[‘“].{0,20}/)).toEqual([]);
  });

  it('shows no TeX-style subscript as text in a table ("‖ΔW‖_F")', () => {
    expect(offending(html, /.{0,30}‖_[A-Za-z0-9].{0,20}/)).toEqual([]);
  });

  it('preloads on every lesson page the two KaTeX fonts the stylesheet names (so maths lays out once), and on no other page', () => {
    const css = builtFiles('dist/_astro', ['.css']).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const file of html) {
      const fonts = [...readFileSync(file, 'utf8').matchAll(/<link rel="preload" href="\/_astro\/([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((m) => m[1]);
      if (!/^dist\/([a-z-]+\/)?lessons\//.test(file)) {
        expect(fonts, file).toEqual([]);
        continue;
      }
      expect(fonts.map((name) => name.replace(/\..*/, '')), file).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
      for (const name of fonts) expect(css, `${file}: ${name} is the stylesheet's own file`).toContain(`/_astro/${name}`);
    }
  });

  it('gives lessons 3 to 8 each at least two notebook cells, every one with its result computed at build time', () => {
    for (const lesson of ['03-svd-compression', '04-fine-tuning', '05-lora', '06-train-lora', '07-why-low-rank', '08-summary']) {
      const page = readFileSync(`dist/lessons/${lesson}/index.html`, 'utf8');
      const cells = [...page.matchAll(/<rankbook-cell\b[^>]*>/g)].map((m) => m[0]);
      expect(cells.length, lesson).toBeGreaterThanOrEqual(2);
      expect(cells.filter((cell) => !/data-outcome="[^"]*&#34;text&#34;:&#34;[^&]/.test(cell)), lesson).toEqual([]);
    }
  });

  it('SCORM packages hold the manifest, the launch page and every file it names', () => {
    for (const lesson of LESSONS) {
      const files = readZip(readFileSync(`dist/scorm/${lesson}.zip`));
      const manifest = parseXml(files.get('imsmanifest.xml')!.toString('utf8'));
      for (const f of find(manifest, 'file')) expect(files.has(f.attributes.href), f.attributes.href).toBe(true);
      const page = files.get('index.html')!.toString('utf8');
      for (const x of lessonExercises(lesson).filter((e) => e.kind !== 'widget')) expect(page).toContain(`exercise="${x.id}"`);
    }
  });
});
