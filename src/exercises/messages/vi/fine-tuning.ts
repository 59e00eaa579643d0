import type { ExerciseCatalogue } from '../en';

/** Lesson 4's exercises (04-fine-tuning). */
export const fineTuning = {
  'delta-w.title': 'Lượng thay đổi ΔW',
  'delta-w.prompt': 'Tinh chỉnh đã đổi trọng số của một lớp từ W₀ thành W. Lượng thay đổi ΔW là gì?',
  'delta-w.solutionEntries': 'ΔW = W − W₀, trừ từng phần tử:',
  'delta-w.reversed': 'Đó là W₀ − W: lượng thay đổi là phần được cộng vào W₀, tức W − W₀.',
  'delta-w.wrongRow': 'Hàng {row} bị sai: hàng {row} của W trừ hàng {row} của W₀ là {delta}.',

  'delta-w-rank.title': 'Hạng của một lượng thay đổi',
  'delta-w-rank.prompt': 'Tinh chỉnh đã đổi W₀ thành W. Hạng của lượng thay đổi ΔW = W − W₀ là bao nhiêu?',
  'delta-w-rank.solutionReduced': 'Dạng rút gọn {rref} của nó có {rank} hàng khác không: hạng {rank}.',
  'delta-w-rank.solutionBet': 'Một thay đổi lớn ở mọi phần tử vẫn có thể có hạng thấp: đó chính là điều LoRA đặt cược.',
  'delta-w-rank.rankOfW': '{rankW} là hạng của chính W. Hãy trừ W₀ trước, rồi rút gọn ΔW.',
  'delta-w-rank.tooMany': 'Nhiều quá: sau khi khử, chỉ {rank} hàng của ΔW còn giữ phần tử trụ.',
  'delta-w-rank.tooFewOne': 'Ít quá: các hàng của ΔW không phải đều là bội của một hàng.',
  'delta-w-rank.tooFew': 'Ít quá: các hàng của ΔW không thể tổ hợp từ chừng ấy hàng.',

  'full-count.title': 'Tinh chỉnh toàn bộ huấn luyện những gì',
  'full-count.prompt': 'Một transformer có {layers} khối với độ rộng d = {d}. Mỗi khối có bốn ma trận attention (Wq, Wk, Wv, Wo, mỗi ma trận d × d) và một MLP gồm hai ma trận (d × 4d và 4d × d). Tinh chỉnh toàn bộ phải huấn luyện bao nhiêu trọng số trong các ma trận này?',
  'full-count.solutionBlock': 'Attention: 4 × {d}² = {attention} mỗi khối. MLP: 2 × {d} × {d4} = {mlp} mỗi khối.',
  'full-count.solutionTotal': '{layers} khối × {block} = {total}: mỗi trọng số đều có một gradient và một lần cập nhật.',
  'full-count.oneBlock': 'Đó là một khối: có tất cả {layers} khối.',
  'full-count.noMlp': 'Kết quả đó bỏ sót MLP, {mlp} trọng số mỗi khối.',
  'full-count.noAttention': 'Kết quả đó bỏ sót attention, {attention} trọng số mỗi khối.',
  'full-count.mlpShape': 'Mỗi ma trận MLP có cỡ d × 4d, không phải d × d.',
  'full-count.fourAttention': 'Có bốn ma trận attention: Wq, Wk, Wv và Wo.',

  'adam-memory.title': 'Bộ nhớ của Adam khi tinh chỉnh toàn bộ',
  'adam-memory.prompt': 'Với mỗi tham số được huấn luyện, Adam giữ hai số 32 bit (các trung bình trượt m và v). Tinh chỉnh toàn bộ một mô hình {billions} tỉ tham số: trạng thái bộ tối ưu chiếm bao nhiêu gigabyte (10⁹ byte)?',
  'adam-memory.solutionBytes': '2 số × 4 byte = 8 byte cho mỗi tham số.',
  'adam-memory.solutionTotal': '8 × {params} = {bytes} byte ≈ {gb} GB, chưa kể trọng số và gradient của chúng.',
  'adam-memory.oneNumber': 'Kết quả đó chỉ tính một số cho mỗi tham số: Adam giữ hai số, m và v.',
  'adam-memory.weightsToo': 'Kết quả đó cộng cả trọng số và gradient; câu hỏi chỉ hỏi trạng thái bộ tối ưu.',
  'adam-memory.gib': 'Kết quả đó tính theo GiB (2³⁰ byte); câu hỏi hỏi theo GB, 10⁹ byte.',
  'adam-memory.fourBytes': 'Mỗi số chiếm 4 byte (32 bit).',
} satisfies Partial<ExerciseCatalogue>;
