/** Lesson 2's exercises (02-low-rank-factorisation). */
export const factorisation = {
  'storage-count.title': 'Numbers stored in factored form',
  'storage-count.prompt': 'A matrix of size {m} × {n} has rank {r}. How many numbers does it take to store it as a product L R, with L of size {m} × {r} and R of size {r} × {n}?',
  'storage-count.solutionFactors': 'The left factor holds {m} × {r} = {left} numbers, the right {r} × {n} = {right}.',
  'storage-count.solutionTotal': 'Together r (m + n) = {r} × ({m} + {n}) = {factored}, against m n = {full} for the full matrix.',
  'storage-count.full': 'That is m n, the full matrix. The factors hold r (m + n) numbers.',
  'storage-count.sum': 'm + n counts one column and one row: multiply by r = {r}, one pair for each rank.',
  'storage-count.leftOnly': '{left} is only the left factor (m × r); add the right one, r × n = {right}.',
  'storage-count.rightOnly': '{right} is only the right factor (r × n); add the left one, m × r = {left}.',
  'storage-count.product': 'r m n multiplies all three: the factors hold r m + r n numbers.',

  'rank-one-factor.title': 'A rank-1 matrix as a column times a row',
  'rank-one-factor.prompt': 'M has rank 1, so M = u v for a column u and a row v. With u given, find the row v (1 × 3).',
  'rank-one-factor.solutionV': 'Row 1 of M is u₁ v, so v = (row 1 of M) / u₁ = {row} / {u1} = {v}.',
  'rank-one-factor.solutionCheck': 'Check: u v gives back every row, row i being uᵢ times v.',
  'rank-one-factor.wrongRow': 'u times your v gives {product} for row {row}, but M’s row {row} is {want}.',

  'column-row.title': 'M = C R: find R',
  'column-row.prompt': 'M has rank 2. C holds its pivot columns (columns {a} and {b}). Find R (2 × {n}) so that M = C R.',
  'column-row.solutionR': 'R is the non-zero rows of rref(M): {R}.',
  'column-row.solutionColumns': 'Each column of R says how to mix C’s columns into that column of M; the pivot columns of R form the identity.',
  'column-row.wrongRow': 'C times your R gives {product} as row {row}, but M’s row {row} is {want}.',

  'break-even.title': 'When factoring stops saving',
  'break-even.prompt': 'A matrix of size {m} × {n} and rank r is stored as two factors, r (m + n) numbers. What is the largest r for which that stores fewer numbers than the {entries} entries?',
  'break-even.solutionBound': 'r (m + n) < m n means r < m n / (m + n) = {mn} / {sum} ≈ {bound}.',
  'break-even.solutionLargest': 'The largest whole r below that is {r}: {r} × {sum} = {count} < {mn}, while {next} × {sum} = {nextCount} is not.',
  'break-even.tooLarge': 'At r = {x} the factors hold {x} × {sum} = {count} numbers, not fewer than {mn}.',
  'break-even.tooSmall': 'r = {next} still saves: {next} × {sum} = {count} < {mn}.',
} satisfies Record<string, string>;
