/**
 * Which tfjs backend to start, and what to tell the reader about it: pure (no tfjs, no DOM), so the policy is
 * unit-tested; tf-backend.ts carries it out.
 */
import type { BackendChoice } from './lora-trainer-settings';
import type { RendererVerdict } from './tf-backend-detect';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export const BACKEND_NAMES: Record<BackendName, string> = {
  webgl: 'WebGL (the graphics card)',
  wasm: 'WebAssembly (the processor)',
  cpu: 'plain JavaScript (the processor, slowly)',
};

/** The order to try backends in, for a choice and what the probe found (pure, so it is unit-tested). */
export function backendOrder(choice: BackendChoice, renderer: RendererVerdict['kind']): BackendName[] {
  if (choice === 'webgl') return ['webgl', 'wasm', 'cpu'];
  if (choice === 'wasm') return ['wasm', 'cpu'];
  if (choice === 'cpu') return ['cpu'];
  // Emulated WebGL is still faster than plain JavaScript, so it stays second (widgets.js ships no wasm).
  return renderer === 'hardware' ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
}

/** The notice under the backend line: '' for WebGL on a graphics card chosen by auto or asked for. */
export function backendNotice(choice: BackendChoice, started: BackendName, failed: BackendName[], verdict: RendererVerdict): string {
  const short = (names: BackendName[]) => names.map((f) => BACKEND_NAMES[f].split(' (')[0]).join(' and ');
  const slow = started === 'cpu' ? ': expect a step or two a second, and try 10 or 20 steps.' : '.';
  if (failed.length) return `${short(failed)} could not start in this browser, so training runs on ${BACKEND_NAMES[started]} instead${slow}`;
  if (choice === started) {
    return started === 'webgl' && verdict.kind === 'software'
      ? `Running on WebGL, as asked, though ${verdict.reason}: WebAssembly is usually several times faster here.`
      : started === 'webgl' ? '' : `Running on ${BACKEND_NAMES[started]}, as asked.`;
  }
  if (started === 'wasm' && verdict.kind === 'software') return `Running on ${BACKEND_NAMES.wasm}: ${verdict.reason}, which trains several times slower than WebAssembly.`;
  return started === 'webgl' ? '' : `Running on ${BACKEND_NAMES[started]}${slow}`;
}

