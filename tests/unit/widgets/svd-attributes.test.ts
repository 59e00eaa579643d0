import { describe, expect, it } from 'vitest';
import { readSvdAttributes, type SvdInputs } from '../../../src/widgets/svd-attributes';
import { fillMessage } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages/en';

const current: SvdInputs = { image: 'astronaut', mode: 'colour', centred: true, k: 20 };
const read = (attributes: Record<string, string>) => readSvdAttributes((name) => attributes[name] ?? null, current);

describe('readSvdAttributes', () => {
  it('takes good values, centred as true, false or a bare attribute', () => {
    expect(read({ image: 'noise', mode: 'grey', centred: 'false', k: '7.4' })).toEqual({
      inputs: { image: 'noise', mode: 'grey', centred: false, k: 7 }, problems: [] });
    expect(read({ centred: '' }).inputs.centred).toBe(true);
    expect(readSvdAttributes((name) => (name === 'centred' ? 'true' : null), { ...current, centred: false }).inputs.centred).toBe(true);
  });

  it('keeps the current value and says why for each bad one', () => {
    const { inputs, problems } = read({ image: 'moon', centred: 'yes', k: '0' });
    expect(inputs).toEqual(current);
    expect(problems).toEqual([
      { key: 'svd.attributeImage', values: { value: 'moon', choices: 'astronaut, camera, coffee, chelsea, noise' } },
      { key: 'svd.attributeCentred', values: { value: 'yes' } },
      { key: 'svd.attributeRank', values: { value: '0' } },
    ]);
    // Worded in English by the catalogue as before.
    expect(fillMessage('en', en[problems[1].key], problems[1].values)).toBe('Centred “yes” is not true or false.');
  });
});
