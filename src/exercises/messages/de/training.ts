import type { ExerciseCatalogue } from '../en';

/** Lesson 6's exercises (06-train-lora). */
export const training = {
  // A run of the shipped rank sweep by its adapter, and what separates runs in a list (lessons 6 and 7).
  'sweep.adapter': 'r = {r} auf {targets}',
  'sweep.listSeparator': '; ',

  'tiny-trainable.title': 'Trainierbare Zahlen im kleinen Modell',
  'tiny-trainable.prompt': 'Das kleine Modell des Kurses hat {blocks} Blöcke der Breite {width}; seine Attention-Matrizen sind {width} × {width}. LoRA mit r = {r} auf {targets} in jedem Block: Wie viele Zahlen werden trainiert?',
  'tiny-trainable.solutionOne': 'Eine Matrix: r (d + k) = {r} × ({d} + {d}) = {one}.',
  'tiny-trainable.solutionTotal': '{blocks} Blöcke × {matrices, plural, one {# Matrix} other {# Matrizen}} × {one} = {total}.',
  'tiny-trainable.slipOneBlock': 'Das ist ein Block: Es gibt {blocks}.',
  'tiny-trainable.slipOneMatrix': 'Das ist eine Matrix: {targets} in {blocks} Blöcken sind {matrices} Matrizen.',
  'tiny-trainable.slipFrozen': 'Das sind die eingefrorenen Matrizen selbst; B und A enthalten je r (d + k).',
  'tiny-trainable.slipBOnly': 'Das zählt nur B; A bringt für jede Matrix weitere r × k hinzu.',

  'trainable-share.title': 'Der Anteil des Modells, der trainiert wird',
  'trainable-share.prompt': 'Das kleine Modell hat {total} Parameter. LoRA mit {adapter} trainiert {trainable} davon. Wie viel Prozent sind das? Auf zwei Nachkommastellen.',
  'trainable-share.solutionShare': '{n} / {m} × 100 ≈ {p} %.',
  'trainable-share.solutionFrozen': 'Die übrigen {frozen} % bleiben eingefroren: Sie brauchen keine Gradienten und keinen Optimiererzustand.',
  'trainable-share.slipFraction': 'Das ist ein Bruchteil; mal 100 ergibt es Prozent.',
  'trainable-share.slipFrozen': 'Das ist der Anteil, der eingefroren bleibt.',

  'same-budget.title': 'Gleiches Budget, andere Matrizen',
  'same-budget.prompt': 'Jeder dieser LoRA-Läufe trainiert genau {budget} Zahlen des kleinen Modells auf Dinosauriernamen ({steps} Schritte). Welcher erreichte den niedrigsten Validierungsverlust?',
  'same-budget.explainBest': 'Richtig: {adapter} erreichte {loss}, den niedrigsten der {count}. Ein Budget mit kleinerem Rang auf mehr Matrizen zu verteilen, schlägt meist einen hohen Rang auf einer einzigen.',
  'same-budget.explainOther': '{adapter} erreichte {loss}, gegenüber {best} für {bestAdapter}.',
  'same-budget.solutionRun': '{adapter}: Validierungsverlust {loss}.',

  'trainer-budget.title': 'Ein kleines Budget, das trotzdem lernt',
  'trainer-budget.prompt': 'Wähle im Trainer oben r und die Matrizen so, dass weniger als {budget} % der Zahlen des Modells trainiert werden, und trainiere dann, bis der Validierungsverlust unter {target} liegt. Drück dann auf Prüfen.',
  'trainer-budget.solutionRun': 'In den mitgelieferten Läufen trainiert {adapter} {trainable} Zahlen ({percent} %) und erreicht nach {steps} Schritten {loss}.',
  'trainer-budget.solutionHint': 'Ein kleiner Rang auf mehreren Matrizen ist für denselben Verlust meist billiger als ein hoher Rang auf einer.',
  'trainer-budget.waitModel': 'Warte, bis der Trainer sein Modell geladen hat.',
  'trainer-budget.waitTraining': 'Warte, bis das Training anhält, und prüfe dann.',
  'trainer-budget.overBudget': 'Es werden {trainable} Zahlen trainiert, {percent} % des Modells: Senke r oder passe weniger Matrizen an, um unter {budget} % zu kommen.',
  'trainer-budget.nowTrain': '{percent} % der Zahlen werden trainiert: innerhalb des Budgets. Jetzt trainieren, dann prüfen.',
  'trainer-budget.lossHigh': 'Innerhalb des Budgets ({percent} %), aber der Validierungsverlust ist {loss}: Trainiere länger oder verteile dasselbe Budget auf mehr Matrizen.',
  'trainer-budget.right': 'Richtig: {percent} % der Zahlen werden trainiert, und der Validierungsverlust ist {loss}.',
} satisfies Partial<ExerciseCatalogue>;
