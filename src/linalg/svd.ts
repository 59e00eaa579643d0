import { SingularValueDecomposition, Matrix } from 'ml-matrix';

/** Singular values of M, largest first. */
export function singularValues(M: number[][]): number[] {
  if (M.length === 0 || M[0].length === 0) return [];
  const svd = new SingularValueDecomposition(new Matrix(M), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  return [...svd.diagonal].sort((a, b) => b - a);
}
