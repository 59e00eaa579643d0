import type { ExerciseCatalogue } from '../en';

/** Lesson 4's exercises (04-fine-tuning). */
export const fineTuning = {
  'delta-w.title': '更新量 ΔW',
  'delta-w.prompt': '微调把某一层的权重从 W₀ 变成了 W。更新量 ΔW 是什么？',
  'delta-w.solutionEntries': 'ΔW = W − W₀，逐个元素相减：',
  'delta-w.reversed': '这是 W₀ − W：更新量是加到 W₀ 上的部分，即 W − W₀。',
  'delta-w.wrongRow': '第 {row} 行不对：W 的第 {row} 行减去 W₀ 的第 {row} 行是 {delta}。',

  'delta-w-rank.title': '更新量的秩',
  'delta-w-rank.prompt': '微调把 W₀ 变成了 W。更新量 ΔW = W − W₀ 的秩是多少？',
  'delta-w-rank.solutionReduced': '它的化简形式 {rref} 有 {rank} 个非零行：秩为 {rank}。',
  'delta-w-rank.solutionBet': '即使每个元素都变化很大，秩也可以很低：这正是 LoRA 所押的注。',
  'delta-w-rank.rankOfW': '{rankW} 是 W 本身的秩。应先减去 W₀，再化简 ΔW。',
  'delta-w-rank.tooMany': '多了：消元之后，ΔW 只有 {rank} 行保留主元。',
  'delta-w-rank.tooFewOne': '少了：ΔW 的各行并不都是同一行的倍数。',
  'delta-w-rank.tooFew': '少了：ΔW 的各行无法由这么少的行组合出来。',

  'full-count.title': '全量微调要训练什么',
  'full-count.prompt': '一个 Transformer 有 {layers} 个宽度为 d = {d} 的块。每个块有四个注意力矩阵（Wq、Wk、Wv、Wo，均为 d × d）和一个由两个矩阵（d × 4d 和 4d × d）组成的 MLP。全量微调要训练这些矩阵中的多少个权重？',
  'full-count.solutionBlock': '注意力：每块 4 × {d}² = {attention}。MLP：每块 2 × {d} × {d4} = {mlp}。',
  'full-count.solutionTotal': '{layers} 个块 × {block} = {total}：每一个权重都有梯度，都要更新。',
  'full-count.oneBlock': '这只是一个块：一共有 {layers} 个。',
  'full-count.noMlp': '这漏掉了 MLP，每块 {mlp} 个权重。',
  'full-count.noAttention': '这漏掉了注意力部分，每块 {attention} 个权重。',
  'full-count.mlpShape': '每个 MLP 矩阵是 d × 4d，不是 d × d。',
  'full-count.fourAttention': '注意力矩阵有四个：Wq、Wk、Wv 和 Wo。',

  'adam-memory.title': '全量微调时 Adam 占用的内存',
  'adam-memory.prompt': 'Adam 为每个要训练的参数保存两个 32 位数（滑动平均 m 和 v）。对一个有 {billions} × 10⁹ 个参数的模型做全量微调：优化器状态有多少 GB（10⁹ 字节）？',
  'adam-memory.solutionBytes': '2 个数 × 4 字节 = 每个参数 8 字节。',
  'adam-memory.solutionTotal': '8 × {params} = {bytes} 字节 ≈ {gb} GB，这还不算权重和它们的梯度。',
  'adam-memory.oneNumber': '这只给每个参数算了一个数：Adam 要保存两个，m 和 v。',
  'adam-memory.weightsToo': '这把权重和梯度也算进去了；题目只问优化器状态。',
  'adam-memory.gib': '这是以 GiB（2³⁰ 字节）为单位；题目问的是 GB，即 10⁹ 字节。',
  'adam-memory.fourBytes': '每个数占 4 字节（32 位）。',
} satisfies Partial<ExerciseCatalogue>;
