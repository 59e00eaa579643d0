/**
 * Shapes of the tiny character-level GPT and of a LoRA attachment. Plain JSON-able objects: they
 * go into checkpoint manifests and widget state unchanged.
 */

export interface ModelConfig {
  /** Number of token ids (see VOCAB in vocab.ts). */
  vocabSize: number;
  /** Longest input the position embedding covers. */
  contextLength: number;
  dModel: number;
  nHeads: number;
  nLayers: number;
  /** Hidden width of each MLP (4 x dModel in GPT-2). */
  mlpHidden: number;
}

/** The model shipped in public/models/base: ~0.4M parameters. */
export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  vocabSize: 28,
  contextLength: 16,
  dModel: 128,
  nHeads: 4,
  nLayers: 2,
  mlpHidden: 512,
};

/** A model small enough for unit tests on the cpu backend (~10k parameters). */
export const TINY_MODEL_CONFIG: ModelConfig = {
  vocabSize: 28,
  contextLength: 16,
  dModel: 16,
  nHeads: 2,
  nLayers: 1,
  mlpHidden: 32,
};

/** The weight matrices LoRA can adapt, per transformer block. */
export const LORA_TARGETS = ['wq', 'wk', 'wv', 'wo', 'mlpUp', 'mlpDown'] as const;
export type LoraTarget = (typeof LORA_TARGETS)[number];

export interface LoraConfig {
  /** Rank of the update B A. */
  r: number;
  /** Scale numerator: the branch is multiplied by alpha / r (or alpha / sqrt(r) with rsLora). */
  alpha: number;
  targets: LoraTarget[];
  /** rsLoRA (Kalajdzievski 2023): scale alpha / sqrt(r), so larger ranks are not damped. */
  rsLora: boolean;
  /** Dropout rate applied to the adapter branch's input while training (peft's lora_dropout). */
  dropout: number;
  /** How A starts: peft's default kaiming-uniform, or Gaussian with std 1/r. B always starts at 0. */
  init: 'kaiming' | 'gaussian';
}

export const DEFAULT_LORA_CONFIG: LoraConfig = {
  r: 8,
  alpha: 8,
  targets: ['wq', 'wv'],
  rsLora: false,
  dropout: 0,
  init: 'kaiming',
};

/** The multiplier applied to B A x. */
export function loraScale(config: Pick<LoraConfig, 'r' | 'alpha' | 'rsLora'>): number {
  return config.rsLora ? config.alpha / Math.sqrt(config.r) : config.alpha / config.r;
}

export function validateModelConfig(c: ModelConfig): void {
  for (const key of ['vocabSize', 'contextLength', 'dModel', 'nHeads', 'nLayers', 'mlpHidden'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 1) throw new Error(`model config: ${key} must be a positive integer`);
  }
  if (c.dModel % c.nHeads !== 0) throw new Error('model config: dModel must be divisible by nHeads');
}

export function validateLoraConfig(c: LoraConfig): void {
  if (!Number.isInteger(c.r) || c.r < 1) throw new Error('LoRA rank r must be a positive integer');
  if (!(c.alpha > 0)) throw new Error('LoRA alpha must be positive');
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error('LoRA dropout must be in [0, 1)');
  if (c.targets.length === 0) throw new Error('LoRA needs at least one target matrix');
  for (const t of c.targets) {
    if (!LORA_TARGETS.includes(t)) throw new Error(`unknown LoRA target "${t}"`);
  }
}
