/**
 * The LoRA trainer's settings: what each attribute may hold, how text becomes a value (with a message in
 * words when it could not be used as given), and the counts the widget shows before tfjs has loaded.
 * Pure (no DOM, no tfjs), so it is unit-tested in Node and costs the page nothing to import.
 */
import type { LoraTarget, ModelConfig } from '../lora/config';
import { english, type Translate } from '../i18n/translate';
import { formatNumber } from '../i18n/format';

/** The checkboxes: the four attention matrices, and the MLP's two matrices as one choice. */
export const TARGET_GROUPS = ['Wq', 'Wk', 'Wv', 'Wo', 'MLP'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
const GROUP_TARGETS: Record<TargetGroup, LoraTarget[]> = {
  Wq: ['wq'], Wk: ['wk'], Wv: ['wv'], Wo: ['wo'], MLP: ['mlpUp', 'mlpDown'],
};

/** The backend="…" attribute: which tfjs backend to try first (tf-backend.ts; kept here so the element need not load tfjs to check it). */
export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** `own`: the reader's own list, pasted or read from a file (own-list.ts); never taken from an attribute or URL. */
export const TASKS = ['dinosaurs', 'pokemon', 'own'] as const;
export type Task = (typeof TASKS)[number];
export const taskLabel = (task: Task, t: Translate = english) =>
  task === 'dinosaurs' ? t('trainer.taskDinosaurs') : task === 'pokemon' ? t('trainer.taskPokemon') : t('trainer.taskOwn');

export interface TrainerSettings {
  r: number;
  alpha: number;
  targets: TargetGroup[];
  lr: number;
  steps: number;
  task: Task;
}

/**
 * The paper's usual start (r = 8 on Wq and Wv, alpha = r) with the learning rate measured for this model, for the
 * shipped runs' 300 steps: the default run repeats the shipped r8-wq-wv one, so lesson 7's table can be checked.
 */
export const DEFAULT_SETTINGS: TrainerSettings = { r: 8, alpha: 8, targets: ['Wq', 'Wv'], lr: 0.01, steps: 300, task: 'dinosaurs' };

export interface NumberRule {
  /** Which setting: its name in a message comes from ruleName. */
  setting: 'r' | 'alpha' | 'lr' | 'steps';
  min: number;
  max: number;
  integer: boolean;
}

export const RULES: Record<'r' | 'alpha' | 'lr' | 'steps', NumberRule> = {
  // 128 is full rank for every matrix of the model (d = 128): LoRA's r = k case.
  r: { setting: 'r', min: 1, max: 128, integer: true },
  alpha: { setting: 'alpha', min: 1, max: 128, integer: true },
  lr: { setting: 'lr', min: 1e-5, max: 0.3, integer: false },
  steps: { setting: 'steps', min: 1, max: 2000, integer: true },
};

/** The name a message gives a setting: "rank r". */
export function ruleName(rule: NumberRule, t: Translate = english): string {
  const s = rule.setting;
  return s === 'r' ? t('trainer.nameR') : s === 'alpha' ? t('trainer.nameAlpha') : s === 'lr' ? t('trainer.nameLr') : t('trainer.nameSteps');
}

export interface Reading<T> {
  value: T;
  /** '' when the text was used exactly as given. */
  message: string;
}

// Plain decimal or exponent notation only: Number() would also take "0x1f", "" and "Infinity".
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const quote = (text: string) => `“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”`;
/** A setting's value as prose in the language: up to 4 decimals, or 3 significant digits below 1 (0.0003). */
export const showNumber = (n: number, lang = 'en') => formatNumber(lang, Math.abs(n) >= 1 || n === 0 ? n : Number(n.toPrecision(3)),
  Math.abs(n) >= 1 || n === 0 ? { maximumFractionDigits: 4 } : { maximumSignificantDigits: 3 });

/** A number from an attribute or an input: clamped into the rule's range, rounded when it must be whole. */
export function readNumber(text: string | null | undefined, rule: NumberRule, fallback: number, t: Translate = english): Reading<number> {
  if (text === null || text === undefined) return { value: fallback, message: '' };
  const trimmed = text.trim();
  const name = ruleName(rule, t);
  if (!NUMBER.test(trimmed)) return { value: fallback, message: t('trainer.notNumber', { name, text: quote(text), fallback: showNumber(fallback, t.lang) }) };
  const x = Number(trimmed);
  const finite = Number.isFinite(x) ? x : x > 0 ? rule.max : rule.min;
  const clamped = Math.min(rule.max, Math.max(rule.min, finite));
  const value = rule.integer ? Math.round(clamped) : clamped;
  if (value === x) return { value, message: '' };
  const values = { name, text: quote(trimmed), min: showNumber(rule.min, t.lang), max: showNumber(rule.max, t.lang), value: showNumber(value, t.lang) };
  return { value, message: x < rule.min ? t('trainer.belowRange', values) : x > rule.max ? t('trainer.aboveRange', values) : t('trainer.notWhole', values) };
}

/**
 * Target matrices from text: "Wq,Wv", "wq wv", or a JSON list as a shared link writes it ('["Wq","Wv"]').
 * Names are matched without regard to case; unknown names are dropped with a message; none left -> fallback.
 */
export function readTargets(text: string | null | undefined, fallback: TargetGroup[] = DEFAULT_SETTINGS.targets, t: Translate = english): Reading<TargetGroup[]> {
  if (text === null || text === undefined) return { value: fallback.slice(), message: '' };
  let names: string[];
  try {
    const parsed: unknown = JSON.parse(text);
    names = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    names = text.split(/[\s,;+]+/);
  }
  names = names.map((n) => n.trim()).filter(Boolean);
  const found = new Set<TargetGroup>();
  const unknown: string[] = [];
  for (const name of names) {
    const group = TARGET_GROUPS.find((g) => g.toLowerCase() === name.toLowerCase());
    if (group) found.add(group);
    else unknown.push(name);
  }
  const value = TARGET_GROUPS.filter((g) => found.has(g));
  if (value.length === 0) {
    return { value: fallback.slice(), message: t('trainer.targetsNone', { text: quote(text), all: TARGET_GROUPS.join(', '), used: fallback.join(', '), n: fallback.length }) };
  }
  return { value, message: unknown.length ? t('trainer.targetsUnknown', { names: unknown.map(quote).join(', '), unknown: unknown.length, used: value.join(', '), n: value.length }) : '' };
}

export function readTask(text: string | null | undefined, fallback: Task = DEFAULT_SETTINGS.task, t: Translate = english): Reading<Task> {
  if (text === null || text === undefined) return { value: fallback, message: '' };
  const task = TASKS.find((t) => t === text.trim().toLowerCase());
  return task ? { value: task, message: '' } : { value: fallback, message: t('trainer.taskUnknown', { text: quote(text), tasks: TASKS.join(', '), fallback }) };
}

/** The model's weight names for the chosen groups, in a fixed order. */
export function loraTargets(groups: readonly TargetGroup[]): LoraTarget[] {
  return TARGET_GROUPS.filter((g) => groups.includes(g)).flatMap((g) => GROUP_TARGETS[g]);
}

/** [k, d] (inputs, outputs) of each adaptable matrix in one block. */
export function matrixShape(config: ModelConfig, target: LoraTarget): [number, number] {
  const { dModel: d, mlpHidden: h } = config;
  return target === 'mlpUp' ? [d, h] : target === 'mlpDown' ? [h, d] : [d, d];
}

/** Trainable numbers of a LoRA on these matrices: r (k + d) for each adapted matrix of every block. */
export function loraParamCount(config: ModelConfig, r: number, groups: readonly TargetGroup[]): number {
  return config.nLayers * loraTargets(groups).reduce((n, t) => {
    const [k, d] = matrixShape(config, t);
    return n + r * (k + d);
  }, 0);
}

/** Every number in the base model (what full fine-tuning trains): embeddings, blocks, final norm, head. */
export function modelParamCount(config: ModelConfig): number {
  const { vocabSize: v, contextLength: t, dModel: d, mlpHidden: h, nLayers } = config;
  const block = 4 * (d * d + d) + (d * h + h) + (h * d + d) + 4 * d;
  return v * d + t * d + nLayers * block + 2 * d + d * v + v;
}

/** Bytes as people read them: "64 KiB", "3.1 MiB" (in the language's digits). */
export function formatBytes(bytes: number, t: Translate = english): string {
  if (bytes < 1024) return t('trainer.bytes', { n: bytes });
  const kib = bytes / 1024;
  const shown = (x: number, digits: number) => formatNumber(t.lang, Number(x.toPrecision(digits)), { maximumFractionDigits: 2 });
  if (kib < 1024) return `${shown(kib, kib < 10 ? 2 : 3)} KiB`;
  return `${shown(kib / 1024, 2)} MiB`;
}

/** A percentage with enough digits to tell small ones apart: 2.02%, 0.25%, 100% (2,02 % in German). */
export function formatPercent(part: number, whole: number, lang = 'en'): string {
  const p = (100 * part) / whole;
  const digits = p >= 10 ? { maximumFractionDigits: 0 } : p >= 1 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
    : { minimumSignificantDigits: 2, maximumSignificantDigits: 2 };
  return formatNumber(lang, p / 100, { style: 'percent', ...digits });
}

/** "A, B and C" in the language's way of listing (British English: no comma before "and"). */
export const listInWords = (items: readonly string[], lang: string) =>
  new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(items);

/** "Wq, Wv and the MLP". */
export function groupsInWords(groups: readonly TargetGroup[], t: Translate = english): string {
  return listInWords(groups.map((g) => (g === 'MLP' ? t('trainer.theMlp') : g)), t.lang);
}
