import { describe, it, expect } from 'vitest';
import { subscriptParts } from '../../../src/widgets/subscripts';

describe('TeX-style subscripts in widget text', () => {
  it('lowers the character after each underscore and keeps the rest as text', () => {
    expect(subscriptParts('‖ΔW‖_F')).toEqual(['‖ΔW‖', { sub: 'F' }]);
    expect(subscriptParts('amplification ‖ΔW‖_F / ‖UᵀWV‖_F (U, V from ΔW)'))
      .toEqual(['amplification ‖ΔW‖', { sub: 'F' }, ' / ‖UᵀWV‖', { sub: 'F' }, ' (U, V from ΔW)']);
    expect(subscriptParts('W_0 + ΔW')).toEqual(['W', { sub: '0' }, ' + ΔW']);
  });

  it('leaves text without subscripts, and a lone underscore, alone', () => {
    expect(subscriptParts('rank 8')).toEqual(['rank 8']);
    expect(subscriptParts('a _ b')).toEqual(['a _ b']);
  });
});
