import type { ExerciseCatalogue } from '../en';

/** Lesson 1's exercises (01-rank). */
export const rank = {
  'max-rank.title': '秩的最大可能值',
  'max-rank.prompt': '一个矩阵有 {m} 行 {n} 列。它的秩最大可能是多少？',
  'max-rank.rightRows': '正确：秩既数线性无关的行，也数线性无关的列，而这个矩阵只有 {low} 行。',
  'max-rank.rightColumns': '正确：秩既数线性无关的行，也数线性无关的列，而这个矩阵只有 {low} 列。',
  'max-rank.highRows': '不对：{high} 行都位于 {low} 维空间中，所以其中至多 {low} 行线性无关。',
  'max-rank.highColumns': '不对：{high} 列都位于 {low} 维空间中，所以其中至多 {low} 列线性无关。',
  'max-rank.entries': '不对：{entries} 是元素的个数，不是线性无关的行数。',
  'max-rank.sum': '不对：m + n 把行数和列数加在了一起；秩至多是两者中较小的那个。',
  'max-rank.solutionBound': '行秩 = 列秩，而且都不能超过行数或列数：秩 ≤ min({m}, {n}) = {low}。',
  'max-rank.solutionRows': '有 {low} 个线性无关行的矩阵就能达到这个值。',
  'max-rank.solutionColumns': '有 {low} 个线性无关列的矩阵就能达到这个值。',

  'rank-of-matrix.title': '矩阵的秩',
  'rank-of-matrix.prompt': 'M 的秩是多少？',
  'rank-of-matrix.solutionOne': '化简后只有 1 个非零行（主元在第 {column} 列）：秩为 1。',
  'rank-of-matrix.solutionMany': '化简后有 {r} 个非零行（主元在第 {columns} 列）：秩为 {r}。',
  'rank-of-matrix.notWhole': '秩是整数：它就是主元的个数。',
  'rank-of-matrix.aboveRows': 'M 只有 {m} 行，所以它的秩至多为 {m}。',
  'rank-of-matrix.tooMany': '多了：消元之后，化简形式的第 {row} 行全为零（{zeros}），没有带来任何新东西。',
  'rank-of-matrix.tooFew': '少了：化简形式的第 {row} 行仍有主元，在第 {column} 列。',

  'rref.title': '行最简形',
  'rref.prompt': '把 M 化为行最简形（零行放在最下面）。可以使用 2/3 这样的分数。',
  'rref.zeroRow': '第 {row} 行应全为零：M 的秩为 {rank}，所以只有 {rank} 行保留主元。',
  'rref.notZero': '第 {row} 行不应为零行：它在第 {column} 列保留一个主元。',
  'rref.leadColumn': '第 {row} 行的首个非零元应在第 {column} 列，而不是第 {lead} 列。',
  'rref.scaled': '第 {row} 行只差一个倍数：把它除以 {factor}，使主元为 1。',
  'rref.pivotNotOne': '第 {row} 行的主元应为 1，而不是 {pivot}。',
  'rref.otherPivot': '第 {row} 行在第 {column} 列是 {value}，而这一列是另一行的主元列：应把它消成 0。',
  'rref.entry': '第 {row} 行第 {column} 列：消元得到 {want}，而不是 {given}。',

  'missing-entry.title': '补上一个元素，使秩为 1',
  'missing-entry.prompt': 'x 取什么值时，M 是秩 1 矩阵？',
  'missing-entry.solutionRows': '秩为 1 意味着每一行都是其他任意一行的倍数：第 {row} 行 = {ratio} × 第 {other} 行（由第 {column} 列得出）。',
  'missing-entry.solutionX': '所以 x = {a} × {b} / {c} = {x}。',
  'missing-entry.wrongRank': '当 x = {x} 时，消元后留下 {r} 个主元：M 的秩为 {r}。各行必须互为倍数。',
} satisfies Partial<ExerciseCatalogue>;
