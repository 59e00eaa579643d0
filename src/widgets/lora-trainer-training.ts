/**
 * The trainer's runs: Train (LoRA or the full fine-tuning baseline), Pause, Resume and Reset, and the loss
 * curves each step adds to. The steps themselves run in the tfjs session (lora-trainer-session.ts).
 */
import { setMessage } from './widget-element';
import { groupsInWords } from './lora-trainer-settings';
import { count, last } from './lora-trainer-render';
import type { TrainerHost } from './lora-trainer-host';
import type { StepReport } from '../lora/train';

export async function train(t: TrainerHost, mode: 'lora' | 'full'): Promise<void> {
  setMessage(t.view.messages.train, '');
  if (t.status === 'paused') {
    if (t.runMode === mode) resume(t);
    return;
  }
  if (t.status === 'training' || t.busy || t.starting) return;
  t.starting = true;
  try {
    const session = t.session ?? (await t.open());
    if (!session) return;
    const epoch = t.epoch;
    await t.queue;
    const done = mode === 'lora' ? t.lora.step : t.full.step;
    if (done >= t.settings.steps) {
      setMessage(t.view.messages.train, `Training has reached ${count(t.settings.steps)} steps; raise Steps to train further.`);
      return;
    }
    if (mode === 'lora' && t.lora.step === 0 && t.lora.offset === 0 && JSON.stringify(session.loraConfig) !== JSON.stringify(t.loraConfig())) {
      session.configure(t.loraConfig());
    }
    await t.prepareTask(session);
    const offset = mode === 'lora' ? t.lora.offset : 0;
    if (epoch !== t.epoch || t.session !== session) return;
    const reports = await session.run(mode, { lr: t.settings.lr, steps: t.settings.steps - offset, task: t.settings.task });
    t.starting = false;
    t.runMode = mode;
    t.pausedBy = null;
    t.setStatus('training');
    t.announce(mode === 'lora' ? `Training LoRA, rank ${t.settings.r} on ${groupsInWords(t.settings.targets)}.` : 'Training every weight (full fine-tuning) as a baseline.');
    t.loop = consume(t, mode, reports, offset);
    await t.loop;
  } catch (e) {
    t.fail(`Training stopped: ${(e as Error).message}`);
  } finally {
    t.starting = false;
    t.loop = null;
  }
}

async function consume(t: TrainerHost, mode: 'lora' | 'full', reports: AsyncGenerator<StepReport, void, void>, offset: number): Promise<void> {
  const curve = mode === 'lora' ? t.lora : t.full;
  let finished = true;
  for await (const report of reports) {
    if (!t.session) {
      finished = false;
      break;
    }
    const step = report.step + offset;
    curve.train.push(report.trainLoss);
    curve.step = step;
    if (report.valLoss !== null) curve.val.push([step, report.valLoss]);
    t.stepsPerSecond = report.stepsPerSecond;
    t.render();
    t.emitChange();
  }
  if (!t.session || (t.status !== 'training' && t.status !== 'paused')) finished = false;
  if (!finished || curve.step < t.settings.steps) return;
  t.setStatus('done');
  const val = last(curve.val);
  await t.enqueue('sampling', async () => {
    const session = t.session!;
    // The temperature may have moved during the run: "before" must use the same one as "after".
    if (t.samples.temperature !== t.temperature) await t.sampleBase(session);
    const names = await session.samples(mode, t.temperature);
    if (mode === 'lora') t.samples.after = names;
    else t.samples.full = names;
  });
  t.announce(`${mode === 'lora' ? 'LoRA' : 'Full fine-tuning'} finished ${count(curve.step)} steps: validation loss ${val ? val[1].toFixed(3) : '?'}` +
    `${t.baseVal !== null ? `, from ${t.baseVal.toFixed(3)} for the base model` : ''}. New sample names are below.`);
}

export function pause(t: TrainerHost, by: 'button' | 'scroll'): void {
  if (t.status !== 'training') return;
  t.session?.pause();
  t.pausedBy = by;
  t.setStatus('paused');
  t.announce(by === 'scroll'
    ? 'Training paused because the trainer scrolled out of view; it goes on when you scroll back.'
    : `Training paused; the step under way finishes first. Press Resume to go on.`);
}

export function resume(t: TrainerHost): void {
  if (t.status !== 'paused') return;
  t.session?.resume();
  t.pausedBy = null;
  t.setStatus('training');
  t.announce(`Training resumed at step ${currentStep(t)}.`);
}

export function currentStep(t: TrainerHost): number {
  return t.runMode === 'full' ? t.full.step : t.lora.step;
}

/** Stops any run and rebuilds the model from the downloaded weights: step 0, base model exactly. */
export async function reset(t: TrainerHost, announce: boolean): Promise<void> {
  const session = t.session;
  t.epoch++;
  session?.cancel();
  await t.loop;
  t.lora = { train: [], val: t.baseVal !== null ? [[0, t.baseVal]] : [], step: 0, offset: 0 };
  t.full = { train: [], val: t.baseVal !== null ? [[0, t.baseVal]] : [], step: 0 };
  t.stepsPerSecond = null;
  t.runMode = null;
  t.pausedBy = null;
  t.mergeResult = null;
  t.samples.full = [];
  setMessage(t.view.messages.train, '');
  if (!session) {
    t.render();
    t.emitChange();
    return;
  }
  t.setStatus('ready');
  await t.enqueue('resetting', async () => {
    session.configure(t.loraConfig());
    await t.prepareTask(session);
    t.resetDifference = session.differenceFromBase();
    t.samples.after = t.samples.before.slice();
  });
  if (announce) {
    t.announce(`Reset: step 0, and the model is the base model again (largest weight difference ${t.resetDifference}).`);
  }
}
