import type { ExerciseCatalogue } from '../en';

/** Lesson 2's exercises (02-low-rank-factorisation). */
export const factorisation = {
  'storage-count.title': '分解形式需要存储多少个数',
  'storage-count.prompt': '一个 {m} × {n} 矩阵的秩为 {r}。把它存成乘积 L R（L 为 {m} × {r}，R 为 {r} × {n}）需要存储多少个数？',
  'storage-count.solutionFactors': '左因子有 {m} × {r} = {left} 个数，右因子有 {r} × {n} = {right} 个数。',
  'storage-count.solutionTotal': '合计 r (m + n) = {r} × ({m} + {n}) = {factored}，而完整矩阵需要 m n = {full} 个数。',
  'storage-count.full': '这是 m n，即完整矩阵。两个因子合计只有 r (m + n) 个数。',
  'storage-count.sum': 'm + n 只算了一列和一行：还要乘以 r = {r}，秩每多 1 就多一对。',
  'storage-count.leftOnly': '{left} 只是左因子（m × r）；还要加上右因子 r × n = {right}。',
  'storage-count.rightOnly': '{right} 只是右因子（r × n）；还要加上左因子 m × r = {left}。',
  'storage-count.product': 'r m n 把三者乘在了一起：两个因子合计是 r m + r n 个数。',

  'rank-one-factor.title': '秩 1 矩阵等于一列乘一行',
  'rank-one-factor.prompt': 'M 的秩为 1，所以 M = u v，其中 u 是列向量，v 是行向量。已知 u，求行向量 v（1 × 3）。',
  'rank-one-factor.solutionV': 'M 的第 1 行是 u₁ v，所以 v = （M 的第 1 行）/ u₁ = {row} / {u1} = {v}。',
  'rank-one-factor.solutionCheck': '验算：u v 能还原每一行，第 i 行就是 uᵢ 乘 v。',
  'rank-one-factor.wrongRow': 'u 乘你的 v，第 {row} 行得到 {product}，但 M 的第 {row} 行是 {want}。',

  'column-row.title': 'M = C R：求 R',
  'column-row.prompt': 'M 的秩为 2。C 由 M 的主元列组成（第 {a} 列和第 {b} 列）。求 R（2 × {n}），使 M = C R。',
  'column-row.solutionR': 'R 就是 rref(M) 的非零行：{R}。',
  'column-row.solutionColumns': 'R 的每一列说明如何用 C 的各列组合出 M 的对应列；R 的主元列构成单位矩阵。',
  'column-row.wrongRow': 'C 乘你的 R，第 {row} 行得到 {product}，但 M 的第 {row} 行是 {want}。',

  'break-even.title': '分解何时不再省空间',
  'break-even.prompt': '一个 {m} × {n}、秩为 r 的矩阵存成两个因子，共 r (m + n) 个数。r 最大取多少时，存储的数仍少于矩阵的 {entries} 个元素？',
  'break-even.solutionBound': 'r (m + n) < m n 意味着 r < m n / (m + n) = {mn} / {sum} ≈ {bound}。',
  'break-even.solutionLargest': '小于它的最大整数 r 是 {r}：{r} × {sum} = {count} < {mn}，而 {next} × {sum} = {nextCount} 则不然。',
  'break-even.tooLarge': '当 r = {x} 时，两个因子共有 {x} × {sum} = {count} 个数，并不少于 {mn}。',
  'break-even.tooSmall': 'r = {next} 仍然更省：{next} × {sum} = {count} < {mn}。',
} satisfies Partial<ExerciseCatalogue>;
