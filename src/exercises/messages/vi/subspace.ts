import type { ExerciseCatalogue } from '../en';

/** Lesson 7's exercises (07-why-low-rank). */
export const subspace = {
  'phi-rank-one.title': 'φ của hai adapter hạng 1',
  'phi-rank-one.prompt': 'Hai adapter hạng 1 có A₁ = [{u}] và A₂ = [{v}] (mỗi cái cỡ 1 × {k}). φ(A₁, A₂, 1, 1) bằng bao nhiêu? Lấy hai chữ số thập phân.',
  'phi-rank-one.solutionRows': 'Khi mỗi ma trận chỉ có một hàng, các vectơ suy biến phải hàng đầu chính là các hàng đó, đã chuẩn hoá.',
  'phi-rank-one.solutionPhi': 'φ = (u · v)² / (‖u‖² ‖v‖²) = {dot}² / ({uu} × {vv}) = {top}/{bottom} ≈ {phi}: bình phương cosin của góc giữa chúng.',
  'phi-rank-one.slipCosine': 'Đó là cosin; φ lấy bình phương của nó.',
  'phi-rank-one.slipNormalise': 'Hãy chuẩn hoá trước: chia cho ‖u‖² ‖v‖².',

  'phi-random.title': 'φ của các không gian con ngẫu nhiên',
  'phi-random.prompt': 'Hai không gian con ngẫu nhiên của ℝ^{k}, có số chiều i = {i} và j = {j}: chỉ riêng sự ngẫu nhiên sẽ cho φ(i, j) vào khoảng bao nhiêu? Một phân số chính xác hoặc một số thập phân.',
  'phi-random.solutionProjection': 'Mỗi hướng trong i hướng đầu của không gian này có bình phương hình chiếu kỳ vọng là j / k lên không gian con kia, nên ‖U_iᵀ V_j‖² ≈ i j / k.',
  'phi-random.solutionPhi': 'Chia cho min(i, j) = {min} được φ ≈ max(i, j) / k = {max}/{k} = {value}: một cặp đã huấn luyện mà cao hơn hẳn mức này là có chung hướng.',
  'phi-random.slipMin': 'Đó là min(i, j) / k: tổng i j / k được chia cho min(i, j), còn lại max(i, j) / k.',
  'phi-random.slipUndivided': 'Đó là chính ‖U_iᵀ V_j‖²; φ còn chia nó cho min(i, j).',

  'amplification.title': 'Hệ số khuếch đại',
  'amplification.prompt': 'Một ΔW hạng {r} có các giá trị suy biến {values}. Chiếu lên {r} hướng suy biến của chính ΔW, W có ‖Uᵀ W Vᵀ‖_F = {projected}. Hệ số khuếch đại ‖ΔW‖_F / ‖Uᵀ W Vᵀ‖_F bằng bao nhiêu? Lấy một chữ số thập phân.',
  'amplification.solutionFactor': '{norm} / {projected} ≈ {factor}: ΔW khuếch đại những hướng W đã có nhưng hầu như không dùng.',
  'amplification.slipSpectral': 'Cách đó chỉ dùng σ₁ (chuẩn phổ); chuẩn Frobenius cộng mọi σ².',
  'amplification.slipSquare': 'Hãy bình phương các σ trước khi cộng, rồi lấy căn bậc hai.',
  'amplification.slipUpsideDown': 'Bị lộn ngược: ‖ΔW‖_F nằm trên tử số.',

  'choose-r.title': 'Chọn r từ một phép quét hạng',
  'choose-r.prompt': 'Sau {steps} bước, LoRA trên {targets} đạt các mất mát kiểm định sau: {losses}. r nhỏ nhất nằm trong khoảng {margin} so với mức tốt nhất là bao nhiêu?',
  'choose-r.solutionBest': 'Mức tốt nhất là {best} (r = {r}); trong khoảng {margin} nghĩa là không quá {limit}.',
  'choose-r.solutionFirst': 'Hạng đầu tiên dưới mức đó là r = {r} ({loss}): r lớn hơn tốn thêm con số mà lợi chẳng bao nhiêu.',
  'choose-r.slipUntried': 'Phép quét chỉ thử r = {ranks}.',
  'choose-r.slipTooHigh': 'r = {r} đạt {loss}, cao hơn mức tốt nhất {best} quá {margin}.',
  'choose-r.slipNotSmallest': 'r = {r} nằm trong khoảng {margin}, nhưng có r nhỏ hơn cũng vậy.',

  'sweep-cell.title': 'Ô rẻ nhất dưới một mức mất mát',
  'sweep-cell.prompt': 'Trong bảng quét hạng phía trên, hãy chọn ô huấn luyện ít con số nhất mà vẫn giữ mất mát kiểm định dưới {threshold} (nếu bằng nhau, chọn ô có mất mát thấp hơn). Bấm Kiểm tra khi ô đó đang được chọn.',
  'sweep-cell.solutionCells': 'Các ô dưới {threshold}: {cells}.',
  'sweep-cell.cellText': '{adapter} ({trainable} con số, {loss})',
  'sweep-cell.solutionCheapest': 'Ô rẻ nhất là {adapter}.',
  'sweep-cell.waitSweep': 'Hãy đợi bảng quét hạng tải xong.',
  'sweep-cell.chooseCell': 'Hãy chọn một ô trong bảng.',
  'sweep-cell.right': 'Đúng: {adapter} huấn luyện {trainable} con số và đạt {loss}.',
  'sweep-cell.notBelow': '{adapter} đạt {loss}, không dưới {threshold}.',
  'sweep-cell.cheaperExists': '{adapter} nằm dưới {threshold}, nhưng có ô khác cũng dưới mức đó mà huấn luyện ít con số hơn.',
  'sweep-cell.lowerLossExists': '{adapter} nằm dưới {threshold}, nhưng có ô khác cũng dưới mức đó, huấn luyện ít con số như vậy mà mất mát thấp hơn.',
} satisfies Partial<ExerciseCatalogue>;
