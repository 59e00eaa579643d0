/**
 * What <rankbook-lora-trainer> shows, drawn from its state alone: the state object (el.state) is the single
 * description of the widget, so whatever a test or an embedding page reads is what the reader sees.
 */
import { fill, h, } from '../dom';
import { setMessage } from '../widget-element';
import type { TrainerView } from './view';
import { TARGET_GROUPS, TASK_LABELS, BACKEND_CHOICES, formatBytes, formatPercent, groupsInWords, showNumber } from '../lora-trainer-settings';
import { isLocked, type LoraTrainerState, type MessageSlot } from './state';
import { count } from './controller';
import { ms } from './adapter';
import { cleaningDetails, cleaningHeadline } from './own-list';

export const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
const loss = (x: number | undefined) => (x === undefined ? 'not measured yet' : x.toFixed(3));
export const BACKEND_WORDS: Record<string, string> = { webgl: 'WebGL (graphics card)', wasm: 'WebAssembly (processor)', cpu: 'plain JavaScript (processor)' };
const CHOICE_WORDS: Record<string, string> = { auto: 'Automatic', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'Plain JavaScript' };
const rate = (x: number) => x.toFixed(x < 10 ? 1 : 0);

const running = (s: LoraTrainerState) => s.status === 'training' || s.status === 'paused';
const loaded = (s: LoraTrainerState) => s.backend !== null;

export function countsSentence(s: LoraTrainerState): string {
  return `LoRA rank ${s.r} on ${groupsInWords(s.targets)} trains ${count(s.trainableParams)} numbers, ` +
    `${formatPercent(s.trainableParams, s.totalParams)} of the model's ${count(s.totalParams)}; Adam keeps ${formatBytes(s.optimizerStateBytes)} ` +
    `of optimiser state (full fine-tuning: ${count(s.totalParams)} numbers, ${formatBytes(s.fullOptimizerStateBytes)}).`;
}

export function renderTrainer(v: TrainerView, s: LoraTrainerState): void {
  renderSettings(v, s);
  renderBackend(v, s);
  renderMessages(v, s);
  renderButtons(v, s);
  const step = s.run === 'full' ? s.fullStep : s.step;
  v.progress.max = s.steps;
  v.progress.value = Math.min(s.steps, step);
  const speed = s.stepsPerSecond ? ` · ${s.stepsPerSecond.toFixed(s.stepsPerSecond < 10 ? 2 : 0)} steps a second` : '';
  v.parts.progressText.textContent = `step ${count(step)} of ${count(s.steps)}${speed}`;
  v.parts.status.textContent = statusSentence(s);
  v.parts.reset.textContent = s.resetDifference !== null && s.step === 0
    ? `After Reset the model's ${count(s.totalParams)} weights equal the downloaded base model's exactly (largest difference ${s.resetDifference}).` : '';
  renderChart(v, s);
  renderSamples(v, s);
  renderMerge(v, s);
  renderOwnList(v, s);
}

/** "Your own list": shown while it is the task; what the cleaning did, line by line. */
function renderOwnList(v: TrainerView, s: LoraTrainerState): void {
  const own = s.ownList;
  const locked = isLocked(s);
  v.parts.ownBox.hidden = s.task !== 'own';
  v.inputs.task.querySelector<HTMLOptionElement>('option[value="own"]')!.textContent = own ? `your own list (${count(own.words)} words)` : 'your own list';
  // Never disabled while busy: a textarea being typed into would lose focus; the commands wait their turn anyway.
  for (const el of [v.inputs.list, v.inputs.listFile, v.buttons.useList]) el.disabled = locked;
  v.inputs.keepList.checked = s.keepOwnList;
  if (!own) {
    fill(v.parts.ownSummary, h('p', { class: 'rb-note' }, 'No list yet: the trainer needs at least 30 different words.'));
    return;
  }
  const from = own.origin === 'file' ? 'from your file' : own.origin === 'kept' ? 'kept in this browser' : 'pasted';
  fill(v.parts.ownSummary,
    h('p', { class: 'rb-result' }, `In use (${from}): ${cleaningHeadline(own.cleaning, own.words)}.`),
    h('ul', { class: 'rb-trainer-own-details' }, ...cleaningDetails(own.cleaning).map((line) => h('li', {}, line))),
    h('p', { class: 'rb-note' }, `Content hash ${own.hash}. An adapter trained on this list records the hash and the word count (${count(own.words)}), never the words.`));
}

