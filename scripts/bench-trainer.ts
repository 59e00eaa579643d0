/**
 * npm run bench:trainer [-- --steps 60 --dist dist]
 *
 * The LoRA trainer on each backend, as a reader meets it: headless Chromium (/usr/bin/chromium or
 * CHROMIUM_PATH) opens the trainer's embed page with backend=auto, webgl, wasm and cpu in turn, and the script
 * prints the time until it is ready (tfjs loaded, the base model's samples drawn), the backend auto chose and
 * why, and the steps per second of a LoRA run of the shipped recipe (batch 64, r = 8 on Wq and Wv), as the
 * widget measures them (training time only) and by the wall clock (sample redraws included). One page at a
 * time, so the backends share the machine alike. Run `npm run build` first.
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { startPreview } from '../tests/e2e/preview-server';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const steps = Number(option('steps', '60'));
const TAG = 'rankbook-lora-trainer';

interface TrainerRun { backend: string; notice: string; ready: number; stepsPerSecond: number; wallStepsPerSecond: number }

const until = (page: Page, test: string, timeout = 300_000) =>
  page.waitForFunction(`(() => { const s = document.querySelector('${TAG}').state; return ${test}; })()`, null, { timeout, polling: 100 });

async function oneBackend(page: Page, url: string, choice: string): Promise<TrainerRun> {
  await page.goto(`${url}/embed/lora-trainer/?backend=${choice}&steps=${steps}`);
  await until(page, "s.status === 'ready' && s.samplesBefore.length > 0 && s.busy === ''");
  // Clicked in the page: a busy main thread (WebGL drawn in software) would stall Playwright's own click checks.
  await page.$eval(TAG, (el) => [...el.querySelectorAll('button')].find((b) => b.textContent === 'Train')!.click());
  await until(page, `s.status === 'done' && s.step >= ${steps}`);
  const s = await page.$eval(TAG, (el: any) => el.state);
  return { backend: s.backend, notice: s.backendNotice, ready: s.readySeconds, stepsPerSecond: s.stepsPerSecond, wallStepsPerSecond: s.wallStepsPerSecond };
}

const server = await startPreview(option('dist', 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
});
try {
  console.log(`bench:trainer  ${steps} LoRA steps a backend, batch 64, ${cpus().length} cores, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('choice  backend  ready (s)  steps/s (training)  steps/s (wall)');
  for (const choice of ['auto', 'webgl', 'wasm', 'cpu']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const run = await oneBackend(page, server.url, choice);
    await page.close();
    if (errors.length) throw new Error(`page errors on ${choice}: ${errors.join('; ')}`);
    console.log(`${choice.padEnd(7)} ${run.backend.padEnd(8)} ${run.ready.toFixed(2).padStart(9)}  ${run.stepsPerSecond.toFixed(2).padStart(18)}  ${run.wallStepsPerSecond.toFixed(2).padStart(14)}` +
      (choice === 'auto' && run.notice ? `   (${run.notice})` : ''));
  }
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await browser.close();
  server.stop();
}
