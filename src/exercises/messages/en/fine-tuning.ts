/** Lesson 4's exercises (04-fine-tuning). */
export const fineTuning = {
  'delta-w.title': 'The update ΔW',
  'delta-w-rank.title': 'The rank of an update',
  'full-count.title': 'What full fine-tuning trains',
  'adam-memory.title': 'Adam’s memory for full fine-tuning',
} satisfies Record<string, string>;