function renderSettings(v: TrainerView, s: LoraTrainerState): void {
  const locked = isLocked(s);
  v.inputs.r.value = String(s.r);
  v.inputs.alpha.value = String(s.alpha);
  // A number box being typed into keeps its text (training redraws every step); it is set on change instead.
  for (const [el, value] of [[v.inputs.lr, s.lr], [v.inputs.steps, s.steps]] as const) {
    if (document.activeElement !== el) el.value = String(value);
  }
  v.inputs.task.value = s.task;
  v.inputs.r.setAttribute('aria-valuetext', `rank ${s.r}: ${count(s.trainableParams)} trainable numbers, ${formatPercent(s.trainableParams, s.totalParams)} of the model`);
  v.inputs.alpha.setAttribute('aria-valuetext', `alpha ${s.alpha}: B A is scaled by ${showNumber(s.alpha / s.r)}`);
  v.inputs.temperature.setAttribute('aria-valuetext', `temperature ${s.temperature}${s.temperature === 0 ? ', always the likeliest letter' : ''}`);
  v.outputs.r.textContent = String(s.r);
  v.outputs.alpha.textContent = `${s.alpha} (scale ${showNumber(s.alpha / s.r)})`;
  v.outputs.temperature.textContent = s.temperature.toFixed(1);
  for (const g of TARGET_GROUPS) {
    v.targets[g].checked = s.targets.includes(g);
    v.targets[g].disabled = locked;
  }
  for (const el of [v.inputs.r, v.inputs.alpha, v.inputs.lr, v.inputs.task]) el.disabled = locked;
  v.parts.locked.hidden = !locked;
  v.parts.counts.textContent = countsSentence(s);
  v.buttons.fullRank.disabled = locked || (s.r === 128 && s.targets.length === TARGET_GROUPS.length);
}

/** The backend line, the notice, and the chooser with each backend's measured speed once it has trained. */
function renderBackend(v: TrainerView, s: LoraTrainerState): void {
  const ready = s.readySeconds !== null ? ` · ready in ${s.readySeconds.toFixed(1)} s` : '';
  v.parts.backend.textContent = s.backend ? `${BACKEND_WORDS[s.backend] ?? s.backend}${ready}`
    : s.status === 'loading' ? 'loading tfjs and the model…' : s.status === 'error' ? 'none' : 'not loaded yet (it loads when the trainer comes into view)';
  v.parts.notice.textContent = s.backendNotice;
  v.parts.notice.hidden = !s.backendNotice;
  v.inputs.backend.value = s.backendChoice;
  v.inputs.backend.disabled = running(s) || s.status === 'loading' || !!s.busy;
  for (const choice of BACKEND_CHOICES) {
    const measured = choice === 'auto' ? undefined : s.backendRates[choice];
    const option = v.inputs.backend.querySelector<HTMLOptionElement>(`option[value="${choice}"]`)!;
    option.textContent = `${CHOICE_WORDS[choice]}${measured ? ` (measured ${rate(measured)} steps/s)` : ''}`;
  }
  const rates = Object.entries(s.backendRates).map(([name, x]) => `${CHOICE_WORDS[name]} ${rate(x)}`);
  v.parts.rates.textContent = rates.length ? `LoRA steps a second measured on this page: ${rates.join(', ')}.` : '';
}

const MESSAGE_CONTROL: Partial<Record<MessageSlot, keyof TrainerView['inputs']>> = { r: 'r', alpha: 'alpha', lr: 'lr', steps: 'steps', task: 'task', list: 'list', listFile: 'listFile', file: 'file', backend: 'backend' };

function renderMessages(v: TrainerView, s: LoraTrainerState): void {
  for (const slot of Object.keys(v.messages) as MessageSlot[]) {
    const control = MESSAGE_CONTROL[slot];
    setMessage(v.messages[slot], s.messages[slot] ?? '', control ? v.inputs[control] : undefined);
  }
  v.parts.fileResult.textContent = s.fileResult;
}

function renderButtons(v: TrainerView, s: LoraTrainerState): void {
  const b = v.buttons;
  const free = loaded(s) && !s.busy;
  const pausedRun = s.status === 'paused' ? s.run : null;
  b.train.textContent = pausedRun === 'lora' ? 'Resume' : 'Train';
  b.full.textContent = pausedRun === 'full' ? 'Resume full fine-tune' : 'Full fine-tune (baseline)';
  b.train.disabled = pausedRun ? pausedRun !== 'lora' : s.status === 'loading' || s.status === 'training' || !!s.busy || s.merged;
  b.full.disabled = pausedRun ? pausedRun !== 'full' : !free || running(s) || s.merged;
  b.pause.disabled = s.status !== 'training';
  b.reset.disabled = !loaded(s) || s.status === 'loading';
  b.merge.disabled = !free || running(s) || (s.step === 0 && !s.merged);
  b.merge.textContent = s.merged ? 'Unmerge' : 'Merge into W₀';
  b.download.disabled = !free || s.step === 0;
  b.resample.disabled = !free || running(s);
  v.inputs.temperature.disabled = !loaded(s);
  v.inputs.file.disabled = running(s) || !!s.busy;
}

