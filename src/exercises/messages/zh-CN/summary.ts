import type { ExerciseCatalogue } from '../en';

/** Lesson 8's exercises (08-summary). */
export const summary = {
  'rank-of-ba.title': 'B A 的秩',
  'rank-of-ba.prompt': 'B 是 {d} × {r}，A 是 {r} × {k}。ΔW = B A 的秩最大可能是多少？',
  'rank-of-ba.explainR': '正确：B A 的每一列都是 B 的 {r} 列的组合，所以 rank(B A) ≤ {r}。',
  'rank-of-ba.explainMin': '这是任何 {d} × {k} 矩阵的上界；而 B A 先要挤过 {r} 个维度。',
  'rank-of-ba.explainSquare': '秩不会相乘：B A 的所有列都落在 B 的 {r} 列张成的空间里。',
  'rank-of-ba.optionEntries': 'r (d + k) = {n}',
  'rank-of-ba.explainEntries': '这是 B 和 A 的元素个数，不是秩。',
  'rank-of-ba.solutionColumns': 'B A x = B (A x)：无论 x 是什么，结果都是 B 的 {r} 列的组合。',
  'rank-of-ba.solutionRank': '所以 ΔW 的列空间维数至多为 {r}：LoRA 的更新在构造上就是低秩的。',

  'gpt3-ratio.title': '少了多少倍',
  'gpt3-ratio.prompt': 'GPT-3 有 {parameters} 个参数，分布在 {layers} 个宽度为 {width} 的层中。在每层 {perLayer} 个方阵上使用 r = {r} 的 LoRA：训练的数比全量微调少多少倍？误差在 1% 以内。',
  'gpt3-ratio.solutionTrainable': '可训练的数：{layers} × {perLayer} × {r} × ({width} + {width}) = {trainable}。',
  'gpt3-ratio.solutionRatio': '{n} / {m} ≈ {x}。',
  'gpt3-ratio.slipOneLayer': '这只算了一层的适配器：一共有 {layers} 层。',
  'gpt3-ratio.slipOneMatrix': '这是拿一个矩阵和它自己的 B、A 比；题目比较的是整个模型。',

  'rank-for-budget.title': '预算允许的最大秩',
  'rank-for-budget.prompt': '一个模型有 {layers} 层，宽度为 {width}。你在每层适配 {matrices} 个 {width} × {width} 的方阵，最多只能负担 {budget} 个可训练的数。能放下的最大 r 是多少？',
  'rank-for-budget.solutionCost': '秩每增加 1，要花 {layers} × {matrices} × ({width} + {width}) = {perRank} 个数。',
  'rank-for-budget.solutionFit': '{budget} / {perRank} ≈ {quotient}，所以 r = {r}（{used} 个数）。',
  'rank-for-budget.slipOneLayer': '这只够一层；全部 {layers} 层都要加适配器。',
  'rank-for-budget.slipD': '秩每加 1，就多出 B 的一列和 A 的一行：是 d + k 个数，不是 d 个。',
  'rank-for-budget.slipOver': 'r = {r} 需要 {count} 个数，超出了预算。',
  'rank-for-budget.slipStillFits': 'r = {r} 仍然放得下：{count} 个数。',

  'lora-not-compression.title': 'LoRA 不是压缩',
  'lora-not-compression.prompt': '一个 {width} × {width} 的层得到一个秩为 {r} 的 LoRA 更新，随后被合并。哪个说法是对的？',
  'lora-not-compression.optionFull': '合并后的层仍有 {full} 个数；LoRA 只训练了其中的 {lora} 个。',
  'lora-not-compression.explainFull': '正确：W = W₀ + (alpha / r) B A 是一个完整的 d × k 矩阵。LoRA 节省的是训练时的内存和检查点的大小，而不是模型的大小。',
  'lora-not-compression.optionSmaller': '合并后的层只有 {lora} 个数，所以模型小了 {ratio} 倍。',
  'lora-not-compression.explainSmaller': '不对：合并是把 B A 加进 W₀，W₀ 的 d k 个元素一个不少。',
  'lora-not-compression.optionSvd': 'LoRA 用 W₀ 的最佳秩 r 近似来替换它，和 SVD 压缩一样。',
  'lora-not-compression.explainSvd': '不对：W₀ 保持完整并被冻结；只有改变量 ΔW 是低秩的。',
  'lora-not-compression.optionFaster': '合并后的层比原来的 W₀ 运行得更快。',
  'lora-not-compression.explainFaster': '不对：合并不会增加延迟，但与 d × k 矩阵相乘的开销和以前一样。',
  'lora-not-compression.solutionSvd': 'SVD 压缩只保留矩阵最前面的 r 个秩 1 图层来缩小它：会丢失信息。',
  'lora-not-compression.solutionLora': 'LoRA 保持 W₀ 完整，只学习一个低秩的改变量：变小的只是训练开销和保存的适配器。',
} satisfies Partial<ExerciseCatalogue>;
