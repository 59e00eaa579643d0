/**
 * What an adapter file says about itself (rank, alpha, targets, task, steps, learning rate, loss histories),
 * checked against the very limits the trainer's controls use (RULES in lora-trainer-settings.ts), so a file
 * can only put the trainer in a state a reader could have reached with the controls. Pure: no DOM, no tfjs.
 */
import { DEFAULT_LORA_CONFIG, LORA_TARGETS, type LoraConfig } from '../lora/config';
import { WORD_LIST_HASH, WORD_LIST_LIMITS } from '../lora/word-list';
import { RULES, TARGET_GROUPS, TASKS, loraTargets, ruleName, showNumber, type NumberRule, type Task, type TargetGroup } from './lora-trainer-settings';
import { english, type Translate } from '../i18n/translate';

/** A loss history holds one entry per step at most, so the steps control's maximum caps it. */
export const MAX_HISTORY = RULES.steps.max;

/** Why a file was refused, in words of any language (`words(t)`); its message is the English. */
export class AdapterFileError extends Error {
  constructor(readonly words: (t: Translate) => string) {
    super(words(english));
  }
}

export const fail = (words: (t: Translate) => string): never => {
  throw new AdapterFileError(words);
};

/** Everything the trainer takes from a file besides the weights, each field checked. */
export interface AdapterMetadata {
  /** The LoRA config the trainer would build from these settings (lora-trainer.ts), not the file's own object. */
  lora: LoraConfig;
  r: number;
  alpha: number;
  targets: TargetGroup[];
  /** null when the file names none: the trainer keeps its current task. */
  task: Task | null;
  /** For the task `own`: the reader's list it was trained on, as its content hash and word count (never the words). */
  wordList: { hash: string; words: number } | null;
  /** Steps the adapter was trained for: 0 to the steps control's maximum. */
  steps: number;
  learningRate: number | null;
  train: number[];
  val: Array<[number, number]>;
}

/** A value from the file as the reader should see it: a number in the language, anything else as JSON, cut short. */
export const shown = (x: unknown, lang = 'en') =>
  typeof x === 'number' ? (Number.isFinite(x) ? showNumber(x, lang) : String(x)) : JSON.stringify(x)?.slice(0, 40) ?? String(x);

/** A number the file gives for a setting, refused unless the control could have set it. */
function setting(x: unknown, rule: NumberRule, min = rule.min): number {
  const ok = typeof x === 'number' && Number.isFinite(x) && x >= min && x <= rule.max && (!rule.integer || Number.isInteger(x));
  if (!ok) {
    fail((t) => {
      const values = { name: ruleName(rule, t), value: shown(x, t.lang), min: showNumber(min, t.lang), max: showNumber(rule.max, t.lang) };
      return rule.integer ? t('trainer.fileSettingWhole', values) : t('trainer.fileSetting', values);
    });
  }
  return x as number;
}

/** The target groups a file's matrix list stands for; refused unless the checkboxes could make exactly that list. */
function targetGroups(targets: unknown): TargetGroup[] {
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((t) => typeof t === 'string')) {
    return fail((t) => t('trainer.fileNoTargets'));
  }
  const unknown = targets.filter((t) => !(LORA_TARGETS as readonly string[]).includes(t));
  if (unknown.length) fail((t) => t('trainer.fileUnknownTargets', { names: unknown.slice(0, 3).map((u) => shown(u)).join(', ') }));
  if (new Set(targets).size !== targets.length) fail((t) => t('trainer.fileTargetTwice'));
  const groups = TARGET_GROUPS.filter((g) => loraTargets([g]).some((t) => targets.includes(t)));
  if (loraTargets(groups).length !== targets.length) fail((t) => t('trainer.fileHalfMlp'));
  return groups;
}

const loss = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function history<T>(value: unknown, which: 'train' | 'val', check: (entry: unknown) => boolean): T[] {
  const what = (t: Translate) => (which === 'train' ? t('trainer.fileTrainHistory') : t('trainer.fileValHistory'));
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail((t) => t('trainer.fileHistoryNotList', { what: what(t) }));
  if (value.length > MAX_HISTORY + 1) {
    fail((t) => t('trainer.fileHistoryLong', { what: what(t), entries: value.length, max: MAX_HISTORY, most: MAX_HISTORY + 1 }));
  }
  const bad = value.findIndex((entry) => !check(entry));
  if (bad >= 0) fail((t) => t('trainer.fileHistoryBad', { what: what(t), index: bad + 1, value: shown(value[bad], t.lang) }));
  return value as T[];
}

/** A file for the reader's own list says which list: a hash of the form word-list.ts makes, and a count the trainer takes. */
function readWordList(x: unknown): { hash: string; words: number } {
  const list = x as { hash?: unknown; words?: unknown } | undefined;
  if (!list || typeof list !== 'object' || typeof list.hash !== 'string' || !WORD_LIST_HASH.test(list.hash)) {
    return fail((t) => t('trainer.fileNoListHash'));
  }
  const { minWords, maxWords } = WORD_LIST_LIMITS;
  if (typeof list.words !== 'number' || !Number.isInteger(list.words) || list.words < minWords || list.words > maxWords) {
    fail((t) => t('trainer.fileListSize', { words: shown(list.words, t.lang), min: minWords, max: maxWords }));
  }
  return { hash: list.hash, words: list.words as number };
}

/** Reads and checks every field the trainer uses; throws AdapterFileError naming the first that is wrong. */
export function readAdapterMetadata(manifest: Record<string, unknown>): AdapterMetadata {
  const lora = manifest.lora as Partial<LoraConfig> | undefined;
  if (!lora || typeof lora !== 'object' || Array.isArray(lora)) return fail((t) => t('trainer.fileNoLora'));
  const r = setting(lora.r, RULES.r);
  const alpha = setting(lora.alpha, RULES.alpha);
  const targets = targetGroups(lora.targets);
  if (lora.rsLora !== undefined && lora.rsLora !== DEFAULT_LORA_CONFIG.rsLora) fail((t) => t('trainer.fileRsLora'));
  if (lora.dropout !== undefined && lora.dropout !== DEFAULT_LORA_CONFIG.dropout) fail((t) => t('trainer.fileDropout', { value: shown(lora.dropout, t.lang) }));
  if (lora.init !== undefined && lora.init !== 'kaiming' && lora.init !== 'gaussian') fail((t) => t('trainer.fileInit', { value: shown(lora.init) }));

  const task = manifest.task === undefined ? null : TASKS.find((t) => t === manifest.task) ?? fail((t) => t('trainer.fileTask', { value: shown(manifest.task), tasks: TASKS.join(', ') }));
  const wordList = task === 'own' ? readWordList(manifest.wordList) : null;
  const steps = manifest.steps === undefined ? 0 : setting(manifest.steps, RULES.steps, 0);
  const learningRate = manifest.learningRate === undefined ? null : setting(manifest.learningRate, RULES.lr);
  const train = history<number>(manifest.trainLoss, 'train', loss);
  const val = history<[number, number]>(manifest.valLoss, 'val', (p) =>
    Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && p[0] >= 0 && p[0] <= steps && loss(p[1]));
  if (manifest.createdBy !== undefined && (typeof manifest.createdBy !== 'string' || manifest.createdBy.length > 200)) {
    fail((t) => t('trainer.fileCreatedBy'));
  }
  return {
    lora: { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets), init: lora.init ?? DEFAULT_LORA_CONFIG.init },
    r, alpha, targets, task, wordList, steps, learningRate, train: train.slice(), val: val.map(([s, l]) => [s, l]),
  };
}
