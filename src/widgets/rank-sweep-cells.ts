/** The rank sweep's cells from the shipped index (no DOM, so the component's fallback can use it at build time). */
import type { AdapterIndex } from '../lora/checkpoint-reader';
import type { LoraTarget } from '../lora/config';

export const SWEEP_RANKS = [1, 2, 4, 8, 64];
export const SWEEP_TARGETS = {
  'wq': ['wq'],
  'wq-wv': ['wq', 'wv'],
  'wq-wk-wv-wo': ['wq', 'wk', 'wv', 'wo'],
} as const satisfies Record<string, readonly LoraTarget[]>;
export type TargetsKey = keyof typeof SWEEP_TARGETS;

const NAMES: Record<string, string> = { wq: 'Wq', wk: 'Wk', wv: 'Wv', wo: 'Wo' };
export const targetsLabel = (key: TargetsKey) => `{${SWEEP_TARGETS[key].map((t) => NAMES[t]).join(', ')}}`;

export interface SweepCell {
  targets: TargetsKey;
  r: number;
  trainableParams: number;
  validationLoss: number;
  /** A run made in this browser, when there is one. */
  yours: { loss: number; steps: number } | null;
}

/** Every (targets, r) cell the index has a seed-1 run for, row by row. */
export function sweepCells(index: AdapterIndex, yours: Map<string, { loss: number; steps: number }> = new Map()): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const key of Object.keys(SWEEP_TARGETS) as TargetsKey[]) {
    for (const r of SWEEP_RANKS) {
      const run = index.runs.find((x) => x.seed === 1 && x.r === r && x.targets.join('-') === key);
      if (run) cells.push({ targets: key, r, trainableParams: run.trainableParams, validationLoss: run.validationLoss, yours: yours.get(`${key}/${r}`) ?? null });
    }
  }
  return cells;
}
