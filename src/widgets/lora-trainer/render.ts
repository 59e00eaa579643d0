/**
 * What <rankbook-lora-trainer> shows, drawn from its state alone: the state object (el.state) is the single
 * description of the widget, so whatever a test or an embedding page reads is what the reader sees.
 */
import { fill, h, } from '../dom';
import { setMessage } from '../widget-element';
import type { TrainerView } from './view';
import { TARGET_GROUPS, BACKEND_CHOICES, formatBytes, formatPercent, groupsInWords, listInWords, showNumber, taskLabel } from '../lora-trainer-settings';
import type { BackendName } from '../tf-backend-choice';
import { isLocked, type LoraTrainerState, type MessageSlot } from './state';
import { exponential } from './adapter';
import { cleaningDetails, cleaningHeadline } from './own-list';
import { WORD_LIST_LIMITS } from '../../lora/word-list';
import { busyWords, fixed, formatLoss, formatMs, formatRate } from './words';
import type { Translate } from '../../i18n/translate';
import type { BusyJob } from './state';

export const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

const backendLine = (name: string, t: Translate) =>
  name === 'webgl' ? t('trainer.backendLineWebgl') : name === 'wasm' ? t('trainer.backendLineWasm') : name === 'cpu' ? t('trainer.backendLineCpu') : name;
const choiceWords = (choice: string, t: Translate) =>
  choice === 'auto' ? t('trainer.choiceAuto') : choice === 'cpu' ? t('trainer.choiceCpu') : choice === 'webgl' ? 'WebGL' : 'WebAssembly';

const running = (s: LoraTrainerState) => s.status === 'training' || s.status === 'paused';
const loaded = (s: LoraTrainerState) => s.backend !== null;

export function countsSentence(s: LoraTrainerState, t: Translate): string {
  return t('trainer.counts', {
    r: s.r, groups: groupsInWords(s.targets, t), trainable: s.trainableParams, share: formatPercent(s.trainableParams, s.totalParams, t.lang),
    total: s.totalParams, adam: formatBytes(s.optimizerStateBytes, t), fullAdam: formatBytes(s.fullOptimizerStateBytes, t),
  });
}

export function renderTrainer(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  renderSettings(v, s, t);
  renderBackend(v, s, t);
  renderMessages(v, s);
  renderButtons(v, s, t);
  const step = s.run === 'full' ? s.fullStep : s.step;
  v.progress.max = s.steps;
  v.progress.value = Math.min(s.steps, step);
  v.parts.progressText.textContent = s.stepsPerSecond
    ? t('trainer.progressSpeed', { step, steps: s.steps, rate: fixed(s.stepsPerSecond, s.stepsPerSecond < 10 ? 2 : 0, t) })
    : t('trainer.progressText', { step, steps: s.steps });
  v.parts.status.textContent = statusSentence(s, t);
  v.parts.reset.textContent = s.resetDifference !== null && s.step === 0
    ? t('trainer.resetNote', { total: s.totalParams, difference: String(s.resetDifference) }) : '';
  renderChart(v, s, t);
  renderSamples(v, s, t);
  renderMerge(v, s, t);
  renderOwnList(v, s, t);
}

/** "Your own list": shown while it is the task; what the cleaning did, line by line. */
function renderOwnList(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const own = s.ownList;
  const locked = isLocked(s);
  v.parts.ownBox.hidden = s.task !== 'own';
  v.inputs.task.querySelector<HTMLOptionElement>('option[value="own"]')!.textContent = own ? t('trainer.taskOwnCount', { n: own.words }) : taskLabel('own', t);
  // Never disabled while busy: a textarea being typed into would lose focus; the commands wait their turn anyway.
  for (const el of [v.inputs.list, v.inputs.listFile, v.buttons.useList]) el.disabled = locked;
  v.inputs.keepList.checked = s.keepOwnList;
  if (!own) {
    fill(v.parts.ownSummary, h('p', { class: 'rb-note' }, t('trainer.noList', { min: WORD_LIST_LIMITS.minWords })));
    return;
  }
  const headline = cleaningHeadline(own.cleaning, own.words, t);
  fill(v.parts.ownSummary,
    h('p', { class: 'rb-result' }, own.origin === 'file' ? t('trainer.inUseFile', { headline }) : own.origin === 'kept' ? t('trainer.inUseKept', { headline }) : t('trainer.inUsePasted', { headline })),
    h('ul', { class: 'rb-trainer-own-details' }, ...cleaningDetails(own.cleaning, t).map((line) => h('li', {}, line))),
    h('p', { class: 'rb-note' }, t('trainer.hashNote', { hash: own.hash, words: own.words })));
}

