import type { ExerciseCatalogue } from '../en';

/** Lesson 4's exercises (04-fine-tuning). */
export const fineTuning = {
  'delta-w.title': 'Die Änderung ΔW',
  'delta-w.prompt': 'Die Feinabstimmung hat die Gewichte einer Schicht von W₀ zu W verändert. Wie lautet die Änderung ΔW?',
  'delta-w.solutionEntries': 'ΔW = W − W₀, Eintrag für Eintrag:',
  'delta-w.reversed': 'Das ist W₀ − W: Die Änderung ist das, was zu W₀ hinzukommt, also W − W₀.',
  'delta-w.wrongRow': 'Zeile {row} weicht ab: Zeile {row} von W minus Zeile {row} von W₀ ist {delta}.',

  'delta-w-rank.title': 'Der Rang einer Änderung',
  'delta-w-rank.prompt': 'Die Feinabstimmung hat W₀ zu W verändert. Welchen Rang hat die Änderung ΔW = W − W₀?',
  'delta-w-rank.solutionReduced': 'Ihre reduzierte Form {rref} hat {rank, plural, one {# Zeile} other {# Zeilen}} ungleich null: Rang {rank}.',
  'delta-w-rank.solutionBet': 'Auch eine große Änderung an jedem Eintrag kann einen niedrigen Rang haben: Darauf setzt LoRA.',
  'delta-w-rank.rankOfW': '{rankW} ist der Rang von W selbst. Ziehe zuerst W₀ ab und reduziere dann ΔW.',
  'delta-w-rank.tooMany': 'Zu viele: Nach der Elimination {rank, plural, one {behält nur # Zeile} other {behalten nur # Zeilen}} von ΔW ein Pivot.',
  'delta-w-rank.tooFewOne': 'Zu wenige: Die Zeilen von ΔW sind nicht alle Vielfache einer einzigen Zeile.',
  'delta-w-rank.tooFew': 'Zu wenige: Die Zeilen von ΔW lassen sich nicht aus so wenigen Zeilen kombinieren.',

  'full-count.title': 'Was volle Feinabstimmung trainiert',
  'full-count.prompt': 'Ein Transformer hat {layers} Blöcke der Breite d = {d}. Jeder Block hat vier Attention-Matrizen (Wq, Wk, Wv, Wo, jeweils d × d) und ein MLP aus zwei Matrizen (d × 4d und 4d × d). Wie viele Gewichte in diesen Matrizen trainiert die volle Feinabstimmung?',
  'full-count.solutionBlock': 'Attention: 4 × {d}² = {attention} je Block. MLP: 2 × {d} × {d4} = {mlp} je Block.',
  'full-count.solutionTotal': '{layers} Blöcke × {block} = {total}: Jedes dieser Gewichte bekommt einen Gradienten und eine Aktualisierung.',
  'full-count.oneBlock': 'Das ist ein Block; es gibt {layers}.',
  'full-count.noMlp': 'Da fehlt das MLP, {mlp} Gewichte je Block.',
  'full-count.noAttention': 'Da fehlt die Attention, {attention} Gewichte je Block.',
  'full-count.mlpShape': 'Jede MLP-Matrix ist d × 4d, nicht d × d.',
  'full-count.fourAttention': 'Es gibt vier Attention-Matrizen: Wq, Wk, Wv und Wo.',

  'adam-memory.title': 'Adams Speicherbedarf bei voller Feinabstimmung',
  'adam-memory.prompt': 'Adam speichert für jeden trainierten Parameter zwei 32-Bit-Zahlen (die gleitenden Mittelwerte m und v). Volle Feinabstimmung eines Modells mit {billions} Milliarden Parametern: Wie viele Gigabyte (10⁹ Byte) Optimiererzustand sind das?',
  'adam-memory.solutionBytes': '2 Zahlen × 4 Byte = 8 Byte je Parameter.',
  'adam-memory.solutionTotal': '8 × {params} = {bytes} Byte ≈ {gb} GB, zusätzlich zu den Gewichten und ihren Gradienten.',
  'adam-memory.oneNumber': 'Das zählt eine Zahl je Parameter: Adam speichert zwei, m und v.',
  'adam-memory.weightsToo': 'Darin stecken auch Gewichte und Gradienten; gefragt ist nur der Optimiererzustand.',
  'adam-memory.gib': 'Das ist in GiB (2³⁰ Byte); gefragt sind GB, also 10⁹ Byte.',
  'adam-memory.fourBytes': 'Jede Zahl belegt 4 Byte (32 Bit).',
} satisfies Partial<ExerciseCatalogue>;
