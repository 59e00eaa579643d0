/**
 * The trainer's settings as the reader gives them: from attributes, and from the controls as they move. Text
 * becomes values in lora-trainer-settings.ts; these commands apply them to the controller, with a message next
 * to the control when the text could not be used as given. No DOM: the element passes the text in.
 */
import { BACKEND_CHOICES, DEFAULT_SETTINGS, RULES, readNumber, readTargets, readTask, type BackendChoice, type TargetGroup, type TrainerSettings } from '../lora-trainer-settings';
import type { TrainerController } from './controller';
import { english, type Translate } from '../../i18n/translate';
import { isLocked } from './state';

export type NumberSetting = 'r' | 'alpha' | 'lr' | 'steps';
export type TrainerAttributes = Record<'r' | 'alpha' | 'targets' | 'lr' | 'steps' | 'task' | 'backend', string | null>;

export function readBackend(text: string | null, t: Translate = english): { value: BackendChoice; message: string } {
  if (text === null) return { value: 'auto', message: '' };
  const value = BACKEND_CHOICES.find((b) => b === text.trim().toLowerCase());
  return value ? { value, message: '' } : { value: 'auto', message: t('trainer.backendUnknown', { text: `“${text.slice(0, 24)}”`, choices: BACKEND_CHOICES.join(', ') }) };
}

/** All attributes at once (on connection and whenever one changes). Settings locked by training make it Reset. */
export function applyAttributes(trainer: TrainerController, attrs: TrainerAttributes): void {
  const d = DEFAULT_SETTINGS;
  const t = trainer.t;
  const r = readNumber(attrs.r, RULES.r, d.r, t);
  const alpha = readNumber(attrs.alpha, RULES.alpha, attrs.r !== null ? r.value : d.alpha, t);
  const lr = readNumber(attrs.lr, RULES.lr, d.lr, t);
  const steps = readNumber(attrs.steps, RULES.steps, d.steps, t);
  const targets = readTargets(attrs.targets, undefined, t);
  const task = readTask(attrs.task, undefined, t);
  const backend = readBackend(attrs.backend, t);
  const next: TrainerSettings = { r: r.value, alpha: alpha.value, lr: lr.value, steps: steps.value, targets: targets.value, task: task.value };
  const { settings } = trainer.snapshot;
  const changed = JSON.stringify(next) !== JSON.stringify(settings);
  const taskChanged = next.task !== settings.task;
  const locked = isLocked(trainer.state);
  trainer.update({
    settings: next,
    messages: { ...trainer.snapshot.messages, r: r.message, alpha: alpha.message, lr: lr.message, steps: steps.message, targets: targets.message, task: task.message, backend: backend.message },
  });
  if (changed && locked) void trainer.reset(false);
  else if (taskChanged) changeTask(trainer);
  if (backend.value !== trainer.snapshot.backendChoice) {
    if (trainer.session || trainer.snapshot.phase.kind === 'loading') void trainer.setBackend(backend.value);
    else trainer.update({ backendChoice: backend.value });
  }
}

/** A number control moved: read it (clamping, with a message); `live` while a slider is dragged. */
export function setNumber(trainer: TrainerController, name: NumberSetting, text: string, live: boolean): void {
  const s = trainer.snapshot;
  if (isLocked(trainer.state) && name !== 'steps') return trainer.update({}); // the render puts the control back
  let reading = readNumber(text, RULES[name], s.settings[name], trainer.t);
  const floor = trainer.currentStep() + 1;
  if (name === 'steps' && trainer.running && reading.value < floor) {
    reading = { value: floor, message: trainer.t('trainer.stepsFloor', { done: floor - 1, next: floor }) };
  }
  trainer.update({ settings: { ...s.settings, [name]: reading.value }, messages: { ...s.messages, [name]: live ? '' : reading.message } });
  if (name === 'steps') {
    trainer.message('train', '');
    // A run under way stops at the new total (never before the step it is on).
    const phase = trainer.snapshot.phase;
    const offset = 'run' in phase && phase.run === 'full' ? 0 : trainer.snapshot.curves.lora.offset;
    trainer.session?.setTotalSteps(trainer.snapshot.settings.steps - offset);
  }
}

export function setTargets(trainer: TrainerController, chosen: TargetGroup[]): void {
  const s = trainer.snapshot;
  if (isLocked(trainer.state)) return trainer.update({});
  trainer.update({
    settings: chosen.length ? { ...s.settings, targets: chosen } : s.settings,
    messages: { ...s.messages, targets: chosen.length ? '' : trainer.t('trainer.targetsKept') },
  });
}

export function setTask(trainer: TrainerController, text: string): void {
  const s = trainer.snapshot;
  if (isLocked(trainer.state)) return trainer.update({});
  const task = readTask(text, undefined, trainer.t);
  trainer.update({ messages: { ...s.messages, task: task.message } });
  if (task.value === s.settings.task) return;
  trainer.update({ settings: { ...s.settings, task: task.value } });
  changeTask(trainer);
  if (task.value === 'own' && !trainer.snapshot.ownList) trainer.host.announce(trainer.t('trainer.ownListHint'));
}

/**
 * Full rank: r = 128 on every matrix, to set beside full fine-tuning (lesson 5: at full rank B A can be any ΔW).
 * Alpha stays as it is, as the shipped runs keep it fixed while r varies.
 */
export function setFullRank(trainer: TrainerController): void {
  if (isLocked(trainer.state)) return trainer.message('train', trainer.t('trainer.resetFirstSettings'));
  const s = trainer.snapshot;
  trainer.update({ settings: { ...s.settings, r: RULES.r.max, targets: ['Wq', 'Wk', 'Wv', 'Wo', 'MLP'] }, messages: { ...s.messages, r: '', targets: '' } });
}

/** Before training: the new task's (or list's) base validation loss replaces the old one. */
export function changeTask(trainer: TrainerController): void {
  const { curves } = trainer.snapshot;
  trainer.update({ baseValLoss: null, curves: { lora: { ...curves.lora, val: [] }, full: { ...curves.full, val: [] } } });
  const session = trainer.session;
  if (session) void trainer.enqueue('loading the names', () => trainer.prepareTask(session)).catch((e) => trainer.fail(trainer.t('trainer.namesFailed', { error: (e as Error).message })));
}
