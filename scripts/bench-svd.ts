/**
 * npm run bench:svd [-- --rounds 5 --images astronaut,coffee --numpy-threads 1 --no-simd]
 *
 * For each sample image (downscaled so the long side is <= 512, as the widget does): the time to make the
 * whole image ready to slide (every singular value and vector of every channel) against numpy/LAPACK on the
 * same matrices in the same run (rounds interleaved, medians compared, so machine load hits both alike); the
 * top 100 singular values against LAPACK's; and slider redraw times for random rank moves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelsFromRgba, downscaleRgba, type ColourMode } from '../src/linalg/image';
import { ImageRankReconstruction, type ImageSvd } from '../src/linalg/image-svd';
import { svd, warmUpSvd } from '../src/linalg/svd';
import { setSimdEnabled, simdAvailable } from '../src/linalg/workspace';
import { decodePng } from './decode-png';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const rounds = Number(option('rounds', '5'));
const images = option('images', 'astronaut,camera,coffee,chelsea').split(',');
const numpyThreads = option('numpy-threads', '1');
const python = option('python', 'python3');
if (args.includes('--no-simd')) setSimdEnabled(false);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface NumpyRun { times: number[][]; cpu: number[][]; values: number[][]; numpy: string }

const dir = mkdtempSync(join(tmpdir(), 'bench-svd-'));
function numpySvd(channels: Float64Array[], rows: number, cols: number, reps: number): NumpyRun | null {
  const file = join(dir, 'channels.f64');
  const all = new Float64Array(channels.length * rows * cols);
  channels.forEach((c, i) => all.set(c, i * rows * cols));
  writeFileSync(file, all);
  const env = { ...process.env, OPENBLAS_NUM_THREADS: numpyThreads, OMP_NUM_THREADS: numpyThreads, MKL_NUM_THREADS: numpyThreads };
  try {
    const out = execFileSync(python, [join(import.meta.dirname, 'bench-svd-numpy.py'), file, String(channels.length), String(rows), String(cols), String(reps)], { env });
    return JSON.parse(out.toString()) as NumpyRun;
  } catch (error) {
    console.log(`  numpy unavailable (${python}): ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

/** Wall and CPU time (this process, user + system) of the SVD of every channel. */
function timeJs(channels: Float64Array[], width: number, height: number) {
  const perChannel: number[] = [];
  const cpuStart = process.cpuUsage();
  const factors = channels.map((data) => {
    const t = performance.now();
    const f = svd({ rows: height, cols: width, data }, { method: 'gram' });
    perChannel.push(performance.now() - t);
    return f;
  });
  const cpuUsed = process.cpuUsage(cpuStart);
  const total = perChannel.reduce((a, b) => a + b, 0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
  const result: ImageSvd = { width, height, mode: channels.length === 1 ? 'grey' : 'colour', channels: factors, centred: false, means: channels.map(() => 0) };
  return { total, cpu, perChannel, svd: result };
}

/** Wall and CPU milliseconds of one call. */
function timed(f: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Redraws (rank-k image into RGBA) for 300 uniformly random ranks, then 300 drag steps of up to +-8. */
function redrawTimes(svd: ImageSvd) {
  let rec: ImageRankReconstruction | null = null;
  const build = timed(() => (rec = new ImageRankReconstruction(svd))).wall;
  const slider = rec! as ImageRankReconstruction;
  let seed = 12345;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const random: { wall: number; cpu: number }[] = [], drag: { wall: number; cpu: number }[] = [];
  let k = 20;
  slider.render(k);
  for (let i = 0; i < 300; i++) {
    k = 1 + Math.floor(rnd() * slider.maxRank);
    random.push(timed(() => slider.render(k)));
  }
  for (let i = 0; i < 300; i++) {
    k = Math.max(1, Math.min(slider.maxRank, k + Math.round((rnd() - 0.5) * 16)));
    drag.push(timed(() => slider.render(k)));
  }
  return { build, random, drag };
}

console.log(`bench:svd  node ${process.version}, WebAssembly SIMD kernels: ${simdAvailable() ? 'on' : 'off'}, numpy threads: ${numpyThreads}, rounds: ${rounds}`);
// The worker warms up at start-up, while the page fetches the image; do the same before timing.
const warmStart = performance.now();
warmUpSvd();
console.log(`warm-up (as the worker does at start): ${(performance.now() - warmStart).toFixed(0)} ms`);
for (const name of images) {
  const png = decodePng(join(import.meta.dirname, '..', 'public', 'images', `${name}.png`));
  const image = downscaleRgba({ width: png.width, height: png.height, data: png.rgba });
  const grey = png.rgba.every((x, i) => i % 4 === 3 || x === png.rgba[i - (i % 4)]);
  const mode: ColourMode = grey ? 'grey' : 'colour';
  const channels = channelsFromRgba(image, mode);
  const { width, height } = image;
  console.log(`\n${name}: ${png.width} x ${png.height} -> ${width} x ${height}, ${mode} (${channels.length} channel${channels.length > 1 ? 's' : ''})`);

  const jsTotals: number[] = [], npTotals: number[] = [], jsPer: number[] = [], npPer: number[] = [];
  const jsCpu: number[] = [], npCpu: number[] = [];
  let reference: NumpyRun | null = null;
  let result: ImageSvd | null = null;
  let first = 0;
  for (let r = 0; r < rounds; r++) {
    const np = numpySvd(channels, height, width, 1);
    if (np) {
      reference ??= np;
      npTotals.push(np.times[0].reduce((a, b) => a + b, 0));
      npCpu.push(np.cpu[0].reduce((a, b) => a + b, 0));
      npPer.push(...np.times[0]);
    }
    const js = timeJs(channels, width, height);
    if (r === 0 && name === images[0]) first = js.total;
    jsTotals.push(js.total);
    jsCpu.push(js.cpu);
    jsPer.push(...js.perChannel);
    result = js.svd;
  }
  const jsMedian = median(jsTotals);
  console.log(`  JS (Gram + tridiagonal divide & conquer): median ${ms(jsMedian)} for all channels (CPU ${ms(median(jsCpu))}), ${ms(median(jsPer))} per channel, best ${ms(Math.min(...jsTotals))}${first ? `; first image after warm-up ${ms(first)}` : ''}`);
  if (reference) {
    const npMedian = median(npTotals);
    console.log(`  numpy ${reference.numpy} np.linalg.svd (LAPACK dgesdd): median ${ms(npMedian)} for all channels (CPU ${ms(median(npCpu))}), ${ms(median(npPer))} per channel, best ${ms(Math.min(...npTotals))}`);
    console.log(`  ratio JS / numpy: ${(jsMedian / npMedian).toFixed(2)}x wall (medians; best/best ${(Math.min(...jsTotals) / Math.min(...npTotals)).toFixed(2)}x), ${(median(jsCpu) / median(npCpu)).toFixed(2)}x CPU time; target <= 3x`);
    let top = 0, all = 0;
    result!.channels.forEach((f, c) => {
      const ref = reference!.values[c];
      for (let i = 0; i < ref.length; i++) {
        const d = Math.abs(f.values[i] - ref[i]);
        if (i < 100) top = Math.max(top, d / ref[i]);
        all = Math.max(all, d / ref[0]);
      }
    });
    console.log(`  top-100 singular values vs LAPACK: max relative difference ${top.toExponential(2)} (target <= 1e-6); all values: max |difference| / sigma_1 ${all.toExponential(2)}`);
  }
  const redraw = redrawTimes(result!);
  const p = (xs: { wall: number; cpu: number }[], q: number, key: 'wall' | 'cpu') => percentile(xs.map((x) => x[key]), q).toFixed(1);
  console.log(`  slider: layers ready in ${ms(redraw.build)}; redraw for random k: p50 ${p(redraw.random, 0.5, 'wall')} ms, p95 ${p(redraw.random, 0.95, 'wall')} ms wall (CPU p95 ${p(redraw.random, 0.95, 'cpu')} ms); dragging (steps up to 8): p95 ${p(redraw.drag, 0.95, 'wall')} ms wall (CPU ${p(redraw.drag, 0.95, 'cpu')} ms); target p95 <= 16 ms`);
}
rmSync(dir, { recursive: true, force: true });
