/**
 * The DOM of <rankbook-lora-trainer>: native, labelled controls, a real <progress>, the loss chart, sample
 * lists and result paragraphs, each part a `data-control` an embed page can hide. The element (element.ts) wires
 * the handlers to the controller and render.ts draws the state into these elements; this file only builds them.
 */
import { h, uniqueId } from '../dom';
import { lineChart, type LineChart } from '../../plots/line-chart';
import { BACKEND_CHOICES, TARGET_GROUPS, TASKS, RULES, taskLabel, type TargetGroup } from '../lora-trainer-settings';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';
import type { MessageSlot } from './state';

export type SettingName = 'r' | 'alpha' | 'targets' | 'lr' | 'steps' | 'task' | 'backend';
export type ButtonName = 'train' | 'pause' | 'reset' | 'full' | 'fullRank' | 'merge' | 'download' | 'resample' | 'useList';

export interface TrainerView {
  root: HTMLElement;
  inputs: { r: HTMLInputElement; alpha: HTMLInputElement; lr: HTMLInputElement; steps: HTMLInputElement; task: HTMLSelectElement; backend: HTMLSelectElement; temperature: HTMLInputElement; file: HTMLInputElement;
    list: HTMLTextAreaElement; listFile: HTMLInputElement; keepList: HTMLInputElement };
  outputs: { r: HTMLOutputElement; alpha: HTMLOutputElement; temperature: HTMLOutputElement };
  targets: Record<TargetGroup, HTMLInputElement>;
  messages: Record<MessageSlot, HTMLElement>;
  buttons: Record<ButtonName, HTMLButtonElement>;
  progress: HTMLProgressElement;
  parts: Record<'backend' | 'notice' | 'rates' | 'status' | 'counts' | 'locked' | 'progressText' | 'chartNote' | 'merge' | 'fileResult' | 'reset' | 'ownBox' | 'ownSummary', HTMLElement>;
  samples: { before: HTMLOListElement; after: HTMLOListElement; full: HTMLOListElement; afterTitle: HTMLElement; fullBox: HTMLElement };
  chart: LineChart;
}

const message = (id?: string) => h('p', { id, class: 'rb-message', role: 'alert', hidden: true });

