import type { ExerciseCatalogue } from '../en';

/** Lesson 7's exercises (07-why-low-rank). */
export const subspace = {
  'phi-rank-one.title': '两个秩 1 适配器的 φ',
  'phi-rank-one.prompt': '两个秩 1 适配器分别为 A₁ = [{u}] 和 A₂ = [{v}]（都是 1 × {k}）。φ(A₁, A₂, 1, 1) 是多少？保留两位小数。',
  'phi-rank-one.solutionRows': '每个矩阵只有一行时，排在最前的右奇异向量就是归一化后的这一行本身。',
  'phi-rank-one.solutionPhi': 'φ = (u · v)² / (‖u‖² ‖v‖²) = {dot}² / ({uu} × {vv}) = {top}/{bottom} ≈ {phi}：即两者夹角余弦的平方。',
  'phi-rank-one.slipCosine': '这是余弦；φ 是它的平方。',
  'phi-rank-one.slipNormalise': '先归一化：除以 ‖u‖² ‖v‖²。',

  'phi-random.title': '随机子空间的 φ',
  'phi-random.prompt': 'ℝ^{k} 中两个随机子空间，维数分别为 i = {i} 和 j = {j}：仅凭偶然，φ(i, j) 大约会是多少？给出精确分数或小数。',
  'phi-random.solutionProjection': '一个子空间的前 i 个方向中，每个方向在另一个子空间上投影长度平方的期望都是 j / k，所以 ‖U_iᵀ V_j‖² ≈ i j / k。',
  'phi-random.solutionPhi': '除以 min(i, j) = {min}，得到 φ ≈ max(i, j) / k = {max}/{k} = {value}：训练出的一对若远高于此值，就说明它们共享方向。',
  'phi-random.slipMin': '这是 min(i, j) / k：总和 i j / k 要除以 min(i, j)，剩下的是 max(i, j) / k。',
  'phi-random.slipUndivided': '这是 ‖U_iᵀ V_j‖² 本身；φ 还要再除以 min(i, j)。',

  'amplification.title': '放大系数',
  'amplification.prompt': '一个秩为 {r} 的 ΔW 的奇异值为 {values}。投影到 ΔW 自己的 {r} 个奇异方向上，W 的 ‖Uᵀ W Vᵀ‖_F = {projected}。放大系数 ‖ΔW‖_F / ‖Uᵀ W Vᵀ‖_F 是多少？保留一位小数。',
  'amplification.solutionFactor': '{norm} / {projected} ≈ {factor}：ΔW 放大的是 W 本来就有、却几乎没有用上的方向。',
  'amplification.slipSpectral': '这只用了 σ₁（谱范数）；Frobenius 范数要把所有 σ² 加起来。',
  'amplification.slipSquare': '先把各个 σ 平方再相加，然后开平方。',
  'amplification.slipUpsideDown': '颠倒了：‖ΔW‖_F 应该在分子上。',

  'choose-r.title': '从秩扫描中选 r',
  'choose-r.prompt': '训练 {steps} 步后，在 {targets} 上的 LoRA 得到这些验证损失：{losses}。与最好结果相差不超过 {margin} 的最小 r 是多少？',
  'choose-r.solutionBest': '最好的是 {best}（r = {r}）；相差不超过 {margin}，即最多 {limit}。',
  'choose-r.solutionFirst': '第一个不超过这个值的秩是 r = {r}（{loss}）：更大的 r 要多花不少数，收益却很小。',
  'choose-r.slipUntried': '这次扫描只试过 r = {ranks}。',
  'choose-r.slipTooHigh': 'r = {r} 达到 {loss}，比最好的 {best} 高出超过 {margin}。',
  'choose-r.slipNotSmallest': 'r = {r} 在 {margin} 之内，但还有更小的 r 也在。',

  'sweep-cell.title': '损失达标的最省单元格',
  'sweep-cell.prompt': '在上面的秩扫描表中，选出在验证损失低于 {threshold} 的前提下训练的数最少的单元格（若相同，取损失较低的那个）。选中它之后按“检查”。',
  'sweep-cell.solutionCells': '低于 {threshold} 的单元格：{cells}。',
  'sweep-cell.cellText': '{adapter}（{trainable} 个数，{loss}）',
  'sweep-cell.solutionCheapest': '最省的是{adapter}。',
  'sweep-cell.waitSweep': '请等秩扫描加载完毕。',
  'sweep-cell.chooseCell': '请选择表中的一个单元格。',
  'sweep-cell.right': '正确：{adapter} 训练 {trainable} 个数，达到 {loss}。',
  'sweep-cell.notBelow': '{adapter} 达到 {loss}，没有低于 {threshold}。',
  'sweep-cell.cheaperExists': '{adapter} 低于 {threshold}，但另有一个低于该值的单元格训练的数更少。',
  'sweep-cell.lowerLossExists': '{adapter} 低于 {threshold}，但另有一个低于该值的单元格训练的数一样少，损失却更低。',
} satisfies Partial<ExerciseCatalogue>;
