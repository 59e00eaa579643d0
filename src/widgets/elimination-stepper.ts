import { h, fill, uniqueId } from './dom';
import { matrixView } from './matrix-view';
import type { Elimination } from '../linalg/rref';
import { describeOperation } from '../linalg/rref';
import { formatFraction, type FractionMatrix } from '../linalg/fraction-matrix';
import type { RowOperation } from '../linalg/rref';
import type { Translate } from '../i18n/translate';

const text = (M: FractionMatrix) => M.map((row) => row.map(formatFraction));

/**
 * Replays an exact elimination one row operation at a time: a slider and buttons choose the step, the
 * matrix after it is drawn with its pivot highlighted and the changed rows marked, and the list of all
 * operations lets a reader jump to any of them.
 */
export class EliminationStepper {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly caption: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly buttons: Record<'first' | 'previous' | 'next' | 'last', HTMLButtonElement>;
  private original: FractionMatrix = [];
  private elimination: Elimination | null = null;
  step = 0;

  constructor(private readonly onStep: (step: number) => void, private readonly t: Translate) {
    const sliderId = uniqueId('step');
    this.slider = h('input', { type: 'range', id: sliderId, min: 0, max: 0, value: 0, step: 1 });
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    const button = (label: string, to: () => number) =>
      h('button', { type: 'button', onclick: () => this.show(to()) }, label);
    this.buttons = {
      first: button(t('stepper.first'), () => 0),
      previous: button(t('stepper.previous'), () => this.step - 1),
      next: button(t('stepper.next'), () => this.step + 1),
      last: button(t('stepper.last'), () => this.elimination?.steps.length ?? 0),
    };
    this.caption = h('p', { class: 'rb-step-caption' });
    this.stage = h('div', { class: 'rb-step-stage' });
    this.list = h('ol', { class: 'rb-step-list' });
    this.element = h('section', { class: 'rb-stepper', 'aria-label': t('stepper.region'), 'data-control': 'steps' },
      h('div', { class: 'rb-row' },
        h('label', { for: sliderId }, t('stepper.step')), this.slider,
        this.buttons.first, this.buttons.previous, this.buttons.next, this.buttons.last),
      this.caption, this.stage,
      h('details', {}, h('summary', {}, t('stepper.allOperations')), this.list),
    );
  }

  setElimination(original: FractionMatrix, elimination: Elimination, step: number): void {
    this.original = original;
    this.elimination = elimination;
    this.slider.max = String(elimination.steps.length);
    fill(this.list, ...elimination.steps.map((s, i) =>
      h('li', {}, h('button', { type: 'button', class: 'rb-link', onclick: () => this.show(i + 1) },
        this.describe(s.operation)))));
    if (elimination.steps.length === 0) fill(this.list, h('li', {}, this.t('stepper.noOperations')));
    this.show(step, false);
  }

  show(step: number, notify = true): void {
    const elimination = this.elimination;
    if (!elimination) return;
    const total = elimination.steps.length;
    this.step = Math.max(0, Math.min(total, Math.round(step)));
    const current = this.step === 0 ? null : elimination.steps[this.step - 1];
    const description = current ? this.describe(current.operation) : this.t('stepper.asEntered');
    const words = this.t('stepper.valueText', { step: this.step, total, operation: description });
    this.slider.value = String(this.step);
    this.slider.setAttribute('aria-valuetext', words);
    this.buttons.first.disabled = this.buttons.previous.disabled = this.step === 0;
    this.buttons.next.disabled = this.buttons.last.disabled = this.step === total;
    const done = this.step === total ? this.t('stepper.done') : '';
    this.caption.textContent = this.t('stepper.caption', { step: this.step, total, operation: description }) + done;
    const matrix = current ? current.matrix : this.original;
    const changed = new Set<number>();
    if (current?.operation.kind === 'swap') changed.add(current.operation.rowA).add(current.operation.rowB);
    if (current?.operation.kind === 'scale') changed.add(current.operation.row);
    if (current?.operation.kind === 'add') changed.add(current.operation.target);
    const highlight = new Set(current ? [current.pivot.join(',')] : []);
    fill(this.stage, matrixView(text(matrix), { label: this.t('stepper.matrixAfter', { step: this.step }), highlight, changedRows: changed }));
    if (notify) this.onStep(this.step);
  }

  /** A row operation as the stepper lists it: the formulas as written everywhere, a swap in words. */
  private describe(op: RowOperation): string {
    return op.kind === 'swap' ? this.t('stepper.swap', { a: op.rowA + 1, b: op.rowB + 1 }) : describeOperation(op);
  }
}
