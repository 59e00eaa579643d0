import type { ExerciseCatalogue } from '../en';

/** Lesson 8's exercises (08-summary). */
export const summary = {
  'rank-of-ba.title': 'Hạng của B A',
  'rank-of-ba.prompt': 'B cỡ {d} × {r} và A cỡ {r} × {k}. Hạng lớn nhất mà ΔW = B A có thể có là bao nhiêu?',
  'rank-of-ba.explainR': 'Đúng: mỗi cột của B A là một tổ hợp của {r} cột của B, nên hạng(B A) ≤ {r}.',
  'rank-of-ba.explainMin': 'Đó là giới hạn cho mọi ma trận {d} × {k}; nhưng B A trước hết phải đi qua {r} chiều.',
  'rank-of-ba.explainSquare': 'Hạng không nhân lên: mọi cột của B A đều nằm trong không gian sinh bởi {r} cột của B.',
  'rank-of-ba.optionEntries': 'r (d + k) = {n}',
  'rank-of-ba.explainEntries': 'Đó là số phần tử của B và A, không phải hạng.',
  'rank-of-ba.solutionColumns': 'B A x = B (A x): dù x là gì, kết quả luôn là một tổ hợp của {r} cột của B.',
  'rank-of-ba.solutionRank': 'Vậy không gian cột của ΔW có số chiều không quá {r}: phần cập nhật của LoRA có hạng thấp ngay từ cách xây dựng.',

  'gpt3-ratio.title': 'Ít hơn bao nhiêu lần',
  'gpt3-ratio.prompt': 'GPT-3 có {parameters} tham số trong {layers} lớp với độ rộng {width}. LoRA với r = {r} trên {perLayer} ma trận vuông mỗi lớp: số con số được huấn luyện ít hơn bao nhiêu lần so với tinh chỉnh toàn bộ? Sai số trong khoảng 1%.',
  'gpt3-ratio.solutionTrainable': 'Số huấn luyện được: {layers} × {perLayer} × {r} × ({width} + {width}) = {trainable}.',
  'gpt3-ratio.solutionRatio': '{n} / {m} ≈ {x}.',
  'gpt3-ratio.slipOneLayer': 'Cách đó chỉ đếm adapter của một lớp: có tất cả {layers} lớp.',
  'gpt3-ratio.slipOneMatrix': 'Cách đó so một ma trận với B và A của riêng nó; câu hỏi so sánh cả mô hình.',

  'rank-for-budget.title': 'Hạng lớn nhất mà ngân sách cho phép',
  'rank-for-budget.prompt': 'Một mô hình có {layers} lớp với độ rộng {width}. Bạn điều chỉnh {matrices} ma trận vuông {width} × {width} mỗi lớp và chỉ có thể chi tối đa {budget} con số huấn luyện được. r lớn nhất vừa ngân sách là bao nhiêu?',
  'rank-for-budget.solutionCost': 'Mỗi đơn vị hạng tốn {layers} × {matrices} × ({width} + {width}) = {perRank} con số.',
  'rank-for-budget.solutionFit': '{budget} / {perRank} ≈ {quotient}, nên r = {r} ({used} con số).',
  'rank-for-budget.slipOneLayer': 'Đó là cho một lớp; cả {layers} lớp đều có adapter.',
  'rank-for-budget.slipD': 'Mỗi đơn vị hạng thêm một cột của B và một hàng của A: d + k con số, không phải d.',
  'rank-for-budget.slipOver': 'r = {r} cần {count} con số, vượt ngân sách.',
  'rank-for-budget.slipStillFits': 'r = {r} vẫn vừa: {count} con số.',

  'lora-not-compression.title': 'LoRA không phải là nén',
  'lora-not-compression.prompt': 'Một lớp {width} × {width} nhận một phần cập nhật LoRA hạng {r}, rồi được gộp lại. Phát biểu nào đúng?',
  'lora-not-compression.optionFull': 'Lớp sau khi gộp vẫn chứa {full} con số; LoRA chỉ huấn luyện {lora} trong số đó.',
  'lora-not-compression.explainFull': 'Đúng: W = W₀ + (alpha / r) B A là một ma trận d × k đầy đủ. LoRA tiết kiệm bộ nhớ khi huấn luyện và dung lượng checkpoint, không làm mô hình nhỏ đi.',
  'lora-not-compression.optionSmaller': 'Lớp sau khi gộp chứa {lora} con số, nên mô hình nhỏ đi {ratio} lần.',
  'lora-not-compression.explainSmaller': 'Sai: gộp là cộng B A vào W₀, và W₀ giữ nguyên cả d k phần tử.',
  'lora-not-compression.optionSvd': 'LoRA thay W₀ bằng xấp xỉ hạng r tốt nhất của nó, như cách nén bằng SVD.',
  'lora-not-compression.explainSvd': 'Sai: W₀ được giữ nguyên và đóng băng; chỉ phần thay đổi ΔW là có hạng thấp.',
  'lora-not-compression.optionFaster': 'Lớp sau khi gộp chạy nhanh hơn W₀ trước đây.',
  'lora-not-compression.explainFaster': 'Sai: gộp không thêm độ trễ, nhưng phép nhân với một ma trận d × k vẫn tốn như trước.',
  'lora-not-compression.solutionSvd': 'Nén bằng SVD thu nhỏ một ma trận bằng cách chỉ giữ r lớp hạng 1 đầu tiên: nó làm mất thông tin.',
  'lora-not-compression.solutionLora': 'LoRA giữ nguyên W₀ và học một phần thay đổi hạng thấp: chỉ việc huấn luyện và adapter lưu lại là nhỏ đi.',
} satisfies Partial<ExerciseCatalogue>;
