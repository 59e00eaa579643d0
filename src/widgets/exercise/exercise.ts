import { WidgetElement, defineWidget, setMessage } from '../widget-element';
import { fill, h, uniqueId } from '../dom';
import { exerciseEntry, type ExerciseEntry } from '../../exercises/catalogue';
import { checkResponse } from '../../exercises/checking';
import { readLesson, recordAttempt, restartExercise, seedFor } from '../../exercises/progress';
import type { ExerciseData, ExerciseGenerator, Variant, Verdict, WidgetMemory } from '../../exercises/types';
import { answerControls, type AnswerControls } from './answer-form';
import { progressChanged, progressStore } from './browser-store';
import { promptView } from './prompt-view';
import { withSubscripts } from '../subscripts';
import type { Translate } from '../../i18n/translate';
import { widgetLanguage } from '../../i18n/languages';
import { exerciseTitle, loadExerciseTranslator, type ExerciseTranslate } from '../../exercises/messages/translate';

export interface ExerciseState {
  exercise: string;
  lesson: string;
  kind: string;
  seed: number;
  /** 'unanswered' until a first readable answer; then the verdict of the latest. */
  status: 'loading' | 'unanswered' | 'right' | 'wrong' | 'error';
  attempts: number;
  score: number;
  max: number;
  message: string;
  solutionShown: boolean;
}

const level = (name: string, t: Translate) =>
  (name === 'recall' ? t('exercise.levelRecall') : name === 'apply' ? t('exercise.levelApply') : t('exercise.levelTransfer'));
const freshSeed = () => Math.floor(Math.random() * 2 ** 31);
/** A verdict that opens with the lead's word ("Right: k = 1 …") loses it, since the lead is shown bold before it. */
function withoutLead(message: string, lead: string): string {
  const word = lead.replace(/[.:。：!！]+$/u, '');
  return message.startsWith(word) ? message.slice(word.length).replace(/^[.:。：,，]?\s*/u, '') : message;
}

/**
 * `<rankbook-exercise exercise="rref" seed="7">`: one checked exercise. The question comes from a pure generator
 * (src/exercises) drawn from the seed: the attribute's when given (a class shares one variant), else the reader's
 * own, kept with their progress. Attempts and scores go to localStorage; `change` carries the state.
 */
export class RankbookExercise extends WidgetElement<ExerciseState> {
  static observedAttributes = ['exercise', 'seed'];
  private s: ExerciseState = { exercise: '', lesson: '', kind: '', seed: 0, status: 'loading', attempts: 0, score: 0, max: 1, message: '', solutionShown: false };
  private entry: ExerciseEntry | undefined;
  private variant: Variant | null = null;
  private data: ExerciseData = {};
  private controls: AnswerControls | null = null;
  private parts: { feedback: HTMLElement; message: HTMLElement; solution: HTMLElement; show: HTMLButtonElement; status: HTMLElement; body: HTMLElement } | null = null;
  private memory: WidgetMemory = new Map();
  private widget: HTMLElement | null = null;
  private loads = 0;
  /** The exercises' own catalogue (questions, feedback, solutions), loaded with the generators. */
  private tx!: ExerciseTranslate;
  /** Set once the language's catalogue is in: loads wait for it. */
  private translated = false;

  protected currentState(): ExerciseState {
    return this.s;
  }

  connectedCallback(): void {
    this.startTranslated(() => {
      const dataScript = this.querySelector('script[data-exercise-data]');
      if (dataScript) {
        try { this.data = JSON.parse(dataScript.textContent ?? '{}'); } catch { /* the generator reports what it lacks */ }
      }
      this.translated = true;
      // Built as the reader nears it (startTranslated), so a lesson does not load its exercises as it opens.
      if (this.loads === 0) void this.load();
    });
  }

  attributeChangedCallback(): void {
    // An embed page sets exercise and seed one after the other: load once, after both.
    if (this.translated) queueMicrotask(() => void this.load());
  }

