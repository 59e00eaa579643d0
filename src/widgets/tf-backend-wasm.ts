/**
 * The WebAssembly fallback for the trainer: tfjs-backend-wasm and its two binaries (plain and SIMD), which
 * Vite emits as assets of this site, so nothing is fetched from a CDN. tf-backend.ts imports this module only
 * when WebGL fails. widgets.js replaces it with tf-backend-wasm-absent.ts (see vite.widgets.config.ts):
 * a library build inlines assets, and 700 KB of base64 would weigh on every page that loads widgets.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

/** Points tfjs at the shipped binaries; true when the wasm backend is there to try. */
export function prepareWasm(): boolean {
  // Threads need a cross-origin-isolated page, which a lesson (or someone's course page) is not.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // tfjs wants an entry for every binary; the threaded one is never fetched with threads off.
  setWasmPaths({ 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': simd });
  return true;
}
