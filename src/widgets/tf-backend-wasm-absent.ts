/** widgets.js's stand-in for tf-backend-wasm.ts: no WebAssembly fallback there, so the trainer goes from WebGL to plain JavaScript. */
export function prepareWasm(): boolean {
  return false;
}
