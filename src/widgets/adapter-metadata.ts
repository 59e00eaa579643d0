/**
 * What an adapter file says about itself (rank, alpha, targets, task, steps, learning rate, loss histories),
 * checked against the very limits the trainer's controls use (RULES in lora-trainer-settings.ts), so a file
 * can only put the trainer in a state a reader could have reached with the controls. Pure: no DOM, no tfjs.
 */
import { DEFAULT_LORA_CONFIG, LORA_TARGETS, type LoraConfig } from '../lora/config';
import { WORD_LIST_HASH, WORD_LIST_LIMITS } from '../lora/word-list';
import { RULES, TARGET_GROUPS, TASKS, loraTargets, ruleName, showNumber, type NumberRule, type Task, type TargetGroup } from './lora-trainer-settings';

/** A loss history holds one entry per step at most, so the steps control's maximum caps it. */
export const MAX_HISTORY = RULES.steps.max;

export class AdapterFileError extends Error {}

export const fail = (message: string): never => {
  throw new AdapterFileError(message);
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

const en = (n: number) => (Number.isFinite(n) ? showNumber(n) : String(n));
const shown = (x: unknown) => (typeof x === 'number' ? en(x) : JSON.stringify(x)?.slice(0, 40) ?? String(x));

/** A number the file gives for a setting, refused unless the control could have set it. */
function setting(x: unknown, rule: NumberRule, min = rule.min): number {
  const ok = typeof x === 'number' && Number.isFinite(x) && x >= min && x <= rule.max && (!rule.integer || Number.isInteger(x));
  if (!ok) {
    fail(`The file gives ${ruleName(rule)} ${shown(x)}; this trainer takes ${rule.integer ? 'whole numbers ' : ''}from ${showNumber(min)} to ${showNumber(rule.max)}.`);
  }
  return x as number;
}

/** The target groups a file's matrix list stands for; refused unless the checkboxes could make exactly that list. */
function targetGroups(targets: unknown): TargetGroup[] {
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((t) => typeof t === 'string')) {
    return fail('The file does not list the matrices its adapter is on.');
  }
  const unknown = targets.filter((t) => !(LORA_TARGETS as readonly string[]).includes(t));
  if (unknown.length) fail(`The file names matrices this model does not have: ${unknown.slice(0, 3).map(shown).join(', ')}.`);
  if (new Set(targets).size !== targets.length) fail('The file lists a target matrix twice.');
  const groups = TARGET_GROUPS.filter((g) => loraTargets([g]).some((t) => targets.includes(t)));
  if (loraTargets(groups).length !== targets.length) fail('The file adapts only one of the MLP’s two matrices; this trainer adapts them together.');
  return groups;
}

const loss = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function history<T>(value: unknown, what: string, check: (entry: unknown) => boolean): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(`The file’s ${what} is not a list.`);
  if (value.length > MAX_HISTORY + 1) {
    fail(`The file’s ${what} has ${value.length.toLocaleString('en')} entries; a run of at most ${MAX_HISTORY.toLocaleString('en')} steps has no more than ${(MAX_HISTORY + 1).toLocaleString('en')}.`);
  }
  const bad = value.findIndex((entry) => !check(entry));
  if (bad >= 0) fail(`The file’s ${what} has an entry that is not a loss (entry ${bad + 1}: ${shown(value[bad])}).`);
  return value as T[];
}

/** A file for the reader's own list says which list: a hash of the form word-list.ts makes, and a count the trainer takes. */
function readWordList(x: unknown): { hash: string; words: number } {
  const list = x as { hash?: unknown; words?: unknown } | undefined;
  if (!list || typeof list !== 'object' || typeof list.hash !== 'string' || !WORD_LIST_HASH.test(list.hash)) {
    return fail('The file was trained on a list of your own but does not say which (its “wordList” hash is missing or malformed).');
  }
  const { minWords, maxWords } = WORD_LIST_LIMITS;
  if (typeof list.words !== 'number' || !Number.isInteger(list.words) || list.words < minWords || list.words > maxWords) {
    fail(`The file gives its list’s size as ${shown(list.words)} words; the trainer takes lists of ${minWords} to ${maxWords.toLocaleString('en')}.`);
  }
  return { hash: list.hash, words: list.words as number };
}

/** Reads and checks every field the trainer uses; throws AdapterFileError naming the first that is wrong. */
export function readAdapterMetadata(manifest: Record<string, unknown>): AdapterMetadata {
  const lora = manifest.lora as Partial<LoraConfig> | undefined;
  if (!lora || typeof lora !== 'object' || Array.isArray(lora)) return fail('The file does not say its rank and target matrices.');
  const r = setting(lora.r, RULES.r);
  const alpha = setting(lora.alpha, RULES.alpha);
  const targets = targetGroups(lora.targets);
  if (lora.rsLora !== undefined && lora.rsLora !== DEFAULT_LORA_CONFIG.rsLora) fail('The file uses rsLoRA scaling (alpha / √r); this trainer scales by alpha / r.');
  if (lora.dropout !== undefined && lora.dropout !== DEFAULT_LORA_CONFIG.dropout) fail(`The file asks for dropout ${shown(lora.dropout)}; this trainer trains without dropout.`);
  if (lora.init !== undefined && lora.init !== 'kaiming' && lora.init !== 'gaussian') fail(`The file names an unknown initialisation, ${shown(lora.init)}.`);

  const task = manifest.task === undefined ? null : TASKS.find((t) => t === manifest.task) ?? fail(`The file’s task, ${shown(manifest.task)}, is not one of ${TASKS.join(', ')}.`);
  const wordList = task === 'own' ? readWordList(manifest.wordList) : null;
  const steps = manifest.steps === undefined ? 0 : setting(manifest.steps, RULES.steps, 0);
  const learningRate = manifest.learningRate === undefined ? null : setting(manifest.learningRate, RULES.lr);
  const train = history<number>(manifest.trainLoss, 'training-loss history', loss);
  const val = history<[number, number]>(manifest.valLoss, 'validation-loss history', (p) =>
    Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && p[0] >= 0 && p[0] <= steps && loss(p[1]));
  if (manifest.createdBy !== undefined && (typeof manifest.createdBy !== 'string' || manifest.createdBy.length > 200)) {
    fail('The file’s “createdBy” note is not a short text.');
  }
  return {
    lora: { ...DEFAULT_LORA_CONFIG, r, alpha, targets: loraTargets(targets), init: lora.init ?? DEFAULT_LORA_CONFIG.init },
    r, alpha, targets, task, wordList, steps, learningRate, train: train.slice(), val: val.map(([s, l]) => [s, l]),
  };
}
