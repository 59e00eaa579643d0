/**
 * One LoRA or full fine-tuning run of the TrainerController: the Train press (open the session if needed, set up
 * the adapter and the task, start the steps), the step loop that draws the curves and keeps the samples fresh
 * within SAMPLE_BUDGET, and the samples and announcement at the end. Functions over the controller, no DOM; the
 * controller's train() calls runTraining and keeps the state it shares with a run in its own fields (RunFields).
 */
import type { StepReport } from '../../lora/train';
import { groupsInWords } from '../lora-trainer-settings';
import type { TrainerController } from './controller';
import type { SessionPort } from './session-port';
import { formatLoss } from './words';
import type { Run } from './state';

/** The shipped runs' recipe (public/models/adapters/index.json, "training"): the trainer repeats it. */
export const RECIPE = { batchSize: 64, fullSeed: 1 };
/** Sample refreshes may take at most this share of training time. */
export const SAMPLE_BUDGET = 0.08;
/** ...and come at most this often. */
export const MIN_SAMPLE_EVERY = 5;

export const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The controller's private fields a run reads (live, at each call) and writes. */
export interface RunFields {
  /** Bumped by Reset and whatever drops the session: a run started under another epoch gives up. */
  epoch(): number;
  /** The end of the tfjs job queue (TrainerController.enqueue): the steps start after the jobs before them. */
  queue(): Promise<unknown>;
  /** The step loop in flight, which Reset, a backend change and dispose wait for; null between runs. */
  setLoop(loop: Promise<void> | null): void;
  /** How long drawing a sample list took last time: what a refresh during training will cost. */
  sampleMs(): number;
  setSampleMs(ms: number): void;
}

/** Train (or Resume, when the same run is paused): the controller's train(). */
export async function runTraining(trainer: TrainerController, run: RunFields, mode: Run): Promise<void> {
  trainer.message('train', '');
  const phase = trainer.snapshot.phase;
  if (phase.kind === 'paused') {
    if (phase.run === mode) trainer.resume();
    return;
  }
  if (phase.kind === 'training' || phase.kind === 'starting' || trainer.snapshot.busy) return;
  if (trainer.snapshot.settings.task === 'own' && !trainer.snapshot.ownList) {
    trainer.message('train', trainer.t('trainer.ownListFirst'));
    return;
  }
  const epoch = run.epoch();
  const previous = phase;
  trainer.update({ phase: { kind: 'starting', run: mode } });
  const giveUp = () => {
    if (epoch === run.epoch() && trainer.snapshot.phase.kind === 'starting') trainer.update({ phase: previous.kind === 'loading' || previous.kind === 'idle' ? (trainer.session ? { kind: 'ready' } : previous) : previous });
  };
  try {
    const session = trainer.session ?? (await trainer.open());
    if (!session || epoch !== run.epoch()) return giveUp();
    await run.queue();
    const { settings, curves } = trainer.snapshot;
    const done = mode === 'lora' ? curves.lora.step : curves.full.step;
    if (done >= settings.steps) {
      trainer.message('train', trainer.t('trainer.stepsReached', { steps: settings.steps }));
      return giveUp();
    }
    const seed = trainer.loraSeed();
    if (mode === 'lora' && curves.lora.step === 0 && curves.lora.offset === 0 &&
      (JSON.stringify(session.loraConfig) !== JSON.stringify(trainer.loraConfig()) || session.loraSeed !== seed)) {
      session.configure(trainer.loraConfig(), seed);
    }
    await trainer.prepareTask(session);
    const offset = mode === 'lora' ? trainer.snapshot.curves.lora.offset : 0;
    if (epoch !== run.epoch() || trainer.session !== session) return giveUp();
    const reports = await session.run(mode, {
      lr: settings.lr, steps: settings.steps - offset, task: settings.task, batchSize: RECIPE.batchSize, seed: mode === 'lora' ? seed : RECIPE.fullSeed,
    });
    if (epoch !== run.epoch()) return giveUp();
    trainer.update({ phase: { kind: 'training', run: mode } });
    trainer.host.announce(mode === 'lora' ? trainer.t('trainer.announceLora', { r: settings.r, groups: groupsInWords(settings.targets, trainer.t) }) : trainer.t('trainer.announceFull'));
    const loop = consume(trainer, run, session, mode, reports, offset, epoch);
    run.setLoop(loop);
    await loop;
  } catch (e) {
    trainer.fail(trainer.t('trainer.trainingStopped', { error: (e as Error).message }));
  } finally {
    run.setLoop(null);
  }
}