function statusSentence(s: LoraTrainerState): string {
  const which = s.run === 'full' ? 'Full fine-tuning' : 'LoRA';
  const step = count(s.run === 'full' ? s.fullStep : s.step);
  const busy = s.busy ? ` (${s.busy}…)` : '';
  const base = s.baseValLoss !== null ? ` (base model ${loss(s.baseValLoss)})` : '';
  switch (s.status) {
    case 'idle': return 'The model loads when the trainer comes into view, or when you press Train.';
    case 'loading': return 'Loading tfjs, the base model (1.6 MB) and the names…';
    case 'error': return 'The trainer could not start; the table above shows results measured beforehand.';
    case 'training': return `${which} is training: step ${step} of ${count(s.steps)}.${busy}`;
    case 'paused': return s.pausedBy === 'scroll'
      ? `${which} paused at step ${step} while the trainer is out of view; it goes on when you scroll back.`
      : `${which} paused at step ${step}.`;
    case 'done': return `${which} finished ${step} steps: validation loss ${loss(last(s.run === 'full' ? s.fullValLoss : s.valLoss))}${base}.${busy}`;
    default: return s.step > 0 ? `Loaded adapter, ${step} steps trained.${busy}` : `Ready: press Train.${busy}`;
  }
}

function renderChart(v: TrainerView, s: LoraTrainerState): void {
  const perStep = (xs: number[], firstStep: number) => xs.map((y, i) => [firstStep + i, y] as [number, number]);
  const pairs = (steps: number[], losses: number[]) => steps.map((x, i) => [x, losses[i]] as [number, number]);
  const series = [
    { label: 'LoRA train', points: perStep(s.trainLoss, s.step - s.trainLoss.length + 1) },
    { label: 'LoRA val.', points: pairs(s.valSteps, s.valLoss) },
  ];
  if (s.fullStep > 0) {
    series.push({ label: 'full train', points: perStep(s.fullTrainLoss, 1) }, { label: 'full val.', points: pairs(s.fullValSteps, s.fullValLoss) });
  }
  // The shipped runs of the same recipe, validation only: where the reader's curves should land.
  for (const ref of s.references) series.push({ label: `${ref.label} val.`, points: ref.points });
  const base = s.baseValLoss !== null ? ` (base model ${loss(s.baseValLoss)})` : '';
  const description = s.step === 0 && s.fullStep === 0
    ? `No training yet.${s.baseValLoss !== null ? ` The base model's validation loss on ${TASK_LABELS[s.task]} is ${loss(s.baseValLoss)}.` : s.task === 'own' && !s.ownList ? ' Give the trainer your list to see the base model’s loss on it.' : ''}`
    // Each run is described only once it has steps: full fine-tuning may run before any LoRA step.
    : [s.step > 0 ? `LoRA: ${count(s.step)} steps, training loss ${loss(last(s.trainLoss))}, validation loss ${loss(last(s.valLoss))} at step ${last(s.valSteps) ?? 0}${base}.` : `LoRA: not trained yet${base}.`,
      s.fullStep > 0 ? `Full fine-tuning: ${count(s.fullStep)} steps, validation loss ${loss(last(s.fullValLoss))} at step ${last(s.fullValSteps) ?? 0}.` : '']
      .filter(Boolean).join(' ');
  const refs = s.references.map((r) => `${r.label === 'shipped full' ? 'the shipped full fine-tune' : `the shipped run ${r.name}`} reached ${loss(last(r.points)?.[1])} at step ${last(r.points)?.[0]}`);
  const refSentence = refs.length ? ` For reference, ${refs.join(' and ')}.` : '';
  v.chart.update(series, { xDomain: [0, Math.max(s.steps, s.step, s.fullStep, 1)], description: description + refSentence, dots: s.steps <= 20 });
  v.parts.chartNote.textContent = `${description}${refSentence} Training loss (train) is measured on each step’s batch of 64 windows of names, so it ` +
    'is noisy; validation loss (val.) is measured on names the model never trains on.';
}

function renderSamples(v: TrainerView, s: LoraTrainerState): void {
  const items = (names: string[]) => names.map((n) => h('li', {}, n || '(empty)'));
  fill(v.samples.before, ...items(s.samplesBefore));
  fill(v.samples.after, ...items(s.samplesAfter));
  fill(v.samples.full, ...items(s.samplesFull));
  v.samples.fullBox.hidden = s.samplesFull.length === 0;
  v.samples.afterTitle.textContent = s.samplesAfterStep > 0 ? `After LoRA, step ${count(s.samplesAfterStep)}` : 'After LoRA (no training yet)';
}

function renderMerge(v: TrainerView, s: LoraTrainerState): void {
  const m = s.merge;
  if (!(s.merged && m)) {
    fill(v.parts.merge, h('p', { class: 'rb-note' },
      'Merging adds (α/r) B A into each adapted W₀: the outputs stay the same, and inference then costs what the base model costs.'));
    return;
  }
  const row = (label: string, x: number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, ms(x)));
  fill(v.parts.merge,
    h('p', {}, `Merged into ${m.matrices} weight matrices. The largest change in any output (logit) over 64 validation windows is ` +
      `${m.maxAbsDiff.toExponential(1)}: float32 rounding, the same model. Unmerge to train further.`),
    h('table', { class: 'rb-trainer-latency' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), h('th', { scope: 'col' }, 'Forward pass, 8 names (median)'))),
      h('tbody', {}, row('Base model', m.latencyMs.base), row('Unmerged: W₀ x + (α/r) B A x', m.latencyMs.unmerged),
        row('Merged: (W₀ + (α/r) B A) x', m.latencyMs.merged))));
}
