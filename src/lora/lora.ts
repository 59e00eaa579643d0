/**
 * LoRA adapters as in Hu et al. (2021) and Hugging Face peft:
 *   h = W0 x + s · B A x,   s = alpha / r   (rsLoRA: alpha / sqrt(r))
 * with A (r x k) random and B (d x r) zero, so an adapted model starts exactly equal to its base.
 * A and B are stored in the paper's shapes; the model keeps W0 in the row-vector layout [k, d]
 * (y = x W0), so the branch is x A^T B^T. Only A and B are trainable; W0 is never written except
 * by merge/unmerge, which fold s · B A into W0 and take it out again.
 * Each A is drawn from its own stream, seeded by (seed, block, matrix, r): adapters that differ only in
 * rank start from unrelated numbers, so comparing their subspaces measures training, not a shared start.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type LoraConfig, type LoraTarget, loraScale, validateLoraConfig } from './config';
import { type Rng, createRng, deriveSeed, normalArray, uniformArray } from './random';

export class LoraAdapter {
  /** A: r x k (k = input width). */
  readonly A: tf.Variable;
  /** B: d x r (d = output width), zeros at start. */
  readonly B: tf.Variable;
  readonly scale: number;
  private mergedFlag = false;

  constructor(
    readonly inDim: number,
    readonly outDim: number,
    readonly config: LoraConfig,
    rng: Rng,
  ) {
    const { r } = config;
    // peft: kaiming_uniform_(a=sqrt(5)) gives U(-1/sqrt(k), 1/sqrt(k)); "gaussian" gives N(0, 1/r^2).
    const a =
      config.init === 'gaussian' ? normalArray(r * inDim, 1 / r, rng) : uniformArray(r * inDim, 1 / Math.sqrt(inDim), rng);
    // tidy disposes the initial tensors, which tf.variable would otherwise leave alive beside A and B.
    this.A = tf.tidy(() => tf.variable(tf.tensor2d(a, [r, inDim]), true));
    this.B = tf.tidy(() => tf.variable(tf.zeros([outDim, r]), true));
    this.scale = loraScale(config);
  }

  get merged(): boolean {
    return this.mergedFlag;
  }

  get paramCount(): number {
    return this.A.size + this.B.size;
  }

  /** s · B A x for a batch of row vectors x [n, k] -> [n, d]. Dropout applies to x on this branch only. */
  delta(x: tf.Tensor2D, training: boolean, dropoutSeed: number): tf.Tensor2D {
    return tf.tidy(() => {
      const input = training && this.config.dropout > 0 ? tf.dropout(x, this.config.dropout, undefined, dropoutSeed) : x;
      // Explicit transposes: matMul's transpose flags are very slow on the wasm backend.
      const down = tf.matMul(input as tf.Tensor2D, tf.transpose(this.A) as tf.Tensor2D);
      return tf.mul(tf.matMul(down, tf.transpose(this.B) as tf.Tensor2D), this.scale) as tf.Tensor2D;
    });
  }

  /** s · (B A)^T: the update in the model's [k, d] weight layout. */
  weightDelta(): tf.Tensor2D {
    return tf.tidy(() => tf.mul(tf.transpose(tf.matMul(this.B, this.A)), this.scale) as tf.Tensor2D);
  }

  /** W0 <- W0 + s B A; the branch is then skipped, so inference costs what the base model costs. */
  merge(w: tf.Variable): void {
    if (this.mergedFlag) return;
    tf.tidy(() => w.assign(tf.add(w, this.weightDelta())));
    this.mergedFlag = true;
  }

  /** W0 <- W0 - s B A (restores W0 up to float32 rounding). */
  unmerge(w: tf.Variable): void {
    if (!this.mergedFlag) return;
    tf.tidy(() => w.assign(tf.sub(w, this.weightDelta())));
    this.mergedFlag = false;
  }

  dispose(): void {
    this.A.dispose();
    this.B.dispose();
  }
}

/** The seed of one adapter's A: every part matters, the rank included. */
export function adapterInitSeed(seed: number, block: number, target: LoraTarget, r: number): number {
  return deriveSeed('lora-A', seed, block, target, r);
}

/** A weight the model exposes for adaptation: block index, target name and the W0 variable ([k, d]). */
export interface AdaptableWeight {
  block: number;
  target: LoraTarget;
  weight: tf.Variable;
  setAdapter(adapter: LoraAdapter | null): void;
}

/** Everything attached to one model for one LoRA config. */
export class LoraAttachment {
  readonly adapters: Array<{ name: string; slot: AdaptableWeight; adapter: LoraAdapter }> = [];

  constructor(
    slots: AdaptableWeight[],
    readonly config: LoraConfig,
    seed: number,
  ) {
    validateLoraConfig(config);
    for (const slot of slots) {
      if (!config.targets.includes(slot.target)) continue;
      const [k, d] = slot.weight.shape;
      const adapter = new LoraAdapter(k, d, config, createRng(adapterInitSeed(seed, slot.block, slot.target, config.r)));
      slot.setAdapter(adapter);
      this.adapters.push({ name: `block${slot.block}.${slot.target}`, slot, adapter });
    }
  }

  /** The trainable variables: every A and B. */
  variables(): tf.Variable[] {
    return this.adapters.flatMap(({ adapter }) => [adapter.A, adapter.B]);
  }

  get paramCount(): number {
    return this.adapters.reduce((n, { adapter }) => n + adapter.paramCount, 0);
  }

  get merged(): boolean {
    return this.adapters.length > 0 && this.adapters.every(({ adapter }) => adapter.merged);
  }

  merge(): void {
    for (const { slot, adapter } of this.adapters) adapter.merge(slot.weight);
  }

  unmerge(): void {
    for (const { slot, adapter } of this.adapters) adapter.unmerge(slot.weight);
  }

  /** A and B of each adapted matrix in the paper's shapes, copied out (for checkpoints and the subspace lesson). */
  factors(): Array<{ name: string; A: { shape: number[]; data: Float32Array }; B: { shape: number[]; data: Float32Array } }> {
    return this.adapters.map(({ name, adapter }) => ({
      name,
      A: { shape: adapter.A.shape.slice(), data: new Float32Array(adapter.A.dataSync()) },
      B: { shape: adapter.B.shape.slice(), data: new Float32Array(adapter.B.dataSync()) },
    }));
  }

  /** Overwrite A and B (e.g. from a saved adapter). Names and shapes must match. */
  setFactors(factors: Record<string, { shape: number[]; data: Float32Array }>): void {
    for (const { name, adapter } of this.adapters) {
      for (const part of ['A', 'B'] as const) {
        const f = factors[`${name}.${part}`];
        const v = adapter[part];
        if (!f) throw new Error(`adapter weights lack ${name}.${part}`);
        if (f.shape.join('x') !== v.shape.join('x')) {
          throw new Error(`${name}.${part}: shape ${f.shape.join('x')} does not match ${v.shape.join('x')}`);
        }
        tf.tidy(() => v.assign(tf.tensor(f.data, v.shape)));
      }
    }
  }

  /** Unmerge if needed, remove the branches from the model and free A and B. */
  detach(): void {
    this.unmerge();
    for (const { slot, adapter } of this.adapters) {
      slot.setAdapter(null);
      adapter.dispose();
    }
    this.adapters.length = 0;
  }
}
