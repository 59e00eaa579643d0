/**
 * npm run bench:first-view [-- --runs 5 --image astronaut --dist dist --url http://127.0.0.1:4321]
 *
 * How long a reader waits, on a fresh page with an empty cache, from opening the SVD compressor's embed page
 * to a slider that answers: headless Chromium (/usr/bin/chromium or CHROMIUM_PATH) against the built site
 * served by `astro preview` (or --url). Each run records, from navigation start: the page parsed, the
 * image decoded, the worker warm, the decomposition done, the slider live (enabled, holding the
 * decomposition), and the first rank-k picture painted after moving the slider. In the same run, numpy's
 * 3-channel SVD of the same matrices (python3 with numpy, if present) is timed between the page loads, so
 * machine load hits both alike; the target is slider live <= 2x numpy. On a loaded machine wall times
 * stretch with the number of runnable threads, so CPU time is reported too: all of Chromium's processes from
 * opening the page to the slider live, against numpy's process time. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { channelsFromRgba, downscaleRgba } from '../src/linalg/image';
import { decodePng } from './decode-png';
import { startPreview } from '../tests/e2e/preview-server';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const image = option('image', 'astronaut');
const dist = option('dist', 'dist');
const python = option('python', 'python3');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x: number | undefined) => (x === undefined ? '   -' : `${x.toFixed(0).padStart(4)}`);

/** numpy's SVD of the channels the widget decomposes, one rep; null without python3 + numpy. */
const dir = mkdtempSync(join(tmpdir(), 'bench-first-view-'));
const png = decodePng(join(import.meta.dirname, '..', 'public', 'images', `${image}.png`));
const scaled = downscaleRgba({ width: png.width, height: png.height, data: png.rgba });
const grey = png.rgba.every((x, i) => i % 4 === 3 || x === png.rgba[i - (i % 4)]);
const channels = channelsFromRgba(scaled, grey ? 'grey' : 'colour');
const matrices = join(dir, 'channels.f64');
{
  const all = new Float64Array(channels.length * scaled.width * scaled.height);
  channels.forEach((c, i) => all.set(c, i * c.length));
  writeFileSync(matrices, all);
}
function numpySvd(): { total: number; cpu: number; version: string } | null {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  try {
    const out = execFileSync(python, [join(import.meta.dirname, 'bench-svd-numpy.py'), matrices, String(channels.length),
      String(scaled.height), String(scaled.width), '1'], { env });
    const run = JSON.parse(out.toString()) as { times: number[][]; cpu: number[][]; numpy: string };
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return { total: sum(run.times[0]), cpu: sum(run.cpu[0]), version: run.numpy };
  } catch (error) {
    console.log(`numpy unavailable (${python}): ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

interface FirstView {
  parsed: number; decoded?: number; warm?: number; decomposed?: number; live: number; responded: number;
  warmUp?: number; svd?: number; cpu: number; kinds: string;
}

/** CPU milliseconds (user + system) used so far by this script's Chromium processes, read from /proc, by kind. */
function chromiumCpu(): Record<string, number> {
  const stats = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      return [{ pid: Number(pid), comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return []; // it ended while being read
    }
  });
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
  }
  const byKind: Record<string, number> = {};
  for (const p of stats.filter((p) => ours.has(p.pid) && /chrom/i.test(p.comm))) {
    let kind = 'browser';
    try {
      kind = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${p.pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
    } catch { /* ended */ }
    byKind[kind] = (byKind[kind] ?? 0) + 10 * p.ticks;
  }
  return byKind;
}

/** CPU used between two readings, in total and by process kind. */
function cpuSince(start: Record<string, number>): { total: number; kinds: string } {
  const now = chromiumCpu();
  const used = Object.entries(now).map(([kind, ms]) => [kind, ms - (start[kind] ?? 0)] as const).filter(([, ms]) => ms > 0);
  return { total: used.reduce((sum, [, ms]) => sum + ms, 0), kinds: used.map(([kind, ms]) => `${kind} ${ms}`).join(', ') };
}

/** Installed before any page script: notes when the slider becomes usable, without touching the widget. */
function watchSlider(): void {
  const w = window as unknown as { __firstView: Record<string, number> };
  w.__firstView = {};
  document.addEventListener('change', (event) => {
    const state = (event as CustomEvent).detail;
    if (state?.status === 'ready' && w.__firstView.live === undefined && event.target instanceof Element
      && event.target.tagName === 'RANKBOOK-SVD-COMPRESSOR') {
      const slider = event.target.querySelector('input[type=range]') as HTMLInputElement | null;
      if (slider && !slider.disabled) w.__firstView.live = performance.now();
    }
  }, true);
}

async function oneView(browser: Browser, url: string): Promise<FirstView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // tsx keeps function names with a __name helper that the functions sent to the page would miss.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(watchSlider);
  const cpuStart = chromiumCpu();
  await page.goto(`${url}/embed/svd-compressor/?image=${image}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as any).__firstView.live !== undefined, null, { timeout: 60_000, polling: 10 });
  const { total: cpu, kinds } = cpuSince(cpuStart);
  // The first answer to the slider: move it to a rank not drawn yet and wait for that picture on the canvas.
  const responded = await page.evaluate(() => new Promise<number>((resolve) => {
    const element = document.querySelector('rankbook-svd-compressor') as HTMLElement & { state: { shownK: number; rank: number } };
    const slider = element.querySelector('input[type=range]') as HTMLInputElement;
    const target = Math.min(element.state.rank, 137);
    const start = performance.now();
    const check = () => (element.state.shownK === target ? resolve(performance.now() - start) : requestAnimationFrame(check));
    slider.value = String(target);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    check();
  }));
  const times = await page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    const measure = (name: string) => performance.getEntriesByName(name)[0]?.duration;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      parsed: navigation.domInteractive, live: (window as any).__firstView.live as number,
      decoded: mark('rankbook:svd-image-decoded'), warm: mark('rankbook:svd-worker-warm'), decomposed: mark('rankbook:svd-decomposed'),
      warmUp: measure('rankbook:svd-warm-up'), svd: measure('rankbook:svd-decomposition'),
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return { ...times, responded, cpu, kinds };
}

