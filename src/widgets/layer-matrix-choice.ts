/**
 * Which block and which adapted matrix to look at: the choice the lesson-7 widgets over the shipped adapters
 * (ΔW against W, subspace overlap) share, as controls and as the layer="…" attribute.
 */
import { h, uniqueId } from './dom';
import type { Translate } from '../i18n/translate';

/** Blocks in the shipped model. */
export const LAYERS = 2;
/** The matrices the shipped adapters adapt. */
export type AdaptedMatrix = 'wq' | 'wv';

/** A <select> and its <label> (`row`, in that order); ids start with `idPrefix`. */
export function labelledSelect(idPrefix: string, label: string, options: [string, string][], onchange: () => void) {
  const id = uniqueId(idPrefix);
  const el = h('select', { id, onchange }, ...options.map(([value, text]) => h('option', { value }, text)));
  return { el, row: [h('label', { for: id }, label), el] };
}

export function layerSelect(idPrefix: string, t: Translate, onchange: (layer: number) => void) {
  const select = labelledSelect(idPrefix, t('subspace.layer'), Array.from({ length: LAYERS }, (_, i) => [String(i + 1), t('subspace.layerOption', { n: i + 1 })]),
    () => onchange(Number(select.el.value)));
  return select;
}

export function matrixSelect(idPrefix: string, t: Translate, onchange: (matrix: AdaptedMatrix) => void) {
  const select = labelledSelect(idPrefix, t('subspace.matrix'), [['wq', t('subspace.matrixWq')], ['wv', t('subspace.matrixWv')]],
    () => onchange(select.el.value as AdaptedMatrix));
  return select;
}

/** The layer="…" attribute: 1 to LAYERS; anything else shows layer 1, with a note pushed onto `problems`. */
export function readLayer(raw: string | null, problems: string[], t: Translate): number {
  if (raw === null) return 1;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1 && n <= LAYERS) return n;
  problems.push(t('subspace.layerProblem', { value: raw, most: LAYERS }));
  return 1;
}
