import type { ExerciseCatalogue } from '../en';

/** Lesson 5's exercises (05-lora). */
export const lora = {
  'lora-layer-count.title': 'Số con số huấn luyện được của một lớp LoRA',
  'lora-layer-count.prompt': 'LoRA điều chỉnh một trọng số W₀ cỡ {d} × {k} bằng B ({d} × r) và A (r × {k}), với r = {r}. Có bao nhiêu con số được huấn luyện?',
  'lora-layer-count.solutionEntries': 'B có {d} × {r} = {dr} phần tử, A có {r} × {k} = {rk}.',
  'lora-layer-count.solutionTotal': 'r (d + k) = {lora}, so với d k = {full} của chính W₀: ít hơn {ratio} lần.',
  'lora-layer-count.slipFrozen': 'Đó là d k, tức W₀ đã đóng băng. Chỉ B và A được huấn luyện.',
  'lora-layer-count.slipBAlone': 'Đó mới chỉ là B; A còn thêm r × k = {rk}.',
  'lora-layer-count.slipAAlone': 'Đó mới chỉ là A; B còn thêm d × r = {dr}.',
  'lora-layer-count.slipSum': 'd + k là một cột của B cộng một hàng của A: mỗi thứ có r = {r} cái.',
  'lora-layer-count.slipProduct': 'r d k là nhân tất cả với nhau: B và A chứa d r + r k con số.',

  'alpha-r.title': 'Hệ số co giãn alpha chia r',
  'alpha-r.prompt': 'Một lớp LoRA có alpha = {alpha} và hạng r = {r}. B A x được nhân với hệ số nào trước khi cộng vào W₀ x? Hãy cho một phân số chính xác hoặc một số thập phân.',
  'alpha-r.solutionFactor': 'h = W₀ x + (alpha / r) B A x, nên hệ số là {alpha} / {r} = {scale}.',
  'alpha-r.solutionWhy': 'Chia cho r giữ cho độ lớn của phần cập nhật không tăng theo r, nhờ vậy tốc độ học đã chỉnh ở một hạng vẫn dùng được ở hạng khác.',
  'alpha-r.slipUpsideDown': 'Đó là r / alpha, bị lộn ngược: hệ số là alpha / r.',
  'alpha-r.slipRsLora': 'Đó là alpha / √r của rsLoRA; LoRA thông thường chia cho r.',
  'alpha-r.slipAlphaAlone': 'Đó mới chỉ là alpha: còn phải chia cho r.',

  'merge.title': 'Gộp B A vào W₀',
  'merge.prompt': 'Hãy gộp lớp LoRA này thành một ma trận duy nhất: W = W₀ + (alpha / r) B A, với alpha = {alpha} và r = {r}.',
  'merge.solutionMerged': 'alpha / r = {scale}, nên W = W₀ + {scale} · B A = {merged}.',
  'merge.solutionSame': 'W sau khi gộp cho cùng đầu ra như W₀ x + (alpha / r) B A x, chỉ với một phép nhân ma trận và không thêm độ trễ.',
  'merge.slipUnscaled': 'Bạn đã cộng B A mà chưa co giãn: hãy nhân nó với alpha / r = {scale} trước.',
  'merge.slipUpsideDown': 'Cách đó co giãn B A theo r / alpha; hệ số đúng là alpha / r.',
  'merge.slipRow': 'Hàng {row} bị sai: hàng {row} của W₀ cộng {scale} × hàng {row} của B A là {merged}.',

  'gpt3-memory.title': 'Một checkpoint LoRA của GPT-3',
  'gpt3-memory.prompt': 'GPT-3 175B có {layers} lớp với độ rộng {width}. LoRA với r = {r} điều chỉnh {targets} (mỗi ma trận {width} × {width}) ở mọi lớp, và adapter được lưu bằng số thực dấu phẩy động 16 bit. Checkpoint nặng bao nhiêu megabyte (10⁶ byte)?',
  'gpt3-memory.solutionOne': 'Một ma trận: r (d + k) = {r} × {twoD} = {perMatrix} con số.',
  'gpt3-memory.solutionTotal': '{layers} lớp × {matrices} ma trận × {perMatrix} = {trainable} con số; × 2 byte = {bytes} byte ≈ {mb} MB.',
  'gpt3-memory.slip32Bit': 'Đó là số thực 32 bit (4 byte); số thực 16 bit chiếm 2 byte.',
  'gpt3-memory.slipMillions': 'Đó là số tham số tính theo triệu; mỗi tham số chiếm 2 byte.',
  'gpt3-memory.slipOneLayer': 'Đó là một lớp: có tất cả {layers} lớp.',
  'gpt3-memory.slipOneMatrix': 'Đó là một ma trận mỗi lớp: có {matrices} ma trận được điều chỉnh.',
  'gpt3-memory.slipMiB': 'Đó là MiB (2²⁰ byte); câu hỏi tính theo MB, tức 10⁶ byte.',
} satisfies Partial<ExerciseCatalogue>;