function renderSettings(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const locked = isLocked(s);
  v.inputs.r.value = String(s.r);
  v.inputs.alpha.value = String(s.alpha);
  // A number box being typed into keeps its text (training redraws every step); it is set on change instead.
  for (const [el, value] of [[v.inputs.lr, s.lr], [v.inputs.steps, s.steps]] as const) {
    if (document.activeElement !== el) el.value = String(value);
  }
  v.inputs.task.value = s.task;
  const scale = showNumber(s.alpha / s.r, t.lang);
  v.inputs.r.setAttribute('aria-valuetext', t('trainer.rValue', { r: s.r, trainable: s.trainableParams, share: formatPercent(s.trainableParams, s.totalParams, t.lang) }));
  v.inputs.alpha.setAttribute('aria-valuetext', t('trainer.alphaValue', { alpha: s.alpha, scale }));
  v.inputs.temperature.setAttribute('aria-valuetext', s.temperature === 0 ? t('trainer.temperatureZero') : t('trainer.temperatureValue', { temperature: s.temperature }));
  v.outputs.r.textContent = String(s.r);
  v.outputs.alpha.textContent = t('trainer.alphaOutput', { alpha: s.alpha, scale });
  v.outputs.temperature.textContent = fixed(s.temperature, 1, t);
  for (const g of TARGET_GROUPS) {
    v.targets[g].checked = s.targets.includes(g);
    v.targets[g].disabled = locked;
  }
  for (const el of [v.inputs.r, v.inputs.alpha, v.inputs.lr, v.inputs.task]) el.disabled = locked;
  v.parts.locked.hidden = !locked;
  v.parts.counts.textContent = countsSentence(s, t);
  v.buttons.fullRank.disabled = locked || (s.r === 128 && s.targets.length === TARGET_GROUPS.length);
}

/** The backend line, the notice, and the chooser with each backend's measured speed once it has trained. */
function renderBackend(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  v.parts.backend.textContent = s.backend
    ? s.readySeconds !== null ? t('trainer.readyIn', { backend: backendLine(s.backend, t), seconds: fixed(s.readySeconds, 1, t) }) : backendLine(s.backend, t)
    : s.status === 'loading' ? t('trainer.backendLoading') : s.status === 'error' ? t('trainer.backendNone') : t('trainer.backendNotLoaded');
  v.parts.notice.textContent = s.backendNotice;
  v.parts.notice.hidden = !s.backendNotice;
  v.inputs.backend.value = s.backendChoice;
  v.inputs.backend.disabled = running(s) || s.status === 'loading' || !!s.busy;
  for (const choice of BACKEND_CHOICES) {
    const measured = choice === 'auto' ? undefined : s.backendRates[choice];
    const option = v.inputs.backend.querySelector<HTMLOptionElement>(`option[value="${choice}"]`)!;
    option.textContent = measured ? t('trainer.choiceMeasured', { backend: choiceWords(choice, t), rate: formatRate(measured, t) }) : choiceWords(choice, t);
  }
  const rates = Object.entries(s.backendRates).map(([name, x]) => `${choiceWords(name as BackendName, t)} ${formatRate(x, t)}`);
  v.parts.rates.textContent = rates.length ? t('trainer.rates', { rates: rates.join(t('trainer.listSeparator')) }) : '';
}

const MESSAGE_CONTROL: Partial<Record<MessageSlot, keyof TrainerView['inputs']>> = { r: 'r', alpha: 'alpha', lr: 'lr', steps: 'steps', task: 'task', list: 'list', listFile: 'listFile', file: 'file', backend: 'backend' };

function renderMessages(v: TrainerView, s: LoraTrainerState): void {
  for (const slot of Object.keys(v.messages) as MessageSlot[]) {
    const control = MESSAGE_CONTROL[slot];
    setMessage(v.messages[slot], s.messages[slot] ?? '', control ? v.inputs[control] : undefined);
  }
  v.parts.fileResult.textContent = s.fileResult;
}

function renderButtons(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const b = v.buttons;
  const free = loaded(s) && !s.busy;
  const pausedRun = s.status === 'paused' ? s.run : null;
  b.train.textContent = pausedRun === 'lora' ? t('trainer.resume') : t('trainer.train');
  b.full.textContent = pausedRun === 'full' ? t('trainer.resumeFull') : t('trainer.full');
  b.train.disabled = pausedRun ? pausedRun !== 'lora' : s.status === 'loading' || s.status === 'training' || !!s.busy || s.merged;
  b.full.disabled = pausedRun ? pausedRun !== 'full' : !free || running(s) || s.merged;
  b.pause.disabled = s.status !== 'training';
  b.reset.disabled = !loaded(s) || s.status === 'loading';
  b.merge.disabled = !free || running(s) || (s.step === 0 && !s.merged);
  b.merge.textContent = s.merged ? t('trainer.unmerge') : t('trainer.merge');
  b.download.disabled = !free || s.step === 0;
  b.resample.disabled = !free || running(s);
  v.inputs.temperature.disabled = !loaded(s);
  v.inputs.file.disabled = running(s) || !!s.busy;
}

