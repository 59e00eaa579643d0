import type { ExerciseCatalogue } from '../en';

/** Lesson 2's exercises (02-low-rank-factorisation). */
export const factorisation = {
  'storage-count.title': 'Số lượng số cần lưu ở dạng phân tích',
  'storage-count.prompt': 'Một ma trận cỡ {m} × {n} có hạng {r}. Cần lưu bao nhiêu số để biểu diễn nó dưới dạng tích L R, với L cỡ {m} × {r} và R cỡ {r} × {n}?',
  'storage-count.solutionFactors': 'Thừa số bên trái chứa {m} × {r} = {left} số, thừa số bên phải {r} × {n} = {right}.',
  'storage-count.solutionTotal': 'Tổng cộng r (m + n) = {r} × ({m} + {n}) = {factored}, so với m n = {full} cho ma trận đầy đủ.',
  'storage-count.full': 'Đó là m n, ma trận đầy đủ. Các thừa số chỉ chứa r (m + n) số.',
  'storage-count.sum': 'm + n mới đếm một cột và một hàng: hãy nhân với r = {r}, mỗi bậc hạng một cặp.',
  'storage-count.leftOnly': '{left} mới chỉ là thừa số bên trái (m × r); hãy cộng thêm thừa số bên phải, r × n = {right}.',
  'storage-count.rightOnly': '{right} mới chỉ là thừa số bên phải (r × n); hãy cộng thêm thừa số bên trái, m × r = {left}.',
  'storage-count.product': 'r m n là nhân cả ba: các thừa số chứa r m + r n số.',

  'rank-one-factor.title': 'Ma trận hạng 1 là một cột nhân một hàng',
  'rank-one-factor.prompt': 'M có hạng 1, nên M = u v với một cột u và một hàng v. Cho trước u, hãy tìm hàng v (1 × 3).',
  'rank-one-factor.solutionV': 'Hàng 1 của M là u₁ v, nên v = (hàng 1 của M) / u₁ = {row} / {u1} = {v}.',
  'rank-one-factor.solutionCheck': 'Kiểm tra: u v cho lại mọi hàng, hàng i bằng uᵢ nhân v.',
  'rank-one-factor.wrongRow': 'u nhân v của bạn cho {product} ở hàng {row}, nhưng hàng {row} của M là {want}.',

  'column-row.title': 'M = C R: tìm R',
  'column-row.prompt': 'M có hạng 2. C gồm các cột trụ của M (cột {a} và cột {b}). Hãy tìm R (2 × {n}) sao cho M = C R.',
  'column-row.solutionR': 'R gồm các hàng khác không của rref(M): {R}.',
  'column-row.solutionColumns': 'Mỗi cột của R cho biết cách trộn các cột của C để được cột tương ứng của M; các cột trụ của R tạo thành ma trận đơn vị.',
  'column-row.wrongRow': 'C nhân R của bạn cho hàng {row} là {product}, nhưng hàng {row} của M là {want}.',

  'break-even.title': 'Khi nào phân tích thôi tiết kiệm',
  'break-even.prompt': 'Một ma trận cỡ {m} × {n} có hạng r được lưu dưới dạng hai thừa số, tức r (m + n) số. Giá trị r lớn nhất nào vẫn cần ít số hơn {entries} phần tử của ma trận?',
  'break-even.solutionBound': 'r (m + n) < m n nghĩa là r < m n / (m + n) = {mn} / {sum} ≈ {bound}.',
  'break-even.solutionLargest': 'Số nguyên r lớn nhất dưới ngưỡng đó là {r}: {r} × {sum} = {count} < {mn}, còn {next} × {sum} = {nextCount} thì không.',
  'break-even.tooLarge': 'Với r = {x}, các thừa số chứa {x} × {sum} = {count} số, không ít hơn {mn}.',
  'break-even.tooSmall': 'r = {next} vẫn còn tiết kiệm: {next} × {sum} = {count} < {mn}.',
} satisfies Partial<ExerciseCatalogue>;
