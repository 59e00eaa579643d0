import type { ExerciseCatalogue } from '../en';

/** Names shared by every lesson's exercises (the lessons as the progress page lists them), and shared words. */
export const common = {
  'lesson.01-rank': 'Hạng',
  'lesson.02-low-rank-factorisation': 'Phân tích hạng thấp',
  'lesson.03-svd-compression': 'SVD và nén ảnh',
  'lesson.04-fine-tuning': 'Tinh chỉnh và ΔW',
  'lesson.05-lora': 'LoRA: một ΔW hạng thấp',
  'lesson.06-train-lora': 'Huấn luyện LoRA ngay trong trình duyệt',
  'lesson.07-why-low-rank': 'Vì sao hạng thấp là đủ?',
  'lesson.08-summary': 'Tổng kết',
  'common.swapRows': 'Đổi chỗ R{a} và R{b}',
} satisfies Partial<ExerciseCatalogue>;