function statusSentence(s: LoraTrainerState, t: Translate): string {
  const run = s.run === 'full' ? t('trainer.runFull') : 'LoRA';
  const step = s.run === 'full' ? s.fullStep : s.step;
  const withBusy = (sentence: string) => (s.busy ? t('trainer.withBusy', { sentence, busy: busyWords(s.busy as BusyJob, t) }) : sentence);
  const base = s.baseValLoss !== null ? t('trainer.baseClause', { loss: formatLoss(s.baseValLoss, t) }) : '';
  switch (s.status) {
    case 'idle': return t('trainer.statusIdle');
    case 'loading': return t('trainer.statusLoading');
    case 'error': return t('trainer.statusError');
    case 'training': return withBusy(t('trainer.statusTraining', { run, step, steps: s.steps }));
    case 'paused': return s.pausedBy === 'scroll' ? t('trainer.statusPausedScroll', { run, step }) : t('trainer.statusPaused', { run, step });
    case 'done': return withBusy(t('trainer.statusDone', { run, step, loss: formatLoss(last(s.run === 'full' ? s.fullValLoss : s.valLoss), t), base }));
    default: return withBusy(s.step > 0 ? t('trainer.statusLoaded', { step }) : t('trainer.statusReady'));
  }
}

function renderChart(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const perStep = (xs: number[], firstStep: number) => xs.map((y, i) => [firstStep + i, y] as [number, number]);
  const pairs = (steps: number[], losses: number[]) => steps.map((x, i) => [x, losses[i]] as [number, number]);
  const loss = (x: number | undefined) => formatLoss(x, t);
  const series = [
    { label: t('trainer.legendLoraTrain'), points: perStep(s.trainLoss, s.step - s.trainLoss.length + 1) },
    { label: t('trainer.legendLoraVal'), points: pairs(s.valSteps, s.valLoss) },
  ];
  if (s.fullStep > 0) {
    series.push({ label: t('trainer.legendFullTrain'), points: perStep(s.fullTrainLoss, 1) }, { label: t('trainer.legendFullVal'), points: pairs(s.fullValSteps, s.fullValLoss) });
  }
  // The shipped runs of the same recipe, validation only: where the reader's curves should land (a LoRA one has the reader's r).
  for (const ref of s.references) {
    series.push({ label: ref.kind === 'full' ? t('trainer.legendShippedFull') : t('trainer.legendShippedRun', { r: s.r }), points: ref.points });
  }
  const base = s.baseValLoss !== null ? t('trainer.baseClause', { loss: loss(s.baseValLoss) }) : '';
  const description = s.step === 0 && s.fullStep === 0
    ? [t('trainer.noTraining'), s.baseValLoss !== null ? t('trainer.baseLossOn', { task: taskLabel(s.task, t), loss: loss(s.baseValLoss) })
      : s.task === 'own' && !s.ownList ? t('trainer.giveList') : ''].filter(Boolean).join(' ')
    // Each run is described only once it has steps: full fine-tuning may run before any LoRA step.
    : [s.step > 0 ? t('trainer.describeLora', { steps: s.step, train: loss(last(s.trainLoss)), val: loss(last(s.valLoss)), at: last(s.valSteps) ?? 0, base })
      : t('trainer.describeLoraNone', { base }),
    s.fullStep > 0 ? t('trainer.describeFull', { steps: s.fullStep, val: loss(last(s.fullValLoss)), at: last(s.fullValSteps) ?? 0 }) : '']
      .filter(Boolean).join(' ');
  const refs = s.references.map((r) => {
    const end = { loss: loss(last(r.points)?.[1]), step: last(r.points)?.[0] ?? 0 };
    return r.kind === 'full' ? t('trainer.refFull', end) : t('trainer.refRun', { ...end, name: r.name });
  });
  const full = [description, refs.length ? t('trainer.forReference', { refs: listInWords(refs, t.lang) }) : ''].filter(Boolean).join(' ');
  v.chart.update(series, { xDomain: [0, Math.max(s.steps, s.step, s.fullStep, 1)], description: full, dots: s.steps <= 20 });
  v.parts.chartNote.textContent = `${full} ${t('trainer.chartNote')}`;
}

function renderSamples(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const items = (names: string[]) => names.map((n) => h('li', {}, n || t('trainer.emptyName')));
  fill(v.samples.before, ...items(s.samplesBefore));
  fill(v.samples.after, ...items(s.samplesAfter));
  fill(v.samples.full, ...items(s.samplesFull));
  v.samples.fullBox.hidden = s.samplesFull.length === 0;
  v.samples.afterTitle.textContent = s.samplesAfterStep > 0 ? t('trainer.afterLoraStep', { step: s.samplesAfterStep }) : t('trainer.afterLoraNone');
}

function renderMerge(v: TrainerView, s: LoraTrainerState, t: Translate): void {
  const m = s.merge;
  if (!(s.merged && m)) {
    fill(v.parts.merge, h('p', { class: 'rb-note' }, t('trainer.mergeExplain')));
    return;
  }
  const row = (label: string, x: number) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, formatMs(x, t)));
  fill(v.parts.merge,
    h('p', {}, t('trainer.mergedSummary', { matrices: m.matrices, diff: exponential(m.maxAbsDiff, t) })),
    h('table', { class: 'rb-trainer-latency' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('trainer.latencyModel')), h('th', { scope: 'col' }, t('trainer.latencyTime')))),
      h('tbody', {}, row(t('trainer.baseModel'), m.latencyMs.base), row(t('trainer.latencyUnmerged'), m.latencyMs.unmerged),
        row(t('trainer.latencyMerged'), m.latencyMs.merged))));
}
