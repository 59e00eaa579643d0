import type { ExerciseCatalogue } from '../en';

/** Lesson 5's exercises (05-lora). */
export const lora = {
  'lora-layer-count.title': '一个 LoRA 层的可训练数',
  'lora-layer-count.prompt': 'LoRA 用 B（{d} × r）和 A（r × {k}）来适配一个 {d} × {k} 的权重 W₀，r = {r}。一共要训练多少个数？',
  'lora-layer-count.solutionEntries': 'B 有 {d} × {r} = {dr} 个元素，A 有 {r} × {k} = {rk} 个。',
  'lora-layer-count.solutionTotal': 'r (d + k) = {lora}，而 W₀ 本身有 d k = {full} 个：少了 {ratio} 倍。',
  'lora-layer-count.slipFrozen': '这是 d k，即冻结的 W₀。只有 B 和 A 参与训练。',
  'lora-layer-count.slipBAlone': '这只是 B；A 还有 r × k = {rk} 个。',
  'lora-layer-count.slipAAlone': '这只是 A；B 还有 d × r = {dr} 个。',
  'lora-layer-count.slipSum': 'd + k 是 B 的一列加 A 的一行：两者各有 r = {r} 个。',
  'lora-layer-count.slipProduct': 'r d k 把所有量乘在了一起：B 和 A 一共只有 d r + r k 个数。',

  'alpha-r.title': '按 alpha / r 缩放',
  'alpha-r.prompt': '一个 LoRA 层的 alpha = {alpha}，秩 r = {r}。B A x 在加到 W₀ x 上之前要乘以多少？请给出精确分数或小数。',
  'alpha-r.solutionFactor': 'h = W₀ x + (alpha / r) B A x，所以这个系数是 {alpha} / {r} = {scale}。',
  'alpha-r.solutionWhy': '除以 r 使更新的大小不随 r 增长，这样在一个秩下调好的学习率换到另一个秩也能用。',
  'alpha-r.slipUpsideDown': '这是 r / alpha，颠倒了：系数是 alpha / r。',
  'alpha-r.slipRsLora': '这是 rsLoRA 的 alpha / √r；普通 LoRA 除以的是 r。',
  'alpha-r.slipAlphaAlone': '这只是 alpha：还要除以 r。',

  'merge.title': '把 B A 合并进 W₀',
  'merge.prompt': '把这个 LoRA 层合并成一个矩阵：W = W₀ + (alpha / r) B A，其中 alpha = {alpha}，r = {r}。',
  'merge.solutionMerged': 'alpha / r = {scale}，所以 W = W₀ + {scale} · B A = {merged}。',
  'merge.solutionSame': '合并后的 W 与 W₀ x + (alpha / r) B A x 给出相同的输出，只需一次矩阵乘法，不增加延迟。',
  'merge.slipUnscaled': '你直接加了未缩放的 B A：要先乘以 alpha / r = {scale}。',
  'merge.slipUpsideDown': '这是按 r / alpha 缩放 B A；系数应为 alpha / r。',
  'merge.slipRow': '第 {row} 行不对：W₀ 的第 {row} 行加上 {scale} × (B A) 的第 {row} 行，结果是 {merged}。',

  'gpt3-memory.title': 'GPT-3 的一个 LoRA 检查点',
  'gpt3-memory.prompt': 'GPT-3 175B 有 {layers} 层，宽度为 {width}。r = {r} 的 LoRA 在每一层适配 {targets}（每个都是 {width} × {width}），适配器以 16 位浮点数保存。这个检查点有多少兆字节（10⁶ 字节）？',
  'gpt3-memory.solutionOne': '一个矩阵：r (d + k) = {r} × {twoD} = {perMatrix} 个数。',
  'gpt3-memory.solutionTotal': '{layers} 层 × {matrices} 个矩阵 × {perMatrix} = {trainable} 个数；× 2 字节 = {bytes} 字节 ≈ {mb} MB。',
  'gpt3-memory.slip32Bit': '这是按 32 位浮点数（4 字节）算的；16 位浮点数占 2 字节。',
  'gpt3-memory.slipMillions': '这是以百万计的参数个数；每个参数还要占 2 字节。',
  'gpt3-memory.slipOneLayer': '这只是一层：一共有 {layers} 层。',
  'gpt3-memory.slipOneMatrix': '这是每层一个矩阵：实际适配了 {matrices} 个。',
  'gpt3-memory.slipMiB': '这是 MiB（2²⁰ 字节）；题目问的是 MB，即 10⁶ 字节。',
} satisfies Partial<ExerciseCatalogue>;
