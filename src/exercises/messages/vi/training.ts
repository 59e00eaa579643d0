import type { ExerciseCatalogue } from '../en';

/** Lesson 6's exercises (06-train-lora). */
export const training = {
  // A run of the shipped rank sweep by its adapter, and what separates runs in a list (lessons 6 and 7).
  'sweep.adapter': 'r = {r} trên {targets}',
  'sweep.listSeparator': '; ',

  'tiny-trainable.title': 'Số con số huấn luyện được trong mô hình tí hon',
  'tiny-trainable.prompt': 'Mô hình tí hon của khoá học có {blocks} khối với độ rộng {width}; các ma trận attention của nó cỡ {width} × {width}. LoRA với r = {r} trên {targets} ở mọi khối: có bao nhiêu con số được huấn luyện?',
  'tiny-trainable.solutionOne': 'Một ma trận: r (d + k) = {r} × ({d} + {d}) = {one}.',
  'tiny-trainable.solutionTotal': '{blocks} khối × {matrices} ma trận × {one} = {total}.',
  'tiny-trainable.slipOneBlock': 'Đó là một khối: có tất cả {blocks} khối.',
  'tiny-trainable.slipOneMatrix': 'Đó là một ma trận: {targets} trong {blocks} khối là {matrices} ma trận.',
  'tiny-trainable.slipFrozen': 'Đó là chính các ma trận đã đóng băng; B và A mỗi cặp chỉ chứa r (d + k).',
  'tiny-trainable.slipBOnly': 'Cách đó chỉ đếm B; A còn thêm r × k cho mỗi ma trận.',

  'trainable-share.title': 'Tỉ lệ của mô hình được huấn luyện',
  'trainable-share.prompt': 'Mô hình tí hon có {total} tham số. LoRA với {adapter} huấn luyện {trainable} trong số đó. Đó là bao nhiêu phần trăm? Lấy hai chữ số thập phân.',
  'trainable-share.solutionShare': '{n} / {m} × 100 ≈ {p}%.',
  'trainable-share.solutionFrozen': '{frozen}% còn lại được đóng băng: chúng không cần gradient và không cần trạng thái của bộ tối ưu.',
  'trainable-share.slipFraction': 'Đó là một tỉ lệ dạng phân số; nhân với 100 để ra phần trăm.',
  'trainable-share.slipFrozen': 'Đó là phần bị đóng băng.',

  'same-budget.title': 'Cùng ngân sách, khác ma trận',
  'same-budget.prompt': 'Mỗi lần chạy LoRA dưới đây huấn luyện đúng {budget} con số của mô hình tí hon trên tên khủng long ({steps} bước). Lần chạy nào đạt mất mát kiểm định thấp nhất?',
  'same-budget.explainBest': 'Đúng: {adapter} đạt {loss}, thấp nhất trong {count} lần chạy. Chia một ngân sách cho nhiều ma trận với hạng thấp hơn thường thắng việc dồn hạng cao vào một ma trận.',
  'same-budget.explainOther': '{adapter} đạt {loss}, so với {best} của {bestAdapter}.',
  'same-budget.solutionRun': '{adapter}: mất mát kiểm định {loss}.',

  'trainer-budget.title': 'Ngân sách nhỏ mà vẫn học được',
  'trainer-budget.prompt': 'Trong bộ huấn luyện phía trên, hãy chọn r và các ma trận sao cho dưới {budget}% số con số của mô hình được huấn luyện, rồi huấn luyện cho đến khi mất mát kiểm định xuống dưới {target}. Khi đó, bấm Kiểm tra.',
  'trainer-budget.solutionRun': 'Trong các lần chạy có sẵn, {adapter} huấn luyện {trainable} con số ({percent}%) và đạt {loss} sau {steps} bước.',
  'trainer-budget.solutionHint': 'Với cùng một mức mất mát, hạng thấp trên nhiều ma trận thường rẻ hơn hạng cao trên một ma trận.',
  'trainer-budget.waitModel': 'Hãy đợi bộ huấn luyện tải xong mô hình.',
  'trainer-budget.waitTraining': 'Hãy đợi quá trình huấn luyện dừng rồi mới kiểm tra.',
  'trainer-budget.overBudget': '{trainable} con số được huấn luyện, bằng {percent}% mô hình: hãy giảm r hoặc điều chỉnh ít ma trận hơn để xuống dưới {budget}%.',
  'trainer-budget.nowTrain': '{percent}% số con số được huấn luyện: nằm trong ngân sách. Giờ hãy huấn luyện, rồi kiểm tra.',
  'trainer-budget.lossHigh': 'Nằm trong ngân sách ({percent}%), nhưng mất mát kiểm định là {loss}: hãy huấn luyện lâu hơn, hoặc chia cùng ngân sách đó cho nhiều ma trận hơn.',
  'trainer-budget.right': 'Đúng: {percent}% số con số được huấn luyện và mất mát kiểm định là {loss}.',
} satisfies Partial<ExerciseCatalogue>;
