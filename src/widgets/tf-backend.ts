/**
 * Starts tfjs in the browser on the backend that trains fastest here: WebGL where a graphics card draws it,
 * WebAssembly where WebGL is emulated on the processor (tf-backend-detect.ts) or cannot start, and plain
 * JavaScript last. The notice says, in words, whenever the choice is not WebGL on a graphics card.
 * Only lazily loaded modules (the trainer's session, retraining) import this, so other pages never load tfjs;
 * the wasm backend's module loads only when it is tried.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendChoice } from './lora-trainer-settings';
import { classifyRenderer, probeWebgl, type RendererVerdict } from './tf-backend-detect';
import { backendNotice, backendOrder, type BackendName } from './tf-backend-choice';
import { english, type Translate } from '../i18n/translate';

export { backendName, type BackendName } from './tf-backend-choice';

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') {
      const { prepareWasm } = await import('./tf-backend-wasm');
      if (!prepareWasm()) return false;
    } else if (name === 'cpu') {
      await import('@tensorflow/tfjs-backend-cpu');
    }
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch (e) {
    console.warn(`tfjs backend ${name} could not start:`, e);
    return false;
  }
}

/** Picks and initialises a backend; `notice` says why when it is not WebGL on a graphics card. */
export async function startBackend(choice: BackendChoice = 'auto', t: Translate = english): Promise<{ backend: BackendName; notice: string; renderer: RendererVerdict }> {
  const verdict = classifyRenderer(probeWebgl(), t);
  const failed: BackendName[] = [];
  for (const name of backendOrder(choice, verdict.kind)) {
    if (await tryBackend(name)) return { backend: name, notice: backendNotice(choice, name, failed, verdict, t), renderer: verdict };
    failed.push(name);
  }
  throw new Error(t('trainer.noBackend'));
}

/** Live tfjs tensors: the trainer reports it so that leaks show. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}
