import { en, type Catalogue, type MessageKey } from './en';

/** Every English message marked ⟦…⟧ (see PSEUDO in ../languages.ts): tests find text shown from outside the catalogue. */
export const pseudo = Object.fromEntries(
  Object.entries(en).map(([key, text]) => [key, `⟦${text}⟧`]),
) as Catalogue & Record<MessageKey, string>;
