/** The lora-anatomy widget's presets, apart from the element so that server-rendered pages can read them. */
export const PRESETS = {
  small: { d: 96, k: 64, r: 8, label: 'Small layer (96 × 64)' },
  gpt3: { d: 12288, k: 12288, r: 4, label: 'GPT-3 175B layer (12,288 × 12,288)' },
} as const;
export type PresetName = keyof typeof PRESETS;