const server = option('url', '') ? { url: option('url', ''), stop: () => {} } : await startPreview(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`bench:first-view  ${image} (${scaled.width} x ${scaled.height}, ${channels.length} channel${channels.length > 1 ? 's' : ''}), ` +
    `${runs} runs, ${cpus().length} cores, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  await oneView(browser, server.url); // starts Chromium's processes and astro's file cache; not counted
  const views: FirstView[] = [];
  const numpy: number[] = [];
  const numpyCpu: number[] = [];
  let numpyVersion = '';
  console.log('run  parsed  decoded  warm  decomposed  live  | slider answer | numpy 3-ch SVD | CPU: Chromium to live, numpy   (ms; page times from navigation start)');
  for (let r = 0; r < runs; r++) {
    const np = numpySvd();
    if (np) { numpy.push(np.total); numpyCpu.push(np.cpu); numpyVersion = np.version; }
    const view = await oneView(browser, server.url);
    views.push(view);
    console.log(`${String(r + 1).padStart(3)}  ${ms(view.parsed)}    ${ms(view.decoded)}   ${ms(view.warm)}     ${ms(view.decomposed)}   ${ms(view.live)}  |      ${ms(view.responded)}     |   ${ms(np?.total)}         |      ${ms(view.cpu)}     ${ms(np?.cpu)}   (${view.kinds})`);
  }
  const live = median(views.map((v) => v.live));
  const pick = (key: keyof FirstView) => {
    const xs = views.map((v) => v[key]).filter((x): x is number => x !== undefined);
    return xs.length ? `${median(xs).toFixed(0)} ms` : 'not marked';
  };
  console.log(`\nmedians: page parsed ${pick('parsed')}, image decoded ${pick('decoded')}, worker warm ${pick('warm')} (its warm-up ${pick('warmUp')}), ` +
    `decomposed ${pick('decomposed')} (the SVD itself ${pick('svd')}), slider live ${live.toFixed(0)} ms, first slider answer ${pick('responded')}`);
  if (numpy.length) {
    const reference = median(numpy);
    console.log(`numpy ${numpyVersion} np.linalg.svd, 3 channels, 1 thread: median ${reference.toFixed(0)} ms wall, ${median(numpyCpu).toFixed(0)} ms CPU`);
    console.log(`ratio slider live / numpy: ${(live / reference).toFixed(2)}x wall (target <= 2x); ` +
      `CPU, all of Chromium to slider live / numpy: ${(median(views.map((v) => v.cpu)) / median(numpyCpu)).toFixed(2)}x; ` +
      `load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  }
} finally {
  await browser.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
