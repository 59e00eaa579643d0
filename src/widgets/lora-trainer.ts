/** Registers <rankbook-lora-trainer> (its parts are in lora-trainer/): the module lessons and widgets.js import. */
export { LoraTrainer, type LoraTrainerState } from './lora-trainer/element';
