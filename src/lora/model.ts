/**
 * A tiny character-level GPT written with tfjs-core ops: token + position embeddings, pre-norm blocks
 * of causal multi-head attention (separate Wq, Wk, Wv, Wo) and a GELU MLP, a final layer norm and a
 * linear head. Weights are stored in the row-vector layout [in, out] (y = x W + b).
 * Deliberate choices for speed on tfjs-backend-wasm: plain tf.matMul with explicit transposes (see
 * gradients.ts), and embeddings as one-hot x matrix (wasm lacks UnsortedSegmentSum, the gather gradient).
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients';
import { type LoraConfig, type LoraTarget, type ModelConfig, validateModelConfig } from './config';
import { type AdaptableWeight, type LoraAdapter, LoraAttachment } from './lora';
import { createRng, normalArray } from './random';
import type { Batch } from './data';

/** Plain arrays by name: what checkpoints store. */
export type NamedArrays = Record<string, { shape: number[]; data: Float32Array }>;

export interface ForwardOptions {
  /** Enables LoRA dropout. */
  training?: boolean;
  /** Seed for this step's dropout masks. */
  dropoutSeed?: number;
}

interface Linear {
  w: tf.Variable;
  b: tf.Variable;
  adapter: LoraAdapter | null;
}

interface Block {
  ln1: { gamma: tf.Variable; beta: tf.Variable };
  ln2: { gamma: tf.Variable; beta: tf.Variable };
  linears: Record<LoraTarget, Linear>;
}

export class TinyGpt {
  readonly config: ModelConfig;
  private readonly params = new Map<string, tf.Variable>();
  private readonly blocks: Block[] = [];
  private readonly causalBias: tf.Tensor2D;
  private lora: LoraAttachment | null = null;

  /** Random GPT-2-style init from `seed`, or the given weights (e.g. from a checkpoint). */
  constructor(config: ModelConfig, init: { seed: number } | { weights: NamedArrays }) {
    validateModelConfig(config);
    this.config = { ...config };
    const { vocabSize: v, contextLength: t, dModel: d, mlpHidden: h, nLayers } = config;
    const rng = createRng('seed' in init ? init.seed : 0);
    const given = 'weights' in init ? init.weights : null;
    const make = (name: string, shape: number[], std: number | 'zeros' | 'ones'): tf.Variable => {
      const size = shape.reduce((a, b) => a * b, 1);
      let data: Float32Array;
      if (given) {
        const g = given[name];
        if (!g) throw new Error(`checkpoint lacks weight "${name}"`);
        if (g.shape.join('x') !== shape.join('x')) throw new Error(`weight "${name}" has shape ${g.shape.join('x')}, expected ${shape.join('x')}`);
        data = g.data;
      } else if (std === 'zeros') data = new Float32Array(size);
      else if (std === 'ones') data = new Float32Array(size).fill(1);
      else data = normalArray(size, std, rng);
      // tf.variable shares the tensor's data and leaves the tensor alive: tidy disposes it.
      const variable = tf.tidy(() => tf.variable(tf.tensor(data, shape), true));
      this.params.set(name, variable);
      return variable;
    };
    const residualStd = 0.02 / Math.sqrt(2 * nLayers);
    make('tokenEmbedding', [v, d], 0.02);
    make('positionEmbedding', [t, d], 0.02);
    const dims: Record<LoraTarget, [number, number, number]> = {
      wq: [d, d, 0.02],
      wk: [d, d, 0.02],
      wv: [d, d, 0.02],
      wo: [d, d, residualStd],
      mlpUp: [d, h, 0.02],
      mlpDown: [h, d, residualStd],
    };
    for (let i = 0; i < nLayers; i++) {
      const p = `block${i}`;
      const linears = {} as Record<LoraTarget, Linear>;
      for (const [target, [k, out, std]] of Object.entries(dims) as Array<[LoraTarget, [number, number, number]]>) {
        linears[target] = { w: make(`${p}.${target}.w`, [k, out], std), b: make(`${p}.${target}.b`, [out], 'zeros'), adapter: null };
      }
      this.blocks.push({
        ln1: { gamma: make(`${p}.ln1.gamma`, [d], 'ones'), beta: make(`${p}.ln1.beta`, [d], 'zeros') },
        ln2: { gamma: make(`${p}.ln2.gamma`, [d], 'ones'), beta: make(`${p}.ln2.beta`, [d], 'zeros') },
        linears,
      });
    }
    make('lnFinal.gamma', [d], 'ones');
    make('lnFinal.beta', [d], 'zeros');
    make('head.w', [d, v], 0.02);
    make('head.b', [v], 'zeros');
    // Additive causal mask: 0 on and below the diagonal, -1e9 above. Kept out of any caller's tidy.
    const bias = new Float32Array(t * t);
    for (let r = 0; r < t; r++) for (let c = r + 1; c < t; c++) bias[r * t + c] = -1e9;
    this.causalBias = tf.keep(tf.tensor2d(bias, [t, t]));
  }

  /** Base weights (W0 and friends), in a fixed order. */
  baseVariables(): tf.Variable[] {
    return [...this.params.values()];
  }

  get baseParamCount(): number {
    return this.baseVariables().reduce((n, v) => n + v.size, 0);
  }

  get attachment(): LoraAttachment | null {
    return this.lora;
  }

  /** Add LoRA branches to the targeted matrices of every block. One attachment at a time. */
  attachLora(config: LoraConfig, seed = 1): LoraAttachment {
    if (this.lora) throw new Error('a LoRA attachment is already present; detachLora() first');
    const slots: AdaptableWeight[] = [];
    this.blocks.forEach((block, i) => {
      for (const target of Object.keys(block.linears) as LoraTarget[]) {
        const lin = block.linears[target];
        slots.push({ block: i, target, weight: lin.w, setAdapter: (a) => (lin.adapter = a) });
      }
    });
    this.lora = new LoraAttachment(slots, config, seed);
    return this.lora;
  }

