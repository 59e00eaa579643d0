import type { ExerciseCatalogue } from '../en';

/** Lesson 5's exercises (05-lora). */
export const lora = {
  'lora-layer-count.title': 'Trainierbare Zahlen einer LoRA-Schicht',
  'lora-layer-count.prompt': 'LoRA passt ein Gewicht W₀ der Größe {d} × {k} mit B ({d} × r) und A (r × {k}) an, r = {r}. Wie viele Zahlen werden trainiert?',
  'lora-layer-count.solutionEntries': 'B hat {d} × {r} = {dr} Einträge, A hat {r} × {k} = {rk}.',
  'lora-layer-count.solutionTotal': 'r (d + k) = {lora}, gegenüber d k = {full} für W₀ selbst: {ratio}-mal weniger.',
  'lora-layer-count.slipFrozen': 'Das ist d k, das eingefrorene W₀. Trainiert werden nur B und A.',
  'lora-layer-count.slipBAlone': 'Das ist B allein; A kommt mit r × k = {rk} hinzu.',
  'lora-layer-count.slipAAlone': 'Das ist A allein; B kommt mit d × r = {dr} hinzu.',
  'lora-layer-count.slipSum': 'd + k ist eine Spalte von B und eine Zeile von A: Davon gibt es je r = {r}.',
  'lora-layer-count.slipProduct': 'r d k multipliziert alles miteinander: B und A enthalten d r + r k Zahlen.',

  'alpha-r.title': 'Skalierung mit alpha durch r',
  'alpha-r.prompt': 'Eine LoRA-Schicht hat alpha = {alpha} und Rang r = {r}. Mit welchem Faktor wird B A x multipliziert, bevor es zu W₀ x addiert wird? Gib einen exakten Bruch oder eine Dezimalzahl an.',
  'alpha-r.solutionFactor': 'h = W₀ x + (alpha / r) B A x, der Faktor ist also {alpha} / {r} = {scale}.',
  'alpha-r.solutionWhy': 'Die Division durch r verhindert, dass die Änderung mit r wächst; eine Lernrate, die bei einem Rang passt, passt so auch bei einem anderen.',
  'alpha-r.slipUpsideDown': 'Das ist r / alpha, also umgekehrt: Der Faktor ist alpha / r.',
  'alpha-r.slipRsLora': 'Das ist alpha / √r aus rsLoRA; gewöhnliches LoRA teilt durch r.',
  'alpha-r.slipAlphaAlone': 'Das ist alpha allein: Es wird noch durch r geteilt.',

  'merge.title': 'B A in W₀ einrechnen',
  'merge.prompt': 'Rechne diese LoRA-Schicht in eine einzige Matrix ein: W = W₀ + (alpha / r) B A, mit alpha = {alpha} und r = {r}.',
  'merge.solutionMerged': 'alpha / r = {scale}, also W = W₀ + {scale} · B A = {merged}.',
  'merge.solutionSame': 'Das eingerechnete W liefert dieselben Ausgaben wie W₀ x + (alpha / r) B A x, mit einem einzigen Matrixprodukt und ohne zusätzliche Latenz.',
  'merge.slipUnscaled': 'Du hast B A unskaliert addiert: Multipliziere es zuerst mit alpha / r = {scale}.',
  'merge.slipUpsideDown': 'Das skaliert B A mit r / alpha; der Faktor ist alpha / r.',
  'merge.slipRow': 'Zeile {row} weicht ab: Zeile {row} von W₀ plus {scale} × Zeile {row} von B A ergibt {merged}.',

  'gpt3-memory.title': 'Ein LoRA-Checkpoint für GPT-3',
  'gpt3-memory.prompt': 'GPT-3 175B hat {layers} Schichten der Breite {width}. LoRA mit r = {r} passt in jeder Schicht {targets} an (je {width} × {width}), und der Adapter wird in 16-Bit-Gleitkommazahlen gespeichert. Wie viele Megabyte (10⁶ Bytes) hat der Checkpoint?',
  'gpt3-memory.solutionOne': 'Eine Matrix: r (d + k) = {r} × {twoD} = {perMatrix} Zahlen.',
  'gpt3-memory.solutionTotal': '{layers} Schichten × {matrices, plural, one {# Matrix} other {# Matrizen}} × {perMatrix} = {trainable} Zahlen; × 2 Bytes = {bytes} Bytes ≈ {mb} MB.',
  'gpt3-memory.slip32Bit': 'Das sind 32-Bit-Gleitkommazahlen (4 Bytes); 16-Bit-Zahlen brauchen 2 Bytes.',
  'gpt3-memory.slipMillions': 'Das ist die Anzahl der Parameter in Millionen; jeder braucht 2 Bytes.',
  'gpt3-memory.slipOneLayer': 'Das ist eine Schicht: Es gibt {layers}.',
  'gpt3-memory.slipOneMatrix': 'Das ist eine Matrix pro Schicht: Angepasst werden {matrices}.',
  'gpt3-memory.slipMiB': 'Das ist in MiB (2²⁰ Bytes); gefragt ist nach MB, also 10⁶ Bytes.',
} satisfies Partial<ExerciseCatalogue>;
