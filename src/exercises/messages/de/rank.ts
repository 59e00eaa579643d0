import type { ExerciseCatalogue } from '../en';

/** Lesson 1's exercises (01-rank). */
export const rank = {
  'max-rank.title': 'Der größtmögliche Rang',
  'max-rank.prompt': 'Eine Matrix hat {m} Zeilen und {n} Spalten. Welchen Rang kann sie höchstens haben?',
  'max-rank.rightRows': 'Richtig: Der Rang zählt unabhängige Zeilen und unabhängige Spalten gleichermaßen, und es gibt nur {low} Zeilen.',
  'max-rank.rightColumns': 'Richtig: Der Rang zählt unabhängige Zeilen und unabhängige Spalten gleichermaßen, und es gibt nur {low} Spalten.',
  'max-rank.highRows': 'Nein: {high} Zeilen liegen in einem Raum der Dimension {low}, also sind höchstens {low} von ihnen unabhängig.',
  'max-rank.highColumns': 'Nein: {high} Spalten liegen in einem Raum der Dimension {low}, also sind höchstens {low} von ihnen unabhängig.',
  'max-rank.entries': 'Nein: {entries} ist die Anzahl der Einträge, nicht die der unabhängigen Zeilen.',
  'max-rank.sum': 'Nein: m + n zählt Zeilen und Spalten zusammen; der Rang ist höchstens die kleinere der beiden Zahlen.',
  'max-rank.solutionBound': 'Zeilenrang = Spaltenrang, und keiner kann die Anzahl der Zeilen bzw. Spalten übersteigen: Rang ≤ min({m}, {n}) = {low}.',
  'max-rank.solutionRows': 'Eine Matrix mit {low} unabhängigen Zeilen erreicht ihn.',
  'max-rank.solutionColumns': 'Eine Matrix mit {low} unabhängigen Spalten erreicht ihn.',

  'rank-of-matrix.title': 'Der Rang einer Matrix',
  'rank-of-matrix.prompt': 'Welchen Rang hat M?',
  'rank-of-matrix.solutionOne': 'Die reduzierte Form hat 1 Zeile ungleich null (ihr Pivot steht in Spalte {column}): Rang 1.',
  'rank-of-matrix.solutionMany': 'Die reduzierte Form hat {r} Zeilen ungleich null (Pivots in den Spalten {columns}): Rang {r}.',
  'rank-of-matrix.notWhole': 'Ein Rang ist eine ganze Zahl: die Anzahl der Pivots.',
  'rank-of-matrix.aboveRows': 'M hat nur {m} Zeilen, also ist der Rang höchstens {m}.',
  'rank-of-matrix.tooMany': 'Zu viele: Nach der Elimination besteht Zeile {row} der reduzierten Form nur aus Nullen ({zeros}), trägt also nichts Neues bei.',
  'rank-of-matrix.tooFew': 'Zu wenige: Zeile {row} der reduzierten Form hat noch ein Pivot, in Spalte {column}.',

  'rref.title': 'Reduzierte Zeilenstufenform',
  'rref.prompt': 'Bringe M auf reduzierte Zeilenstufenform (Nullzeilen bleiben unten). Brüche wie 2/3 sind erlaubt.',
  'rref.zeroRow': 'Zeile {row} sollte nur aus Nullen bestehen: M hat Rang {rank}, also behalten nur {rank} Zeilen ein Pivot.',
  'rref.notZero': 'Zeile {row} sollte keine Nullzeile sein: Sie behält ein Pivot in Spalte {column}.',
  'rref.leadColumn': 'Der führende Eintrag von Zeile {row} gehört in Spalte {column}, nicht in Spalte {lead}.',
  'rref.scaled': 'Zeile {row} stimmt bis auf einen Faktor: Teile sie durch {factor}, damit ihr Pivot 1 wird.',
  'rref.pivotNotOne': 'Das Pivot von Zeile {row} sollte 1 sein, nicht {pivot}.',
  'rref.otherPivot': 'Zeile {row} hat {value} in Spalte {column}, der Pivotspalte einer anderen Zeile: Mache diesen Eintrag zu 0.',
  'rref.entry': 'Zeile {row}, Spalte {column}: Die Elimination ergibt {want}, nicht {given}.',

  'missing-entry.title': 'Ein fehlender Eintrag, der Rang 1 ergibt',
  'missing-entry.prompt': 'Für welchen Wert von x hat M den Rang 1?',
  'missing-entry.solutionRows': 'Rang 1 heißt: Jede Zeile ist ein Vielfaches jeder anderen. Zeile {row} = {ratio} × Zeile {other} (abgelesen in Spalte {column}).',
  'missing-entry.solutionX': 'Also ist x = {a} × {b} / {c} = {x}.',
  'missing-entry.wrongRank': 'Mit x = {x} lässt die Elimination {r} Pivots übrig: M hat Rang {r}. Die Zeilen müssen Vielfache voneinander sein.',
} satisfies Partial<ExerciseCatalogue>;