async function consume(trainer: TrainerController, run: RunFields, session: SessionPort, mode: Run, reports: AsyncIterable<StepReport>, offset: number, epoch: number): Promise<void> {
  const started = now();
  let firstStep: number | null = null;
  let lastSampled = mode === 'lora' ? trainer.snapshot.samples.afterStep : 0;
  let sampleMs = run.sampleMs();
  let refreshMs = 0;
  for await (const report of reports) {
    if (epoch !== run.epoch() || trainer.session !== session) return;
    const step = report.step + offset;
    firstStep ??= step - 1;
    const curve = trainer.snapshot.curves[mode];
    const next = { ...curve, train: [...curve.train, report.trainLoss], step, val: report.valLoss !== null ? [...curve.val, [step, report.valLoss] as [number, number]] : curve.val };
    const wall = (step - firstStep) / ((now() - started) / 1000);
    trainer.update({ curves: { ...trainer.snapshot.curves, [mode]: next }, stepsPerSecond: report.stepsPerSecond, wallStepsPerSecond: wall });
    // Fresh samples every few steps, as often as SAMPLE_BUDGET of the time allows: spaced by the measured cost
    // of a refresh against a step, and never when the run's share so far would go over (a busy machine varies).
    const every = Math.max(MIN_SAMPLE_EVERY, Math.ceil(sampleMs / (SAMPLE_BUDGET * (1000 / report.stepsPerSecond))));
    const elapsed = now() - started;
    const withinBudget = (refreshMs + sampleMs) / (elapsed + sampleMs) <= SAMPLE_BUDGET;
    if (step - lastSampled >= every && withinBudget && step < trainer.snapshot.settings.steps) {
      const t0 = now();
      await refreshSamples(trainer, session, mode, step);
      sampleMs = now() - t0;
      run.setSampleMs(sampleMs);
      refreshMs += sampleMs;
      lastSampled = step;
      trainer.update({ sampleRefreshShare: refreshMs / (now() - started) });
    }
  }
  if (epoch !== run.epoch() || trainer.session !== session || !trainer.running) return;
  const curve = trainer.snapshot.curves[mode];
  if (curve.step < trainer.snapshot.settings.steps) return;
  if (mode === 'lora' && trainer.snapshot.stepsPerSecond) trainer.update({ backendRates: { ...trainer.snapshot.backendRates, [session.backend]: trainer.snapshot.stepsPerSecond } });
  trainer.update({ phase: { kind: 'done', run: mode } });
  await trainer.enqueue('sampling', async () => {
    // The temperature may have moved during the run: "before" must use the same one as "after".
    if (trainer.snapshot.samples.temperature !== trainer.snapshot.temperature) {
      const before = await session.samples('base', trainer.snapshot.temperature);
      trainer.update({ samples: { ...trainer.snapshot.samples, before, temperature: trainer.snapshot.temperature } });
    }
    await refreshSamples(trainer, session, mode, curve.step);
  });
  const val = curve.val[curve.val.length - 1];
  const base = trainer.snapshot.baseValLoss;
  const figures = { steps: curve.step, loss: formatLoss(val?.[1], trainer.t), fromBase: base !== null ? trainer.t('trainer.fromBase', { base: formatLoss(base, trainer.t) }) : '' };
  trainer.host.announce(mode === 'lora' ? trainer.t('trainer.announceLoraDone', figures) : trainer.t('trainer.announceFullDone', figures));
}

/** The adapted (or fully fine-tuned) model's names, at the temperature "before" was drawn with. */
async function refreshSamples(trainer: TrainerController, session: SessionPort, mode: Run, step: number): Promise<void> {
  const names = await session.samples(mode, trainer.snapshot.samples.temperature);
  trainer.update({ samples: mode === 'lora' ? { ...trainer.snapshot.samples, after: names, afterStep: step } : { ...trainer.snapshot.samples, full: names } });
}
