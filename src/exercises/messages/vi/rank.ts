import type { ExerciseCatalogue } from '../en';

/** Lesson 1's exercises (01-rank). */
export const rank = {
  'max-rank.title': 'Hạng lớn nhất có thể',
  'max-rank.prompt': 'Một ma trận có {m} hàng và {n} cột. Hạng của nó lớn nhất có thể là bao nhiêu?',
  'max-rank.rightRows': 'Đúng: hạng đếm số hàng độc lập cũng như số cột độc lập, mà ma trận chỉ có {low} hàng.',
  'max-rank.rightColumns': 'Đúng: hạng đếm số hàng độc lập cũng như số cột độc lập, mà ma trận chỉ có {low} cột.',
  'max-rank.highRows': 'Không: {high} hàng nằm trong một không gian {low} chiều, nên nhiều nhất {low} hàng trong số đó là độc lập.',
  'max-rank.highColumns': 'Không: {high} cột nằm trong một không gian {low} chiều, nên nhiều nhất {low} cột trong số đó là độc lập.',
  'max-rank.entries': 'Không: {entries} là số phần tử, không phải số hàng độc lập.',
  'max-rank.sum': 'Không: m + n đếm gộp cả hàng lẫn cột; hạng không vượt quá số nhỏ hơn trong hai số đó.',
  'max-rank.solutionBound': 'Hạng theo hàng = hạng theo cột, và không hạng nào vượt quá số hàng hay số cột tương ứng: hạng ≤ min({m}, {n}) = {low}.',
  'max-rank.solutionRows': 'Một ma trận có {low} hàng độc lập đạt được giá trị này.',
  'max-rank.solutionColumns': 'Một ma trận có {low} cột độc lập đạt được giá trị này.',

  'rank-of-matrix.title': 'Hạng của một ma trận',
  'rank-of-matrix.prompt': 'Hạng của M bằng bao nhiêu?',
  'rank-of-matrix.solutionOne': 'Dạng rút gọn có 1 hàng khác không (phần tử trụ ở cột {column}): hạng 1.',
  'rank-of-matrix.solutionMany': 'Dạng rút gọn có {r} hàng khác không (phần tử trụ ở các cột {columns}): hạng {r}.',
  'rank-of-matrix.notWhole': 'Hạng là một số nguyên: số phần tử trụ.',
  'rank-of-matrix.aboveRows': 'M chỉ có {m} hàng, nên hạng của nó không vượt quá {m}.',
  'rank-of-matrix.tooMany': 'Nhiều quá: sau khi khử, hàng {row} của dạng rút gọn toàn số 0 ({zeros}), nên nó không đóng góp gì mới.',
  'rank-of-matrix.tooFew': 'Ít quá: hàng {row} của dạng rút gọn vẫn còn phần tử trụ, ở cột {column}.',

  'rref.title': 'Dạng bậc thang rút gọn',
  'rref.prompt': 'Đưa M về dạng bậc thang rút gọn (các hàng 0 để ở dưới cùng). Có thể dùng phân số như 2/3.',
  'rref.zeroRow': 'Hàng {row} phải toàn số 0: M có hạng {rank}, nên chỉ {rank} hàng giữ phần tử trụ.',
  'rref.notZero': 'Hàng {row} không được là hàng 0: nó giữ một phần tử trụ ở cột {column}.',
  'rref.leadColumn': 'Phần tử khác không đầu tiên của hàng {row} phải nằm ở cột {column}, không phải cột {lead}.',
  'rref.scaled': 'Hàng {row} đúng sai khác một hệ số: hãy chia nó cho {factor} để phần tử trụ bằng 1.',
  'rref.pivotNotOne': 'Phần tử trụ của hàng {row} phải bằng 1, không phải {pivot}.',
  'rref.otherPivot': 'Hàng {row} có {value} ở cột {column}, là cột trụ của một hàng khác: hãy khử nó về 0.',
  'rref.entry': 'Hàng {row}, cột {column}: phép khử cho {want}, không phải {given}.',

  'missing-entry.title': 'Phần tử bị thiếu để ma trận có hạng 1',
  'missing-entry.prompt': 'Giá trị nào của x làm M thành ma trận hạng 1?',
  'missing-entry.solutionRows': 'Hạng 1 nghĩa là mỗi hàng đều là bội của mọi hàng khác: hàng {row} = {ratio} × hàng {other} (xét ở cột {column}).',
  'missing-entry.solutionX': 'Vậy x = {a} × {b} / {c} = {x}.',
  'missing-entry.wrongRank': 'Với x = {x}, phép khử để lại {r} phần tử trụ: M có hạng {r}. Các hàng phải là bội của nhau.',
} satisfies Partial<ExerciseCatalogue>;
