/**
 * Public surface of src/lora, for widgets, workers and scripts. Pure tfjs-core: the caller picks
 * and initialises a backend (webgl / wasm / cpu) before use.
 */
export * from './config';
export * from './vocab';
export * from './random';
export * from './data';
export { TinyGpt, type NamedArrays, type ForwardOptions } from './model';
export { LoraAdapter, LoraAttachment } from './lora';
export * from './train';
export * from './sample';
export * from './latency';
export * from './checkpoint';
export { decodeTensors } from './checkpoint-reader';
export { registerFastMatMulGradient } from './gradients';
