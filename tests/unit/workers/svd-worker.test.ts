import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSvdJob } from '../../../src/workers/svd-job';
import type { SvdWorkerResponse } from '../../../src/workers/svd-messages';

function gradient(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([x * 3, y * 2, (x * y) % 256, 255], 4 * (y * width + x));
  }
  return data;
}

function run(request: Parameters<typeof runSvdJob>[0]) {
  const messages: SvdWorkerResponse[] = [];
  const transfers: Transferable[][] = [];
  runSvdJob(request, (m, t) => {
    messages.push(m);
    transfers.push(t);
  });
  return { messages, transfers };
}

describe('svd worker job', () => {
  it('downscales RGBA, decomposes each channel, reports progress, then done with transferable buffers', () => {
    const { messages, transfers } = run({ id: 7, mode: 'colour', rgba: gradient(80, 50), width: 80, height: 50, maxSide: 64 });
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.id).toBe(7);
    expect([done.result.width, done.result.height]).toEqual([64, 40]);
    expect(done.result.channels).toHaveLength(3);
    expect(done.result.channels[0].values).toHaveLength(40);
    expect(done.channels[0]).toHaveLength(64 * 40);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((m) => m.id === 7 && m.fraction >= 0 && m.fraction <= 1)).toBe(true);
    const buffers = transfers.at(-1)!;
    expect(buffers).toHaveLength(3 * 3 + 3 + 1);
    // The picture that was decomposed, as RGBA: the downscaled image's red, green and blue, opaque.
    expect(done.rgba).toHaveLength(64 * 40 * 4);
    expect([done.rgba[0], done.rgba[1], done.rgba[2], done.rgba[3]]).toEqual([done.channels[0][0], done.channels[1][0], done.channels[2][0], 255].map(Math.round));
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('centres when asked, and sends back the channels as they were, for the original view', () => {
    const grey = new Float64Array(30 * 20).map((_, i) => 100 + (i % 30));
    const done = run({ mode: 'grey', channels: [grey.slice()], width: 30, height: 20, centred: true }).messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.result.centred).toBe(true);
    expect(done.result.means[0]).toBeCloseTo(114.5, 12);
    expect(Array.from(done.channels[0])).toEqual(Array.from(grey));
  });

  it('accepts ready-made channels and answers bad input with an error message', () => {
    const grey = new Float64Array(30 * 20).map((_, i) => i % 30);
    const ok = run({ mode: 'grey', channels: [grey], width: 30, height: 20 }).messages.at(-1)!;
    expect(ok.type).toBe('done');
    const bad = run({ id: 2, mode: 'colour', channels: [grey], width: 30, height: 20 }).messages;
    expect(bad).toEqual([{ type: 'error', id: 2, message: expect.stringContaining('needs 3 channels') }]);
    const wrongSize = run({ mode: 'grey', rgba: new Uint8ClampedArray(10), width: 3, height: 3 }).messages.at(-1)!;
    expect(wrongSize.type).toBe('error');
  });
});

describe('svd-worker.ts wiring', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers a message posted to the worker scope', async () => {
    const posted: unknown[] = [];
    const scope: { onmessage?: (e: { data: unknown }) => void; postMessage: (m: unknown) => void } = {
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    await import('../../../src/workers/svd-worker');
    scope.onmessage!({ data: { mode: 'grey', channels: [new Float64Array(12).fill(1)], width: 4, height: 3 } });
    const done = posted.at(-1) as SvdWorkerResponse;
    expect(done.type).toBe('done');
    if (done.type === 'done') expect(done.result.channels[0].values[0]).toBeCloseTo(Math.sqrt(12), 12);
  });
});
