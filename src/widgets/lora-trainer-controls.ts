/**
 * The trainer's settings as the reader gives them: from attributes, and from the controls as they move. Text
 * becomes values in lora-trainer-settings.ts; this file applies them, with a message next to the control.
 */
import { setMessage } from './widget-element';
import { count } from './lora-trainer-render';
import { DEFAULT_SETTINGS, RULES, TARGET_GROUPS, readNumber, readTargets, readTask, type TrainerSettings } from './lora-trainer-settings';
import { currentStep, reset } from './lora-trainer-training';
import type { SettingName } from './lora-trainer-view';
import type { TrainerHost } from './lora-trainer-host';

export function readAttributes(t: TrainerHost): void {
  const d = DEFAULT_SETTINGS;
  const r = readNumber(t.getAttribute('r'), RULES.r, d.r);
  const alpha = readNumber(t.getAttribute('alpha'), RULES.alpha, t.hasAttribute('r') ? r.value : d.alpha);
  const lr = readNumber(t.getAttribute('lr'), RULES.lr, d.lr);
  const steps = readNumber(t.getAttribute('steps'), RULES.steps, d.steps);
  const targets = readTargets(t.getAttribute('targets'));
  const task = readTask(t.getAttribute('task'));
  const next: TrainerSettings = { r: r.value, alpha: alpha.value, lr: lr.value, steps: steps.value, targets: targets.value, task: task.value };
  const { messages } = t.view;
  setMessage(messages.r, r.message, t.view.inputs.r);
  setMessage(messages.alpha, alpha.message, t.view.inputs.alpha);
  setMessage(messages.lr, lr.message, t.view.inputs.lr);
  setMessage(messages.steps, steps.message, t.view.inputs.steps);
  setMessage(messages.targets, targets.message);
  setMessage(messages.task, task.message, t.view.inputs.task);
  const changed = JSON.stringify(next) !== JSON.stringify(t.settings);
  const taskChanged = next.task !== t.settings.task;
  t.settings = next;
  if (changed && t.locked) void reset(t, false);
  else if (taskChanged) changeTask(t);
  t.render();
  t.emitChange();
}

/** A control moved: read it (clamping, with a message), update counts; `live` while a slider is dragged. */
export function readControl(t: TrainerHost, name: SettingName | 'temperature', live: boolean): void {
  const { inputs, messages, targets } = t.view;
  if (name === 'temperature') {
    t.temperature = Number(inputs.temperature.value);
    t.render();
    if (!live) void t.resample();
    return;
  }
  if (t.locked && name !== 'steps') {
    t.render(); // puts the control back
    return;
  }
  if (name === 'targets') {
    const chosen = TARGET_GROUPS.filter((g) => targets[g].checked);
    setMessage(messages.targets, chosen.length ? '' : 'Choose at least one matrix; the last one is kept.');
    if (chosen.length) t.settings.targets = chosen;
  } else if (name === 'task') {
    const task = readTask(inputs.task.value);
    setMessage(messages.task, task.message, inputs.task);
    if (task.value !== t.settings.task) {
      t.settings.task = task.value;
      changeTask(t);
    }
  } else {
    let reading = readNumber(inputs[name].value, RULES[name], t.settings[name]);
    const floor = currentStep(t) + 1;
    if (name === 'steps' && (t.status === 'training' || t.status === 'paused') && reading.value < floor) {
      reading = { value: floor, message: `Training is already at step ${count(floor - 1)}, so it stops at step ${count(floor)}.` };
    }
    setMessage(messages[name], live ? '' : reading.message, inputs[name]);
    t.settings[name] = reading.value;
    if (!live) inputs[name].value = String(reading.value);
  }
  if (name === 'steps') {
    setMessage(messages.train, '');
    // A run under way stops at the new total (never before the step it is on).
    t.session?.setTotalSteps(t.settings.steps - (t.runMode === 'full' ? 0 : t.lora.offset));
  }
  t.render();
  if (!live) {
    t.announce(t.countsSentence());
    t.emitChange();
  }
}

/** Before training: the new task's base validation loss replaces the old one. */
function changeTask(t: TrainerHost): void {
  t.baseVal = null;
  t.lora.val = [];
  t.full.val = [];
  const session = t.session;
  if (session) void t.enqueue('loading the names', () => t.prepareTask(session)).catch((e) => t.fail(`The names could not be loaded: ${(e as Error).message}`));
}
