import { applyTridiagonalQ } from './householder-back-transform';
import { tridiagonalize } from './householder-tridiagonal';
import { tridiagonalEigen, type SymmetricEigen } from './tridiagonal-eigen';

export type { SymmetricEigen };

/**
 * All eigenvalues (ascending) and eigenvectors (rows) of a symmetric n x n matrix given in full row-major
 * storage, which is overwritten: Householder tridiagonalisation, divide and conquer on the tridiagonal, then
 * the reflectors applied back to the vectors (the dsytrd + dstedc + dormtr route of LAPACK's dsyevd).
 */
export function symmetricEigen(A: Float64Array, n: number, onProgress?: (fraction: number) => void): SymmetricEigen {
  const tri = tridiagonalize(A, n, onProgress && ((f) => onProgress(0.4 * f)));
  const eigen = tridiagonalEigen(tri.diagonal, tri.offDiagonal);
  onProgress?.(0.6);
  applyTridiagonalQ(tri, eigen.vectors, n);
  onProgress?.(1);
  return eigen;
}
