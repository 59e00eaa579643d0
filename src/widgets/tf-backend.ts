/**
 * Starts tfjs in the browser on the best backend that works: WebGL (the GPU), else WebAssembly, else plain
 * JavaScript, with a notice in words whenever it is not WebGL. Only the trainer's lazily loaded session
 * imports this module, so pages without a trainer never load tfjs; the wasm backend loads only if WebGL fails.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendChoice } from './lora-trainer-settings';

export const BACKEND_NAMES: Record<string, string> = {
  webgl: 'WebGL (the graphics card)',
  wasm: 'WebAssembly (the processor)',
  cpu: 'plain JavaScript (the processor, slowly)',
};

async function tryBackend(name: 'webgl' | 'wasm' | 'cpu'): Promise<boolean> {
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

/** Picks and initialises a backend; `notice` is '' on WebGL, else says why and what that means. */
export async function startBackend(choice: BackendChoice = 'auto'): Promise<{ backend: string; notice: string }> {
  const order: Array<'webgl' | 'wasm' | 'cpu'> = choice === 'wasm' ? ['wasm', 'cpu'] : choice === 'cpu' ? ['cpu'] : ['webgl', 'wasm', 'cpu'];
  const failed: string[] = [];
  for (const name of order) {
    if (await tryBackend(name)) {
      const notice = name === 'webgl' ? ''
        : choice === name ? `Running on ${BACKEND_NAMES[name]}, as this page asked.`
          : `${failed.map((f) => BACKEND_NAMES[f].split(' (')[0]).join(' and ')} could not start in this browser, so training runs on ${BACKEND_NAMES[name]} instead` +
            (name === 'cpu' ? ': expect well under one step a second, and try 10 or 20 steps.' : '.');
      return { backend: name, notice };
    }
    failed.push(name);
  }
  throw new Error('tfjs could not start on any backend (WebGL, WebAssembly or plain JavaScript).');
}

/** Live tfjs tensors: the trainer reports it so that leaks show. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}
