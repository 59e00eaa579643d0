/**
 * After `astro build`: one SCORM 1.2 package per lesson, dist/scorm/NN-slug.zip, holding imsmanifest.xml and a
 * static launch page with the lesson's exercises (widget tasks need their widget and stay in the lesson). The
 * page's script is one classic script, so the package also works opened as plain files.
 *   npx tsx scripts/scorm.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { exerciseEnglish } from '../src/exercises/messages/every-language';
import { exerciseTitle, lessonName } from '../src/exercises/messages/translate';
import { LESSONS, lessonExercises } from '../src/exercises/catalogue';
import { sweepData } from '../src/exercises/sweep-data';
import { scormManifest } from './scorm/manifest';
import { zip } from './scorm/zip';

const OUT = 'dist/scorm';
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_CSS = `body{margin:0;font-family:system-ui,sans-serif;background:var(--rb-bg);color:var(--rb-text);line-height:1.5}
main{max-width:46rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem}a{color:var(--rb-accent)}`;

export async function launchScript(): Promise<string> {
  const result = await build({
    entryPoints: ['src/widgets/exercise/scorm-launch.ts'],
    bundle: true, format: 'iife', target: 'es2020', minify: true, write: false, logLevel: 'warning',
    define: { 'import.meta.env': '{}' },
  });
  return result.outputFiles[0].text;
}

export function launchPage(lesson: string, title: string, data: string): string {
  const exercises = lessonExercises(lesson).filter((x) => x.kind !== 'widget');
  const sections = exercises.map((x) => `<section class="rb-frame rb-exercise-frame" aria-labelledby="t-${x.id}">
<h2 class="rb-exercise-heading" id="t-${x.id}">${escapeHtml(exerciseTitle(exerciseEnglish, x.id))}</h2>
<rankbook-exercise exercise="${x.id}">${x.needs ? `<script type="application/json" data-exercise-data>${data}</script>` : ''}<p class="rb-note">Loading the exercise…</p></rankbook-exercise>
</section>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="rankbook.css">
<style>${PAGE_CSS}</style>
</head>
<body data-lesson="${lesson}">
<main>
<h1>${escapeHtml(title)}</h1>
<p class="rb-note" data-scorm-note role="status">Connecting to your course…</p>
${sections}
</main>
<script src="exercises.js"></script>
</body>
</html>
`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const script = Buffer.from(await launchScript());
  const css = readFileSync('src/styles/rankbook.css');
  const data = JSON.stringify({ sweep: sweepData(JSON.parse(readFileSync('public/models/adapters/index.json', 'utf8'))) }).replace(/</g, '\\u003c');
  for (const lesson of LESSONS) {
    const name = lessonName(exerciseEnglish, lesson);
    const title = `Rankbook, lesson ${Number(lesson.slice(0, 2))}: ${name} (exercises)`;
    const files = { 'index.html': Buffer.from(launchPage(lesson, title, data)), 'exercises.js': script, 'rankbook.css': css };
    const manifest = scormManifest({ identifier: `rankbook-${lesson}`, title, launch: 'index.html', files: Object.keys(files), masteryScore: 80 });
    const archive = zip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest) },
      ...Object.entries(files).map(([name, bytes]) => ({ name, data: bytes }))]);
    writeFileSync(`${OUT}/${lesson}.zip`, archive);
  }
  console.log(`SCORM 1.2 packages: ${LESSONS.length} lessons in ${OUT}/`);
}

if (process.argv[1]?.endsWith('scorm.ts')) await main();
