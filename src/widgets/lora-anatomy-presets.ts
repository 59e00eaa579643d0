import type { MessageKey } from '../i18n/translate';

/** The lora-anatomy widget's presets, apart from the element so that server-rendered pages can read them. */
export const PRESETS = {
  small: { d: 96, k: 64, r: 8, label: 'loraAnatomy.presetSmall' },
  gpt3: { d: 12288, k: 12288, r: 4, label: 'loraAnatomy.presetGpt3' },
} as const satisfies Record<string, { d: number; k: number; r: number; label: MessageKey }>;
export type PresetName = keyof typeof PRESETS;
