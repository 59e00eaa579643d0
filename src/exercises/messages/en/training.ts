/** Lesson 6's exercises (06-train-lora). */
export const training = {
  // A run of the shipped rank sweep by its adapter, and what separates runs in a list (lessons 6 and 7).
  'sweep.adapter': 'r = {r} on {targets}',
  'sweep.listSeparator': '; ',

  'tiny-trainable.title': 'Trainable numbers in the tiny model',
  'tiny-trainable.prompt': 'The course’s tiny model has {blocks} blocks of width {width}; its attention matrices are {width} × {width}. LoRA with r = {r} on {targets} in every block: how many numbers train?',
  'tiny-trainable.solutionOne': 'One matrix: r (d + k) = {r} × ({d} + {d}) = {one}.',
  'tiny-trainable.solutionTotal': '{blocks} blocks × {matrices, plural, one {# matrix} other {# matrices}} × {one} = {total}.',
  'tiny-trainable.slipOneBlock': 'That is one block: there are {blocks}.',
  'tiny-trainable.slipOneMatrix': 'That is one matrix: {targets} in {blocks} blocks is {matrices} matrices.',
  'tiny-trainable.slipFrozen': 'That is the frozen matrices themselves; B and A hold r (d + k) each.',
  'tiny-trainable.slipBOnly': 'That counts B only; A adds r × k more for each matrix.',

  'trainable-share.title': 'Share of the model that trains',
  'trainable-share.prompt': 'The tiny model has {total} parameters. LoRA with {adapter} trains {trainable} of them. What percentage is that? Two decimals.',
  'trainable-share.solutionShare': '{n} / {m} × 100 ≈ {p}%.',
  'trainable-share.solutionFrozen': 'The other {frozen}% stay frozen: they need no gradients and no optimizer state.',
  'trainable-share.slipFraction': 'That is a fraction; multiply by 100 for a percentage.',
  'trainable-share.slipFrozen': 'That is the share that stays frozen.',

  'same-budget.title': 'Same budget, different matrices',
  'same-budget.prompt': 'Each of these LoRA runs trains exactly {budget} numbers of the tiny model on dinosaur names ({steps} steps). Which reached the lowest validation loss?',
  'same-budget.explainBest': 'Right: {adapter} reached {loss}, the lowest of the {count}. Spreading a budget over more matrices at a lower rank tends to beat a high rank on one.',
  'same-budget.explainOther': '{adapter} reached {loss}, against {best} for {bestAdapter}.',
  'same-budget.solutionRun': '{adapter}: validation loss {loss}.',

  'trainer-budget.title': 'A small budget that still learns',
  'trainer-budget.prompt': 'In the trainer above, choose r and the matrices so that fewer than {budget}% of the model’s numbers train, then train until the validation loss is below {target}. Press Check when it is.',
  'trainer-budget.solutionRun': 'In the shipped runs, {adapter} trains {trainable} numbers ({percent}%) and reaches {loss} after {steps} steps.',
  'trainer-budget.solutionHint': 'A low rank on several matrices is usually cheaper than a high rank on one for the same loss.',
  'trainer-budget.waitModel': 'Wait until the trainer has loaded its model.',
  'trainer-budget.waitTraining': 'Wait until training stops, then check.',
  'trainer-budget.overBudget': '{trainable} numbers train, {percent}% of the model: lower r or adapt fewer matrices to get under {budget}%.',
  'trainer-budget.nowTrain': '{percent}% of the numbers train: within budget. Now train, then check.',
  'trainer-budget.lossHigh': 'Within budget ({percent}%), but the validation loss is {loss}: train longer, or spread the same budget over more matrices.',
  'trainer-budget.right': 'Right: {percent}% of the numbers train and the validation loss is {loss}.',
} satisfies Record<string, string>;
