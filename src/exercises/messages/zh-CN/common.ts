import type { ExerciseCatalogue } from '../en';

/** Names shared by every lesson's exercises (the lessons as the progress page lists them), and shared words. */
export const common = {
  'lesson.01-rank': '秩',
  'lesson.02-low-rank-factorisation': '低秩分解',
  'lesson.03-svd-compression': '奇异值分解与图像压缩',
  'lesson.04-fine-tuning': '微调与 ΔW',
  'lesson.05-lora': 'LoRA：低秩的 ΔW',
  'lesson.06-train-lora': '在浏览器里训练 LoRA',
  'lesson.07-why-low-rank': '为什么低秩就够了？',
  'lesson.08-summary': '总结',
  'common.swapRows': '交换 R{a} 与 R{b}',
} satisfies Partial<ExerciseCatalogue>;