  private async load(): Promise<void> {
    const token = ++this.loads;
    const [{ GENERATORS }, tx] = await Promise.all([import('../../exercises/registry'), loadExerciseTranslator(widgetLanguage(this))]);
    this.tx = tx;
    if (token !== this.loads) return; // a later load has superseded this one
    const id = this.getAttribute('exercise') ?? '';
    this.entry = exerciseEntry(id);
    if (!this.entry) return this.fail(this.t('exercise.missing', { id: id.slice(0, 40) }));
    const fixed = Number(this.getAttribute('seed'));
    const seed = this.hasAttribute('seed') && Number.isInteger(fixed) && fixed >= 0
      ? fixed : seedFor(progressStore(), this.entry.lesson, id, freshSeed);
    this.show(GENERATORS[id], seed);
  }

  private show(generator: ExerciseGenerator, seed: number): void {
    const entry = this.entry!;
    try {
      this.variant = generator.generate(seed, this.data, this.tx);
    } catch (error) {
      return this.fail(this.t('exercise.setupFailed', { error: (error as Error).message }));
    }
    const kept = readLesson(progressStore(), entry.lesson)[entry.id];
    const record = kept?.seed === seed ? kept : { attempts: 0, score: 0 };
    this.s = { exercise: entry.id, lesson: entry.lesson, kind: entry.kind, seed, status: record.attempts > 0 ? (record.score ? 'right' : 'wrong') : 'unanswered',
      attempts: record.attempts, score: record.score, max: 1, message: '', solutionShown: false };
    this.build();
    this.watchWidget();
    this.emitChange();
  }

