import type Fraction from 'fraction.js';
import type { FractionMatrix } from '../linalg/fraction-matrix';
import type { ExerciseTranslate } from './messages/translate';

/** A piece of an exercise's question: a paragraph (plain text with Unicode maths) or a labelled matrix. */
export type PromptBlock =
  | { type: 'text'; text: string }
  | { type: 'matrix'; label: string; rows: string[][] };

/** What a right answer is, as computed by src/linalg, src/lora or the shipped data for one variant. */
export type Expected =
  | { kind: 'number'; value: number; tolerance: number; unit?: string }
  | { kind: 'fraction'; value: Fraction }
  | { kind: 'matrix'; value: FractionMatrix }
  | { kind: 'choice'; options: ChoiceOption[]; correct: number }
  | { kind: 'widget'; tag: string };

export interface ChoiceOption {
  text: string;
  /** Why this option is right or wrong: shown once the reader picks it. */
  explanation: string;
}

export type AnswerKind = Expected['kind'];

export interface Verdict {
  /** 'invalid' is unreadable input: it gets a message by the field and never counts as an attempt. */
  status: 'right' | 'wrong' | 'invalid';
  message: string;
}

/** What a widget task remembers between checks: figures seen at earlier settings (the PSNR at k - 1, say). */
export type WidgetMemory = Map<string, number>;

export interface Variant {
  prompt: PromptBlock[];
  expected: Expected;
  /** A worked solution, one step a line: shown only after a first try. */
  solution: string[];
  /**
   * Says what a wrong answer got wrong (which term of a count, the first wrong row of an RREF), or null for the
   * generic message. Numbers and fractions get the reader's value; matrices the reader's exact matrix.
   */
  diagnose?: (given: number | FractionMatrix) => string | null;
  /** A widget task's condition, checked against the widget's el.state. */
  checkState?: (state: Record<string, unknown>, memory: WidgetMemory) => Verdict;
  /** A widget task records what it needs from each state the widget reports. */
  remember?: (state: Record<string, unknown>, memory: WidgetMemory) => void;
}

/** The shipped rank sweep (public/models/adapters/index.json), trimmed to what exercises use. */
export interface SweepData {
  totalParams: number;
  baseLoss: number;
  fullFineTuneLoss: number;
  steps: number;
  cells: { targets: string[]; r: number; trainableParams: number; validationLoss: number }[];
}

export interface ExerciseData {
  sweep?: SweepData;
}

export interface ExerciseGenerator {
  id: string;
  /** Every word of the variant comes from `t`, the reader's language (./messages); the numbers from the seed alone. */
  generate(seed: number, data: ExerciseData, t: ExerciseTranslate): Variant;
}
