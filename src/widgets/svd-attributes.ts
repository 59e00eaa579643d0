import type { ColourMode } from '../linalg/image';
import type { MessageKey } from '../i18n/translate';

export const SAMPLE_IMAGES = ['astronaut', 'camera', 'coffee', 'chelsea', 'noise'] as const;

export interface SvdInputs {
  image: string;
  mode: ColourMode;
  centred: boolean;
  k: number;
}

/** A bad attribute: the catalogue message that says so, and what fills it (the value cut to 20 characters). */
export interface AttributeProblem {
  key: Extract<MessageKey, `svd.attribute${string}`>;
  values: { value: string; choices?: string };
}

/**
 * The SVD compressor's attributes, checked as any input is: each good one replaces the current value, each
 * bad one leaves it and adds a problem, worded by the widget in its language. No DOM: `attribute` reads the
 * element's attributes.
 */
export function readSvdAttributes(attribute: (name: string) => string | null, current: SvdInputs): { inputs: SvdInputs; problems: AttributeProblem[] } {
  const inputs = { ...current };
  const problems: AttributeProblem[] = [];
  const refuse = (key: AttributeProblem['key'], value: string, choices?: string) =>
    problems.push({ key, values: { value: value.slice(0, 20), ...(choices ? { choices } : {}) } });
  const image = attribute('image');
  if (image !== null) {
    if ((SAMPLE_IMAGES as readonly string[]).includes(image)) inputs.image = image;
    else refuse('svd.attributeImage', image, SAMPLE_IMAGES.join(', '));
  }
  const mode = attribute('mode');
  if (mode !== null) {
    if (mode === 'grey' || mode === 'colour') inputs.mode = mode;
    else refuse('svd.attributeMode', mode);
  }
  const centred = attribute('centred');
  if (centred !== null) {
    // A bare attribute (centred="") means true, as HTML's boolean attributes do.
    if (centred === '' || centred === 'true' || centred === 'false') inputs.centred = centred !== 'false';
    else refuse('svd.attributeCentred', centred);
  }
  const k = attribute('k');
  if (k !== null) {
    const value = Number(k);
    if (Number.isFinite(value) && value >= 1) inputs.k = Math.round(value);
    else refuse('svd.attributeRank', k);
  }
  return { inputs, problems };
}
