import { describe, expect, it } from 'vitest';
import { readSvdAttributes, type SvdInputs } from '../../../src/widgets/svd-attributes';

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
      expect.stringContaining('no sample image “moon”'),
      'Centred “yes” is not true or false.',
      expect.stringContaining('at least 1'),
    ]);
  });
});
