import type { ColourMode } from '../linalg/image';

export const SAMPLE_IMAGES = ['astronaut', 'camera', 'coffee', 'chelsea', 'noise'] as const;

export interface SvdInputs {
  image: string;
  mode: ColourMode;
  centred: boolean;
  k: number;
}

/**
 * The SVD compressor's attributes, checked as any input is: each good one replaces the current value, each
 * bad one leaves it and adds a sentence to `problems`. No DOM: `attribute` reads the element's attributes.
 */
export function readSvdAttributes(attribute: (name: string) => string | null, current: SvdInputs): { inputs: SvdInputs; problems: string[] } {
  const inputs = { ...current };
  const problems: string[] = [];
  const image = attribute('image');
  if (image !== null) {
    if ((SAMPLE_IMAGES as readonly string[]).includes(image)) inputs.image = image;
    else problems.push(`There is no sample image “${image.slice(0, 20)}”; choose ${SAMPLE_IMAGES.join(', ')}.`);
  }
  const mode = attribute('mode');
  if (mode !== null) {
    if (mode === 'grey' || mode === 'colour') inputs.mode = mode;
    else problems.push(`Mode “${mode.slice(0, 20)}” is not grey or colour.`);
  }
  const centred = attribute('centred');
  if (centred !== null) {
    // A bare attribute (centred="") means true, as HTML's boolean attributes do.
    if (centred === '' || centred === 'true' || centred === 'false') inputs.centred = centred !== 'false';
    else problems.push(`Centred “${centred.slice(0, 20)}” is not true or false.`);
  }
  const k = attribute('k');
  if (k !== null) {
    const value = Number(k);
    if (Number.isFinite(value) && value >= 1) inputs.k = Math.round(value);
    else problems.push(`Rank “${k.slice(0, 20)}” must be a whole number of at least 1.`);
  }
  return { inputs, problems };
}
