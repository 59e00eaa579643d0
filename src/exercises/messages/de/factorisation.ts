import type { ExerciseCatalogue } from '../en';

/** Lesson 2's exercises (02-low-rank-factorisation). */
export const factorisation = {
  'storage-count.title': 'Gespeicherte Zahlen in faktorisierter Form',
  'storage-count.prompt': 'Eine Matrix der Größe {m} × {n} hat Rang {r}. Wie viele Zahlen braucht man, um sie als Produkt L R zu speichern, mit L der Größe {m} × {r} und R der Größe {r} × {n}?',
  'storage-count.solutionFactors': 'Der linke Faktor enthält {m} × {r} = {left} Zahlen, der rechte {r} × {n} = {right}.',
  'storage-count.solutionTotal': 'Zusammen r (m + n) = {r} × ({m} + {n}) = {factored}, gegenüber m n = {full} für die volle Matrix.',
  'storage-count.full': 'Das ist m n, die volle Matrix. Die Faktoren enthalten r (m + n) Zahlen.',
  'storage-count.sum': 'm + n zählt eine Spalte und eine Zeile: Multipliziere mit r = {r}, ein Paar je Rang.',
  'storage-count.leftOnly': '{left} ist nur der linke Faktor (m × r); addiere den rechten, r × n = {right}.',
  'storage-count.rightOnly': '{right} ist nur der rechte Faktor (r × n); addiere den linken, m × r = {left}.',
  'storage-count.product': 'r m n multipliziert alle drei: Die Faktoren enthalten r m + r n Zahlen.',

  'rank-one-factor.title': 'Eine Rang-1-Matrix als Spalte mal Zeile',
  'rank-one-factor.prompt': 'M hat Rang 1, also ist M = u v mit einer Spalte u und einer Zeile v. Gegeben ist u; bestimme die Zeile v (1 × 3).',
  'rank-one-factor.solutionV': 'Zeile 1 von M ist u₁ v, also v = (Zeile 1 von M) / u₁ = {row} / {u1} = {v}.',
  'rank-one-factor.solutionCheck': 'Probe: u v ergibt jede Zeile wieder; Zeile i ist uᵢ mal v.',
  'rank-one-factor.wrongRow': 'u mal dein v ergibt {product} für Zeile {row}, aber Zeile {row} von M ist {want}.',

  'column-row.title': 'M = C R: Bestimme R',
  'column-row.prompt': 'M hat Rang 2. C enthält die Pivotspalten von M (die Spalten {a} und {b}). Bestimme R (2 × {n}) so, dass M = C R.',
  'column-row.solutionR': 'R besteht aus den Zeilen ungleich null von rref(M): {R}.',
  'column-row.solutionColumns': 'Jede Spalte von R sagt, wie man die Spalten von C zu dieser Spalte von M mischt; die Pivotspalten von R bilden die Einheitsmatrix.',
  'column-row.wrongRow': 'C mal dein R ergibt {product} als Zeile {row}, aber Zeile {row} von M ist {want}.',

  'break-even.title': 'Ab wann Faktorisieren nichts mehr spart',
  'break-even.prompt': 'Eine Matrix der Größe {m} × {n} mit Rang r wird als zwei Faktoren gespeichert, also mit r (m + n) Zahlen. Für welches größte r sind das weniger Zahlen als die {entries} Einträge?',
  'break-even.solutionBound': 'r (m + n) < m n bedeutet r < m n / (m + n) = {mn} / {sum} ≈ {bound}.',
  'break-even.solutionLargest': 'Die größte ganze Zahl r darunter ist {r}: {r} × {sum} = {count} < {mn}, während {next} × {sum} = {nextCount} es nicht mehr ist.',
  'break-even.tooLarge': 'Bei r = {x} enthalten die Faktoren {x} × {sum} = {count} Zahlen, nicht weniger als {mn}.',
  'break-even.tooSmall': 'r = {next} spart noch: {next} × {sum} = {count} < {mn}.',
} satisfies Partial<ExerciseCatalogue>;
