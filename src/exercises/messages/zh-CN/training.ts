import type { ExerciseCatalogue } from '../en';

/** Lesson 6's exercises (06-train-lora). */
export const training = {
  // A run of the shipped rank sweep by its adapter, and what separates runs in a list (lessons 6 and 7).
  'sweep.adapter': '在 {targets} 上取 r = {r}',
  'sweep.listSeparator': '；',

  'tiny-trainable.title': '微型模型中的可训练数',
  'tiny-trainable.prompt': '本课程的微型模型有 {blocks} 个宽度为 {width} 的块；它的注意力矩阵都是 {width} × {width}。在每个块的 {targets} 上使用 r = {r} 的 LoRA：一共要训练多少个数？',
  'tiny-trainable.solutionOne': '一个矩阵：r (d + k) = {r} × ({d} + {d}) = {one}。',
  'tiny-trainable.solutionTotal': '{blocks} 个块 × {matrices} 个矩阵 × {one} = {total}。',
  'tiny-trainable.slipOneBlock': '这只是一个块：一共有 {blocks} 个。',
  'tiny-trainable.slipOneMatrix': '这只是一个矩阵：{blocks} 个块中的 {targets} 共 {matrices} 个矩阵。',
  'tiny-trainable.slipFrozen': '这是冻结矩阵本身的大小；每对 B 和 A 只有 r (d + k) 个数。',
  'tiny-trainable.slipBOnly': '这只算了 B；每个矩阵的 A 还要再加 r × k 个。',

  'trainable-share.title': '模型中参与训练的比例',
  'trainable-share.prompt': '微型模型有 {total} 个参数。{adapter} 的 LoRA 训练其中 {trainable} 个。这占百分之几？保留两位小数。',
  'trainable-share.solutionShare': '{n} / {m} × 100 ≈ {p}%。',
  'trainable-share.solutionFrozen': '其余 {frozen}% 保持冻结：它们不需要梯度，也不需要优化器状态。',
  'trainable-share.slipFraction': '这是一个比值；乘以 100 才是百分数。',
  'trainable-share.slipFrozen': '这是保持冻结的那部分。',

  'same-budget.title': '同样的预算，不同的矩阵',
  'same-budget.prompt': '下面每次 LoRA 运行都恰好训练微型模型的 {budget} 个数，任务是恐龙名字（{steps} 步）。哪一次的验证损失最低？',
  'same-budget.explainBest': '正确：{adapter} 达到 {loss}，是这 {count} 次中最低的。把预算以较低的秩分摊到更多矩阵上，往往胜过在单个矩阵上用高秩。',
  'same-budget.explainOther': '{adapter} 达到 {loss}，而 {bestAdapter} 达到 {best}。',
  'same-budget.solutionRun': '{adapter}：验证损失 {loss}。',

  'trainer-budget.title': '预算很小，照样能学会',
  'trainer-budget.prompt': '在上面的训练器中选择 r 和矩阵，使参与训练的数少于模型的 {budget}%，然后训练到验证损失低于 {target}。达到后按“检查”。',
  'trainer-budget.solutionRun': '在随页面提供的运行中，{adapter} 训练 {trainable} 个数（{percent}%），{steps} 步后达到 {loss}。',
  'trainer-budget.solutionHint': '要达到同样的损失，在几个矩阵上用低秩通常比在一个矩阵上用高秩更省。',
  'trainer-budget.waitModel': '请等训练器加载完模型。',
  'trainer-budget.waitTraining': '请等训练停下来再检查。',
  'trainer-budget.overBudget': '有 {trainable} 个数参与训练，占模型的 {percent}%：降低 r 或少适配几个矩阵，才能低于 {budget}%。',
  'trainer-budget.nowTrain': '参与训练的数占 {percent}%：在预算之内。现在开始训练，然后检查。',
  'trainer-budget.lossHigh': '在预算之内（{percent}%），但验证损失是 {loss}：再多训练一会儿，或者把同样的预算分摊到更多矩阵上。',
  'trainer-budget.right': '正确：参与训练的数占 {percent}%，验证损失是 {loss}。',
} satisfies Partial<ExerciseCatalogue>;
