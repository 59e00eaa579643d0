import { describe, expect, it } from 'vitest';
import { acquireWorkspace, reserveWorkspace, simdAvailable } from '../../../src/linalg/workspace';
import { tridiagonalWorkspaceSize } from '../../../src/linalg/householder-tridiagonal';

describe('reserveWorkspace', () => {
  it.runIf(simdAvailable())('grows the cached memory now, so a later acquire of that size does not grow it', () => {
    const doubles = 300_000;
    reserveWorkspace(doubles, 'scratch');
    const reserved = acquireWorkspace(0, 'scratch').f64;
    expect(reserved.length).toBeGreaterThanOrEqual(doubles);
    // The same buffer: a grow would have detached it and handed out a new one.
    expect(acquireWorkspace(doubles, 'scratch', false).f64.buffer).toBe(reserved.buffer);
  });

  it('sizes the tridiagonalisation\'s workspace to hold the padded matrix and its panels', () => {
    const n = 512;
    expect(tridiagonalWorkspaceSize(n)).toBeGreaterThan((n + 2) * (n + 4));
    expect(tridiagonalWorkspaceSize(n)).toBeLessThan(1.5 * n * n);
  });
});
