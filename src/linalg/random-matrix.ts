import { eliminate } from './rref';
import { fromNumbers } from './fraction-matrix';
import type { Random } from './seeded-random';

const smallInteger = (random: Random) => Math.floor(random() * 7) - 3; // -3..3: easy to read

/**
 * An m x n integer matrix that is a sum of k outer products of small integer vectors. Its rank is at most k;
 * callers that need exactly k check with exact elimination and draw again.
 */
export function lowRankIntegerMatrix(m: number, n: number, k: number, random: Random): number[][] {
  const left = Array.from({ length: m }, () => Array.from({ length: k }, () => smallInteger(random)));
  const right = Array.from({ length: k }, () => Array.from({ length: n }, () => smallInteger(random)));
  return left.map((row) =>
    Array.from({ length: n }, (_, j) => row.reduce((sum, x, t) => sum + x * right[t][j], 0)),
  );
}

/** An m x n integer matrix of rank exactly min(k, m, n), drawn until exact elimination agrees. */
export function integerMatrixOfRank(m: number, n: number, k: number, random: Random): number[][] {
  const target = Math.max(0, Math.min(k, m, n));
  for (let attempt = 0; attempt < 100; attempt++) {
    const M = lowRankIntegerMatrix(m, n, target, random);
    if (eliminate(fromNumbers(M)).rank === target) return M;
  }
  throw new Error(`no ${m}x${n} matrix of rank ${target} drawn in 100 attempts`);
}
