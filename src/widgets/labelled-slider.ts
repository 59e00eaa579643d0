import { h, uniqueId } from './dom';
import { formatLocaleNumber } from '../i18n/number-format';

export interface LabelledSlider {
  /** The label, the slider, its value and its message, laid out by .rb-sliders (a grid). */
  row: HTMLElement;
  input: HTMLInputElement;
  output: HTMLOutputElement;
  /** Says why an attribute's value was not used; hidden when empty (see setMessage). */
  message: HTMLElement;
}

/** A native range input with a visible label, its value beside it and a message slot it is described by. */
export function labelledSlider(name: string, label: string, attrs: { min: number; max: number; step?: number }, onInput: () => void): LabelledSlider {
  const id = uniqueId(`slider-${name}`);
  const messageId = uniqueId('slider-message');
  const input = h('input', { type: 'range', id, step: attrs.step ?? 1, min: attrs.min, max: attrs.max,
    'aria-describedby': messageId, 'data-slider': name, oninput: onInput });
  const output = h('output', { for: id, class: 'rb-slider-value' });
  const message = h('p', { id: messageId, class: 'rb-message', role: 'alert', hidden: true });
  return { row: h('div', { class: 'rb-slider-row' }, h('label', { for: id }, label), input, output, message), input, output, message };
}

export const count = (n: number) => formatLocaleNumber('en', n);

/** The index of the stop nearest to n on a log scale (for sliders that step through sizes). */
export function nearestStop(stops: readonly number[], n: number): number {
  return stops.reduce((best, s, i) => (Math.abs(Math.log(s / n)) < Math.abs(Math.log(stops[best] / n)) ? i : best), 0);
}
