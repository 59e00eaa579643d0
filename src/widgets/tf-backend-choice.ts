/**
 * Which tfjs backend to start, and what to tell the reader about it: pure (no tfjs, no DOM), so the policy is
 * unit-tested; tf-backend.ts carries it out.
 */
import { listInWords, type BackendChoice } from './lora-trainer-settings';
import type { RendererVerdict } from './tf-backend-detect';
import { english, type Translate } from '../i18n/translate';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** A backend named for a sentence: "WebAssembly (the processor)". */
export function backendName(name: BackendName, t: Translate = english): string {
  return name === 'webgl' ? t('trainer.backendWebgl') : name === 'wasm' ? t('trainer.backendWasm') : t('trainer.backendCpu');
}

/** A backend's short name: "WebGL", "plain JavaScript". */
export function backendShortName(name: BackendName, t: Translate = english): string {
  return name === 'cpu' ? t('trainer.backendCpuShort') : name === 'webgl' ? 'WebGL' : 'WebAssembly';
}

/** The order to try backends in, for a choice and what the probe found (pure, so it is unit-tested). */
export function backendOrder(choice: BackendChoice, renderer: RendererVerdict['kind']): BackendName[] {
  if (choice === 'webgl') return ['webgl', 'wasm', 'cpu'];
  if (choice === 'wasm') return ['wasm', 'cpu'];
  if (choice === 'cpu') return ['cpu'];
  // Emulated WebGL is still faster than plain JavaScript, so it stays second (widgets.js ships no wasm).
  return renderer === 'hardware' ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
}

/** The notice under the backend line: '' for WebGL on a graphics card chosen by auto or asked for. */
export function backendNotice(choice: BackendChoice, started: BackendName, failed: BackendName[], verdict: RendererVerdict, t: Translate = english): string {
  const backend = backendName(started, t);
  const slow = started === 'cpu';
  if (failed.length) {
    const values = { failed: listInWords(failed.map((f) => backendShortName(f, t)), t.lang), backend };
    return slow ? t('trainer.noticeFailedSlow', values) : t('trainer.noticeFailed', values);
  }
  if (choice === started) {
    return started === 'webgl' && verdict.kind === 'software'
      ? t('trainer.noticeAskedSoftware', { reason: verdict.reason })
      : started === 'webgl' ? '' : t('trainer.noticeAsked', { backend });
  }
  if (started === 'wasm' && verdict.kind === 'software') return t('trainer.noticeSoftware', { backend, reason: verdict.reason });
  return started === 'webgl' ? '' : slow ? t('trainer.noticeRunningSlow', { backend }) : t('trainer.noticeRunning', { backend });
}

