/** Names shared by every lesson's exercises (the lessons as the progress page lists them), and shared words. */
export const common = {
  'lesson.01-rank': 'Rank',
  'lesson.02-low-rank-factorisation': 'Low-rank factorisation',
  'lesson.03-svd-compression': 'SVD and image compression',
  'lesson.04-fine-tuning': 'Fine-tuning and ΔW',
  'lesson.05-lora': 'LoRA: a low-rank ΔW',
  'lesson.06-train-lora': 'Train a LoRA in your browser',
  'lesson.07-why-low-rank': 'Why does a low rank suffice?',
  'lesson.08-summary': 'Summary',
  // A row swap in a worked elimination (the other row operations are formulas).
  'common.swapRows': 'Swap R{a} and R{b}',
} satisfies Record<string, string>;
