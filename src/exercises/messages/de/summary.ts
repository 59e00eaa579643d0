import type { ExerciseCatalogue } from '../en';

/** Lesson 8's exercises (08-summary). */
export const summary = {
  'rank-of-ba.title': 'Der Rang von B A',
  'rank-of-ba.prompt': 'B ist {d} × {r} und A ist {r} × {k}. Welchen Rang kann ΔW = B A höchstens haben?',
  'rank-of-ba.explainR': 'Richtig: Jede Spalte von B A ist eine Kombination der {r} Spalten von B, also rang(B A) ≤ {r}.',
  'rank-of-ba.explainMin': 'Das begrenzt jede {d} × {k}-Matrix; B A muss aber zuerst durch {r} Dimensionen hindurch.',
  'rank-of-ba.explainSquare': 'Ränge multiplizieren sich nicht: Alle Spalten von B A liegen im Spann der {r} Spalten von B.',
  'rank-of-ba.optionEntries': 'r (d + k) = {n}',
  'rank-of-ba.explainEntries': 'Das ist die Anzahl der Einträge von B und A, kein Rang.',
  'rank-of-ba.solutionColumns': 'B A x = B (A x): Was x auch ist, das Ergebnis ist eine Kombination der {r} Spalten von B.',
  'rank-of-ba.solutionRank': 'Der Spaltenraum von ΔW hat also höchstens Dimension {r}: Die Änderung von LoRA hat schon durch ihre Bauart niedrigen Rang.',

  'gpt3-ratio.title': 'Wie viel weniger Zahlen',
  'gpt3-ratio.prompt': 'GPT-3 hat {parameters} Parameter in {layers} Schichten der Breite {width}. LoRA mit r = {r} auf {perLayer, plural, one {# quadratischen Matrix} other {# quadratischen Matrizen}} pro Schicht: Wie viel Mal weniger Zahlen werden trainiert als bei vollständiger Feinabstimmung? Auf 1 % genau.',
  'gpt3-ratio.solutionTrainable': 'Trainierbar: {layers} × {perLayer} × {r} × ({width} + {width}) = {trainable}.',
  'gpt3-ratio.solutionRatio': '{n} / {m} ≈ {x}.',
  'gpt3-ratio.slipOneLayer': 'Das zählt die Adapter einer Schicht: Es gibt {layers} Schichten.',
  'gpt3-ratio.slipOneMatrix': 'Das vergleicht eine Matrix mit ihrem eigenen B und A; die Frage vergleicht das ganze Modell.',

  'rank-for-budget.title': 'Der größte Rang, den ein Budget erlaubt',
  'rank-for-budget.prompt': 'Ein Modell hat {layers} Schichten der Breite {width}. Du passt pro Schicht {matrices} quadratische Matrizen der Größe {width} × {width} an und kannst dir höchstens {budget} trainierbare Zahlen leisten. Was ist das größte r, das passt?',
  'rank-for-budget.solutionCost': 'Jede Einheit Rang kostet {layers} × {matrices} × ({width} + {width}) = {perRank} Zahlen.',
  'rank-for-budget.solutionFit': '{budget} / {perRank} ≈ {quotient}, also r = {r} ({used} Zahlen).',
  'rank-for-budget.slipOneLayer': 'Das reicht für eine Schicht; alle {layers} Schichten bekommen Adapter.',
  'rank-for-budget.slipD': 'Jeder Rang fügt eine Spalte von B und eine Zeile von A hinzu: d + k Zahlen, nicht d.',
  'rank-for-budget.slipOver': 'r = {r} braucht {count} Zahlen, mehr als das Budget.',
  'rank-for-budget.slipStillFits': 'r = {r} passt noch: {count} Zahlen.',

  'lora-not-compression.title': 'LoRA ist keine Kompression',
  'lora-not-compression.prompt': 'Eine Schicht der Größe {width} × {width} bekommt eine LoRA-Änderung vom Rang {r}, die danach eingerechnet wird. Welche Aussage stimmt?',
  'lora-not-compression.optionFull': 'Die eingerechnete Schicht enthält weiterhin {full} Zahlen; LoRA hat nur {lora} davon trainiert.',
  'lora-not-compression.explainFull': 'Richtig: W = W₀ + (alpha / r) B A ist eine volle d × k-Matrix. LoRA spart Speicher beim Training und Platz im Checkpoint, nicht Modellgröße.',
  'lora-not-compression.optionSmaller': 'Die eingerechnete Schicht enthält {lora} Zahlen, das Modell ist also {ratio}-mal kleiner.',
  'lora-not-compression.explainSmaller': 'Nein: Beim Einrechnen wird B A zu W₀ addiert, das alle seine d k Einträge behält.',
  'lora-not-compression.optionSvd': 'LoRA ersetzt W₀ durch seine beste Näherung vom Rang r, wie es die SVD-Kompression tut.',
  'lora-not-compression.explainSvd': 'Nein: W₀ bleibt vollständig und eingefroren; nur die Änderung ΔW hat niedrigen Rang.',
  'lora-not-compression.optionFaster': 'Die eingerechnete Schicht rechnet schneller als W₀ vorher.',
  'lora-not-compression.explainFaster': 'Nein: Das Einrechnen fügt keine Latenz hinzu, aber das Produkt mit einer d × k-Matrix kostet so viel wie vorher.',
  'lora-not-compression.solutionSvd': 'SVD-Kompression verkleinert eine Matrix, indem sie nur ihre obersten r Rang-1-Schichten behält: Dabei geht Information verloren.',
  'lora-not-compression.solutionLora': 'LoRA behält W₀ vollständig und lernt eine Änderung mit niedrigem Rang: Kleiner werden nur das Training und der gespeicherte Adapter.',
} satisfies Partial<ExerciseCatalogue>;