  private build(): void {
    const entry = this.entry!, variant = this.variant!;
    const messageId = uniqueId('exercise-message');
    const t = this.t;
    const controls = answerControls(variant.expected, messageId, t);
    this.controls = controls;
    const feedback = h('div', { class: 'rb-exercise-feedback', role: 'status', 'aria-live': 'polite' });
    const message = h('p', { class: 'rb-message', id: messageId, hidden: true });
    const solution = h('ol', { class: 'rb-exercise-solution', hidden: true, 'aria-label': t('exercise.solution') }, ...variant.solution.map((line) => h('li', {}, ...withSubscripts(line))));
    const show = h('button', { type: 'button', disabled: this.s.attempts === 0, onclick: () => this.toggleSolution() }, t('exercise.showMe'));
    const status = h('span', { class: 'rb-exercise-status' });
    const check = h('button', { type: 'submit', class: 'rb-exercise-check' }, t('exercise.check'));
    const buttons = h('div', { class: 'rb-row rb-exercise-buttons' }, check, show);
    if (!this.hasAttribute('seed') && entry.kind !== 'widget') {
      buttons.append(h('button', { type: 'button', onclick: () => this.newVariant() }, t('exercise.newNumbers')));
    }
    const form = h('form', { class: 'rb-exercise-form', novalidate: true, onsubmit: (event: Event) => { event.preventDefault(); this.check(); } },
      controls.root, message, buttons);
    controls.control?.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.check(); }
    });
    const body = h('div', { class: 'rb-exercise-body' },
      h('p', { class: 'rb-exercise-head' }, h('span', { class: 'rb-exercise-level' }, level(entry.level, t)), ' ', h('span', { class: 'rb-exercise-title' }, exerciseTitle(this.tx, entry.id)), ' ', status),
      promptView(variant.prompt), form, feedback, solution);
    this.parts = { feedback, message, solution, show, status, body };
    fill(this, body);
    // The heading around the element (Exercise.astro) was written at build time for the page's exercise and
    // language; an embed page can ask for another exercise, or another language, with id= and lang=.
    const heading = this.closest('[data-exercise]')?.querySelector('.rb-exercise-heading');
    if (heading) heading.textContent = exerciseTitle(this.tx, entry.id);
    this.classList.add('rb-widget', 'rb-exercise');
    this.renderStatus();
  }

  private check(): void {
    if (!this.variant || !this.controls || !this.parts) return;
    let verdict: Verdict;
    if (this.variant.expected.kind === 'widget') {
      verdict = this.widget ? this.variant.checkState!((this.widget as unknown as { state: Record<string, unknown> }).state, this.memory)
        : { status: 'invalid', message: this.t('exercise.needsWidget') };
    } else {
      const response = this.controls.read();
      verdict = response ? checkResponse(this.variant, response, this.t) : { status: 'invalid', message: this.t('exercise.answerFirst') };
    }
    if (verdict.status === 'invalid') {
      setMessage(this.parts.message, verdict.message, this.controls.control ?? undefined);
      this.announce(verdict.message);
      return;
    }
    setMessage(this.parts.message, '', this.controls.control ?? undefined);
    const record = recordAttempt(progressStore(), this.s.lesson, this.s.exercise, this.s.seed, verdict.status === 'right');
    progressChanged();
    Object.assign(this.s, { status: verdict.status, attempts: record.attempts, score: record.score, message: verdict.message });
    const lead = verdict.status === 'right' ? this.t('exercise.right') : this.t('exercise.notYet');
    let rest = withoutLead(verdict.message, lead);
    rest = rest.charAt(0).toUpperCase() + rest.slice(1);
    const response = this.controls.read();
    if (this.variant.expected.kind === 'choice' && response && 'choice' in response) {
      // The explanation goes under the option chosen; the feedback line points at it.
      this.controls.showExplanation?.(response.choice, verdict.message);
      rest = this.t('exercise.seeChoice');
    }
    fill(this.parts.feedback, h('p', { class: verdict.status === 'right' ? 'rb-ok' : 'rb-message' }, h('strong', {}, lead), ...(rest ? withSubscripts(` ${rest}`) : [])));
    this.parts.show.disabled = false;
    this.renderStatus();
    this.emitChange();
  }

  private toggleSolution(): void {
    if (!this.parts || this.s.attempts === 0) return;
    this.s.solutionShown = !this.s.solutionShown;
    this.parts.solution.hidden = !this.s.solutionShown;
    this.parts.show.textContent = this.s.solutionShown ? this.t('exercise.hideSolution') : this.t('exercise.showMe');
    this.parts.show.setAttribute('aria-expanded', String(this.s.solutionShown));
    this.emitChange();
  }

  private async newVariant(): Promise<void> {
    const seed = freshSeed();
    restartExercise(progressStore(), this.s.lesson, this.s.exercise, seed);
    progressChanged();
    const { GENERATORS } = await import('../../exercises/registry');
    this.show(GENERATORS[this.s.exercise], seed);
    this.querySelector<HTMLElement>('.rb-exercise-input, input[type=radio]')?.focus();
    this.announce(this.t('exercise.newVariant'));
  }

  private renderStatus(): void {
    if (!this.parts) return;
    const { attempts, score } = this.s;
    this.parts.status.textContent = score ? this.t('exercise.solved', { n: attempts }) : attempts ? this.t('exercise.tries', { n: attempts }) : '';
    this.dataset.solved = String(score >= 1);
  }

  /** A widget task listens to its widget, for what the check needs from earlier settings. */
  private watchWidget(): void {
    const expected = this.variant?.expected;
    if (expected?.kind !== 'widget') return;
    this.widget?.removeEventListener('change', this.onWidgetChange);
    this.widget = document.querySelector<HTMLElement>(expected.tag);
    this.memory = new Map();
    this.widget?.addEventListener('change', this.onWidgetChange);
    if (this.widget && 'state' in this.widget) this.remember((this.widget as unknown as { state: unknown }).state);
  }

  private onWidgetChange = (event: Event) => this.remember((event as CustomEvent).detail);

  private remember(state: unknown): void {
    this.variant?.remember?.(state as Record<string, unknown>, this.memory);
  }

  private fail(message: string): void {
    this.s = { ...this.s, status: 'error', message };
    fill(this, h('p', { class: 'rb-message' }, message));
    this.emitChange();
  }
}

defineWidget('rankbook-exercise', RankbookExercise);
