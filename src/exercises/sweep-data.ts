import type { AdapterIndex } from '../lora/checkpoint-reader';
import type { SweepData } from './types';

/** The shipped rank sweep (public/models/adapters/index.json) trimmed to what exercises read: seed-1 runs. */
export function sweepData(index: AdapterIndex): SweepData {
  return {
    totalParams: index.fullFineTune?.trainableParams ?? 0,
    baseLoss: index.base.validationLossOnTask,
    fullFineTuneLoss: index.fullFineTune?.validationLoss ?? 0,
    steps: index.training.steps,
    cells: index.runs.filter((run) => run.seed === 1 && run.targets.every((t) => ['wq', 'wk', 'wv', 'wo'].includes(t)))
      .map((run) => ({ targets: [...run.targets], r: run.r, trainableParams: run.trainableParams, validationLoss: run.validationLoss })),
  };
}
