import type { ExerciseCatalogue } from '../en';

/** Lesson 7's exercises (07-why-low-rank). */
export const subspace = {
  'phi-rank-one.title': 'φ für zwei Adapter vom Rang 1',
  'phi-rank-one.prompt': 'Zwei Adapter vom Rang 1 haben A₁ = [{u}] und A₂ = [{v}] (je 1 × {k}). Wie groß ist φ(A₁, A₂, 1, 1)? Auf zwei Nachkommastellen.',
  'phi-rank-one.solutionRows': 'Mit je einer Zeile sind die obersten rechten Singulärvektoren die Zeilen selbst, normiert.',
  'phi-rank-one.solutionPhi': 'φ = (u · v)² / (‖u‖² ‖v‖²) = {dot}² / ({uu} × {vv}) = {top}/{bottom} ≈ {phi}: das Quadrat des Kosinus des Winkels zwischen ihnen.',
  'phi-rank-one.slipCosine': 'Das ist der Kosinus; φ quadriert ihn.',
  'phi-rank-one.slipNormalise': 'Erst normieren: Teile durch ‖u‖² ‖v‖².',

  'phi-random.title': 'φ für zufällige Unterräume',
  'phi-random.prompt': 'Zwei zufällige Unterräume des ℝ^{k} mit den Dimensionen i = {i} und j = {j}: Welchen Wert von φ(i, j) ergäbe etwa der Zufall allein? Ein exakter Bruch oder eine Dezimalzahl.',
  'phi-random.solutionProjection': 'Jede der i obersten Richtungen des einen hat auf den anderen Unterraum eine erwartete quadrierte Projektion von j / k, also ‖U_iᵀ V_j‖² ≈ i j / k.',
  'phi-random.solutionPhi': 'Geteilt durch min(i, j) = {min} ergibt das φ ≈ max(i, j) / k = {max}/{k} = {value}: Ein trainiertes Paar deutlich darüber teilt Richtungen.',
  'phi-random.slipMin': 'Das ist min(i, j) / k: Die Summe i j / k wird durch min(i, j) geteilt, und es bleibt max(i, j) / k.',
  'phi-random.slipUndivided': 'Das ist ‖U_iᵀ V_j‖² selbst; φ teilt es noch durch min(i, j).',

  'amplification.title': 'Der Verstärkungsfaktor',
  'amplification.prompt': 'Ein ΔW vom Rang {r} hat die Singulärwerte {values}. Auf die eigenen {r} singulären Richtungen von ΔW projiziert, hat W ‖Uᵀ W Vᵀ‖_F = {projected}. Wie groß ist der Verstärkungsfaktor ‖ΔW‖_F / ‖Uᵀ W Vᵀ‖_F? Auf eine Nachkommastelle.',
  'amplification.solutionFactor': '{norm} / {projected} ≈ {factor}: ΔW verstärkt Richtungen, die W schon hat, aber kaum nutzt.',
  'amplification.slipSpectral': 'Das verwendet nur σ₁ (die Spektralnorm); die Frobeniusnorm summiert alle σ².',
  'amplification.slipSquare': 'Quadriere die σ vor dem Addieren und zieh dann die Wurzel.',
  'amplification.slipUpsideDown': 'Umgekehrt: ‖ΔW‖_F gehört in den Zähler.',

  'choose-r.title': 'r anhand eines Rang-Sweeps wählen',
  'choose-r.prompt': 'Nach {steps} Schritten erreichte LoRA auf {targets} diese Validierungsverluste: {losses}. Was ist das kleinste r, das höchstens {margin} über dem besten liegt?',
  'choose-r.solutionBest': 'Der beste ist {best} (r = {r}); höchstens {margin} darüber heißt höchstens {limit}.',
  'choose-r.solutionFirst': 'Der erste Rang darunter ist r = {r} ({loss}): Ein größeres r kostet mehr Zahlen für wenig Gewinn.',
  'choose-r.slipUntried': 'Der Sweep hat r = {ranks} ausprobiert.',
  'choose-r.slipTooHigh': 'r = {r} erreichte {loss}, mehr als {margin} über dem besten Wert {best}.',
  'choose-r.slipNotSmallest': 'r = {r} liegt innerhalb von {margin}, aber ein kleineres r auch.',

  'sweep-cell.title': 'Die billigste Zelle unter einem Verlust',
  'sweep-cell.prompt': 'Wähle in der Tabelle des Rang-Sweeps oben die Zelle, die die wenigsten Zahlen trainiert und dabei einen Validierungsverlust unter {threshold} hält (bei Gleichstand die mit dem niedrigeren Verlust). Drück auf Prüfen, während sie ausgewählt ist.',
  'sweep-cell.solutionCells': 'Zellen unter {threshold}: {cells}.',
  'sweep-cell.cellText': '{adapter} ({trainable} Zahlen, {loss})',
  'sweep-cell.solutionCheapest': 'Die billigste ist {adapter}.',
  'sweep-cell.waitSweep': 'Warte, bis der Rang-Sweep geladen ist.',
  'sweep-cell.chooseCell': 'Wähle eine der Zellen der Tabelle.',
  'sweep-cell.right': 'Richtig: {adapter} trainiert {trainable} Zahlen und erreicht {loss}.',
  'sweep-cell.notBelow': '{adapter} erreicht {loss}, nicht unter {threshold}.',
  'sweep-cell.cheaperExists': '{adapter} liegt unter {threshold}, aber eine andere Zelle darunter trainiert weniger Zahlen.',
  'sweep-cell.lowerLossExists': '{adapter} liegt unter {threshold}, aber eine andere Zelle darunter trainiert ebenso wenige Zahlen bei niedrigerem Verlust.',
} satisfies Partial<ExerciseCatalogue>;
