import { h, uniqueId } from '../dom';
import type { Response } from '../../exercises/checking';
import type { Expected } from '../../exercises/types';
import type { Translate } from '../../i18n/translate';

/** The control a reader answers with, by kind: a field, a box for rows, radio options, or nothing (widget). */
export interface AnswerControls {
  root: HTMLElement;
  /** The control a message belongs to (aria-describedby, aria-invalid). */
  control: HTMLElement | null;
  read(): Response | null;
  /** For choices: where each option's explanation goes once it has been picked. */
  showExplanation?(index: number, text: string): void;
}

export function answerControls(expected: Expected, messageId: string, t: Translate): AnswerControls {
  const id = uniqueId('answer');
  const describedBy = `${messageId} ${id}-hint`;
  switch (expected.kind) {
    case 'number':
    case 'fraction': {
      const label = expected.kind === 'number' && expected.unit ? t('answer.yourAnswerUnit', { unit: expected.unit }) : t('answer.yourAnswer');
      const hint = expected.kind === 'fraction' ? t('answer.fractionHint') : t('answer.numberHint');
      const input = h('input', { type: 'text', id, inputmode: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': describedBy, class: 'rb-exercise-input' });
      return {
        root: h('div', { class: 'rb-exercise-field' }, h('label', { for: id }, label), input, h('p', { class: 'rb-note', id: `${id}-hint` }, hint)),
        control: input,
        read: () => ({ text: input.value }),
      };
    }
    case 'matrix': {
      const rows = expected.value.length, cols = expected.value[0].length;
      const box = h('textarea', { id, rows: rows + 1, cols: 24, spellcheck: 'false', 'aria-describedby': describedBy, class: 'rb-exercise-input' });
      return {
        root: h('div', { class: 'rb-exercise-field' }, h('label', { for: id }, t('answer.yourMatrix', { rows, cols })), box,
          h('p', { class: 'rb-note', id: `${id}-hint` }, t('answer.matrixHint'))),
        control: box,
        read: () => ({ text: box.value }),
      };
    }
    case 'choice': {
      const name = uniqueId('choice');
      const explanations: HTMLElement[] = [];
      const radios = expected.options.map((option, i) => {
        const radio = h('input', { type: 'radio', name, value: String(i), id: `${name}-${i}` });
        const why = h('p', { class: 'rb-exercise-why', hidden: true });
        explanations.push(why);
        return h('div', { class: 'rb-exercise-option' }, radio, h('label', { for: `${name}-${i}` }, option.text), why);
      });
      const fieldset = h('fieldset', { class: 'rb-exercise-choices', 'aria-describedby': messageId }, h('legend', {}, t('answer.chooseOne')), ...radios);
      return {
        root: fieldset,
        control: fieldset,
        read: () => {
          const checked = fieldset.querySelector<HTMLInputElement>('input:checked');
          return checked ? { choice: Number(checked.value) } : { choice: -1 };
        },
        showExplanation(index, text) {
          explanations.forEach((p, i) => { p.hidden = i !== index; if (i === index) p.textContent = text; });
        },
      };
    }
    case 'widget':
      return { root: h('p', { class: 'rb-note' }, t('answer.setWidget')), control: null, read: () => null };
  }
}