  /** Unmerge, remove and free the adapters; the model is the base again. */
  detachLora(): void {
    this.lora?.detach();
    this.lora = null;
  }

  /** Copies of the base weights by name. With merged adapters this is W0 + s B A. */
  getWeights(): NamedArrays {
    const out: NamedArrays = {};
    for (const [name, v] of this.params) out[name] = { shape: v.shape.slice(), data: new Float32Array(v.dataSync()) };
    return out;
  }

  /** Logits [batch, time, vocab] for int32 token ids [batch, time], time <= contextLength. */
  logits(tokens: tf.Tensor2D, opts: ForwardOptions = {}): tf.Tensor3D {
    return tf.tidy(() => {
      const [bsz, time] = tokens.shape;
      const { dModel: d, nHeads, vocabSize } = this.config;
      if (time > this.config.contextLength) throw new Error(`sequence of ${time} exceeds context ${this.config.contextLength}`);
      const training = opts.training ?? false;
      let seed = opts.dropoutSeed ?? 0;
      const linear = (lin: Linear, x: tf.Tensor2D): tf.Tensor2D => {
        let y = tf.add(tf.matMul(x, lin.w as tf.Tensor2D), lin.b) as tf.Tensor2D;
        if (lin.adapter && !lin.adapter.merged) y = tf.add(y, lin.adapter.delta(x, training, seed++));
        return y;
      };
      const oneHot = tf.cast(tf.oneHot(tf.reshape(tokens, [-1]) as tf.Tensor1D, vocabSize), 'float32') as tf.Tensor2D;
      const tokEmb = tf.matMul(oneHot, this.param('tokenEmbedding') as tf.Tensor2D);
      const posEmb = tf.slice(this.param('positionEmbedding'), [0, 0], [time, d]);
      let x = tf.reshape(tf.add(tf.reshape(tokEmb, [bsz, time, d]), posEmb), [bsz * time, d]) as tf.Tensor2D;
      const mask = tf.slice(this.causalBias, [0, 0], [time, time]);
      const dh = d / nHeads;
      for (const block of this.blocks) {
        const h = layerNorm(x, block.ln1.gamma, block.ln1.beta);
        const heads = (y: tf.Tensor2D, perm: number[], shape: [number, number, number]) =>
          tf.reshape(tf.transpose(tf.reshape(y, [bsz, time, nHeads, dh]), perm), shape) as tf.Tensor3D;
        const q = heads(linear(block.linears.wq, h), [0, 2, 1, 3], [bsz * nHeads, time, dh]);
        const kT = heads(linear(block.linears.wk, h), [0, 2, 3, 1], [bsz * nHeads, dh, time]);
        const v = heads(linear(block.linears.wv, h), [0, 2, 1, 3], [bsz * nHeads, time, dh]);
        const scores = tf.add(tf.mul(tf.matMul(q, kT), 1 / Math.sqrt(dh)), mask);
        const att = tf.matMul(tf.softmax(scores), v); // [bsz*heads, time, dh]
        const merged = tf.reshape(tf.transpose(tf.reshape(att, [bsz, nHeads, time, dh]), [0, 2, 1, 3]), [bsz * time, d]);
        x = tf.add(x, linear(block.linears.wo, merged as tf.Tensor2D));
        const h2 = layerNorm(x, block.ln2.gamma, block.ln2.beta);
        x = tf.add(x, linear(block.linears.mlpDown, gelu(linear(block.linears.mlpUp, h2))));
      }
      const out = tf.add(tf.matMul(layerNorm(x, this.param('lnFinal.gamma'), this.param('lnFinal.beta')), this.param('head.w') as tf.Tensor2D), this.param('head.b'));
      return tf.reshape(out, [bsz, time, vocabSize]) as tf.Tensor3D;
    });
  }

  /** Mean cross-entropy (nats per character) over the batch's unmasked targets. */
  loss(batch: Batch, opts: ForwardOptions = {}): tf.Scalar {
    return tf.tidy(() => {
      const inputs = tf.tensor2d(batch.inputs, [batch.size, batch.contextLength], 'int32');
      const logits = tf.reshape(this.logits(inputs, opts), [-1, this.config.vocabSize]);
      const targets = tf.cast(tf.oneHot(tf.tensor1d(batch.targets, 'int32'), this.config.vocabSize), 'float32');
      const nll = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), targets), 1));
      const mask = tf.tensor1d(batch.mask);
      return tf.div(tf.sum(tf.mul(nll, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
    });
  }

  dispose(): void {
    this.detachLora();
    for (const v of this.params.values()) v.dispose();
    this.params.clear();
    this.causalBias.dispose();
  }

  private param(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`no parameter ${name}`);
    return v;
  }
}

function layerNorm(x: tf.Tensor2D, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), gamma), beta) as tf.Tensor2D;
}

const GELU_LINEAR = 2 * Math.sqrt(2 / Math.PI);
const GELU_CUBIC = GELU_LINEAR * 0.044715;
/**
 * GELU, tanh approximation (GPT-2): x/2 (1 + tanh(c (x + 0.044715 x³))), written as x · sigmoid(2c (x + 0.044715 x³)),
 * the same function, since (1 + tanh u)/2 = sigmoid(2u). It is 6 ops instead of 9, and tfjs-backend-wasm vectorises
 * sigmoid but not tanh: forward and backward take ~40% less time (same values to 5e-7).
 */
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.mul(x, x), GELU_CUBIC), GELU_LINEAR)))) as tf.Tensor2D;
}