export function buildTrainerView(on: Record<ButtonName, () => void> & {
  setting: (name: SettingName | 'temperature', live: boolean) => void;
  file: () => void;
  listFile: () => void;
  keepList: () => void;
}, t: Translate): TrainerView {
  const ids = Object.fromEntries(['r', 'alpha', 'lr', 'steps', 'task', 'backend', 'temperature', 'file', 'progress', 'rMsg', 'alphaMsg', 'lrMsg', 'stepsMsg', 'taskMsg', 'targetsMsg', 'backendMsg', 'fileMsg',
    'list', 'listFile', 'listMsg', 'listFileMsg', 'listSummary']
    .map((k) => [k, uniqueId(`trainer-${k}`)])) as Record<string, string>;
  const slider = (name: 'r' | 'alpha', max: number) => h('input', {
    type: 'range', id: ids[name], min: RULES[name].min, max, step: 1, 'aria-describedby': ids[`${name}Msg`],
    oninput: () => on.setting(name, true), onchange: () => on.setting(name, false),
  });
  const inputs = {
    r: slider('r', RULES.r.max),
    alpha: slider('alpha', RULES.alpha.max),
    lr: h('input', { type: 'number', id: ids.lr, min: RULES.lr.min, max: RULES.lr.max, step: 'any', class: 'rb-trainer-number',
      'aria-describedby': ids.lrMsg, onchange: () => on.setting('lr', false) }),
    steps: h('input', { type: 'number', id: ids.steps, min: RULES.steps.min, max: RULES.steps.max, step: 1, class: 'rb-trainer-number',
      'aria-describedby': ids.stepsMsg, onchange: () => on.setting('steps', false) }),
    task: h('select', { id: ids.task, 'aria-describedby': ids.taskMsg, onchange: () => on.setting('task', false) },
      ...TASKS.map((task) => h('option', { value: task }, taskLabel(task, t)))),
    backend: h('select', { id: ids.backend, 'aria-describedby': ids.backendMsg, onchange: () => on.setting('backend', false) },
      ...BACKEND_CHOICES.map((b) => h('option', { value: b }, b))),
    temperature: h('input', { type: 'range', id: ids.temperature, min: 0, max: 1.5, step: 0.1, value: 0.8,
      oninput: () => on.setting('temperature', true), onchange: () => on.setting('temperature', false) }),
    file: h('input', { type: 'file', id: ids.file, accept: '.rblora,application/octet-stream', 'aria-describedby': ids.fileMsg, onchange: () => on.file() }),
    list: h('textarea', { id: ids.list, rows: 5, class: 'rb-trainer-list', spellcheck: 'false', placeholder: t('trainer.listPlaceholder'),
      'aria-describedby': `${ids.listMsg} ${ids.listSummary}` }),
    listFile: h('input', { type: 'file', id: ids.listFile, accept: '.txt,.csv,text/plain,text/csv', 'aria-describedby': ids.listFileMsg, onchange: () => on.listFile() }),
    keepList: h('input', { type: 'checkbox', onchange: () => on.keepList() }),
  };
  const outputs = {
    r: h('output', { for: ids.r, class: 'rb-trainer-value' }),
    alpha: h('output', { for: ids.alpha, class: 'rb-trainer-value' }),
    temperature: h('output', { for: ids.temperature, class: 'rb-trainer-value' }),
  };
  const targets = Object.fromEntries(TARGET_GROUPS.map((g) => [g, h('input', { type: 'checkbox', value: g, 'aria-describedby': ids.targetsMsg,
    onchange: () => on.setting('targets', false) })])) as Record<TargetGroup, HTMLInputElement>;
  const messages = {
    r: message(ids.rMsg), alpha: message(ids.alphaMsg), lr: message(ids.lrMsg), steps: message(ids.stepsMsg),
    task: message(ids.taskMsg), list: message(ids.listMsg), listFile: message(ids.listFileMsg), targets: message(ids.targetsMsg), backend: message(ids.backendMsg), file: message(ids.fileMsg), train: message(),
  };
  const button = (name: ButtonName, label: string, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', onclick: () => on[name](), ...extra }, label);
  const buttons = {
    train: button('train', t('trainer.train')), pause: button('pause', t('trainer.pause')), reset: button('reset', t('trainer.reset')),
    full: button('full', t('trainer.full')), fullRank: button('fullRank', t('trainer.fullRank')), merge: button('merge', t('trainer.merge')),
    download: button('download', t('trainer.download')), resample: button('resample', t('trainer.resample')),
    useList: button('useList', t('trainer.useList')),
  };
  const progress = h('progress', { id: ids.progress, max: 100, value: 0 });
  const parts = {
    backend: h('span', { class: 'rb-trainer-backend' }),
    notice: h('p', { class: 'rb-trainer-notice', hidden: true }),
    rates: h('span', { class: 'rb-note' }),
    status: h('p', { class: 'rb-result' }),
    counts: h('p', { class: 'rb-trainer-counts' }),
    locked: h('p', { class: 'rb-note', hidden: true }, t('trainer.locked')),
    progressText: h('span', { class: 'rb-trainer-progress-text' }),
    chartNote: h('p', { class: 'rb-note' }),
    merge: h('div', { class: 'rb-trainer-merge' }),
    fileResult: h('p', { class: 'rb-note' }),
    reset: h('p', { class: 'rb-note' }),
    ownBox: h('fieldset', { class: 'rb-trainer-own', hidden: true }),
    ownSummary: h('div', { id: ids.listSummary, class: 'rb-trainer-own-summary' }),
  };
  parts.ownBox.append(
    h('legend', {}, t('trainer.ownLegend')),
    h('p', { class: 'rb-note' }, t('trainer.ownNote')),
    h('label', { for: ids.list }, t('trainer.pasteWords')), inputs.list,
    h('div', { class: 'rb-row' }, buttons.useList), messages.list,
    h('div', { class: 'rb-row' }, h('label', { for: ids.listFile }, t('trainer.chooseListFile')), inputs.listFile), messages.listFile,
    h('label', { class: 'rb-trainer-check' }, inputs.keepList, ` ${t('trainer.keepList')}`),
    parts.ownSummary);
  // Names the model made up: not words of any language, and not for a page translator to change.
  const list = () => h('ol', { class: 'rb-trainer-names', translate: 'no' });
  const samples = { before: list(), after: list(), full: list(), afterTitle: h('p', { class: 'rb-subhead' }), fullBox: h('div', { hidden: true }) };
  samples.fullBox.append(h('p', { class: 'rb-subhead' }, t('trainer.afterFull')), samples.full);
  const chart = lineChart([], {
    title: t('trainer.chartTitle'), description: t('trainer.noTraining'), xLabel: t('trainer.stepAxis'), yLabel: t('trainer.lossAxis'),
    yScale: 'linear', xDomain: [0, 100], height: 280, dots: false, formatX: (x) => formatNumber(t.lang, x), formatY: (y) => formatNumber(t.lang, y),
  });
  const field = (label: string, id: string, control: HTMLElement, after: HTMLElement | null, msg: HTMLElement) =>
    h('div', { class: 'rb-trainer-field' }, h('label', { for: id }, label), control, after, msg);

  const root = h('div', { class: 'rb-widget rb-lora-trainer' },
    h('p', { class: 'rb-trainer-backend-line' }, `${t('trainer.backendLabel')} `, parts.backend),
    parts.notice,
    h('div', { class: 'rb-row rb-trainer-backend-choice', 'data-control': 'backend' },
      h('label', { for: ids.backend }, t('trainer.runOn')), inputs.backend, parts.rates),
    messages.backend,
    h('div', { class: 'rb-trainer-settings', 'data-control': 'settings' },
      field(t('trainer.rankLabel'), ids.r, inputs.r, outputs.r, messages.r),
      field(t('trainer.alphaLabel'), ids.alpha, inputs.alpha, outputs.alpha, messages.alpha),
      h('fieldset', { class: 'rb-trainer-targets' },
        h('legend', {}, t('trainer.targetsLegend')),
        h('div', { class: 'rb-row' }, ...TARGET_GROUPS.map((g) => h('label', { class: 'rb-trainer-check' }, targets[g], g === 'MLP' ? ` ${t('trainer.mlpBoth')}` : ` ${g}`))),
        messages.targets),
      field(t('trainer.lrLabel'), ids.lr, inputs.lr, null, messages.lr),
      field(t('trainer.stepsLabel'), ids.steps, inputs.steps, null, messages.steps),
      field(t('trainer.taskLabel'), ids.task, inputs.task, null, messages.task),
      parts.ownBox,
      parts.locked),
    parts.counts,
    h('div', { class: 'rb-row rb-controls', role: 'group', 'aria-label': t('trainer.trainingGroup') },
      buttons.train, buttons.pause, buttons.reset, h('span', { 'data-control': 'baseline', class: 'rb-row' }, buttons.full, buttons.fullRank)),
    messages.train,
    h('div', { class: 'rb-row rb-trainer-progress' }, h('label', { for: ids.progress }, t('trainer.progress')), progress, parts.progressText),
    parts.status, parts.reset,
    h('div', { class: 'rb-trainer-chart', 'data-control': 'chart' }, chart.element, parts.chartNote),
    h('div', { class: 'rb-trainer-samples', 'data-control': 'samples' },
      h('div', { class: 'rb-row' }, h('label', { for: ids.temperature }, t('trainer.temperature')), inputs.temperature, outputs.temperature, buttons.resample),
      h('div', { class: 'rb-trainer-sample-lists' },
        h('div', {}, h('p', { class: 'rb-subhead' }, t('trainer.baseModel')), samples.before),
        h('div', {}, samples.afterTitle, samples.after),
        samples.fullBox)),
    h('div', { class: 'rb-trainer-merge-box', 'data-control': 'merge' },
      h('p', { class: 'rb-subhead' }, t('trainer.mergeHeading')), h('div', { class: 'rb-row' }, buttons.merge), parts.merge),
    h('div', { class: 'rb-trainer-file', 'data-control': 'file' },
      h('p', { class: 'rb-subhead' }, t('trainer.fileHeading')),
      h('div', { class: 'rb-row' }, buttons.download, h('label', { for: ids.file }, t('trainer.loadFile')), inputs.file),
      messages.file, parts.fileResult));
  return { root, inputs, outputs, targets, messages, buttons, progress, parts, samples, chart };
}
