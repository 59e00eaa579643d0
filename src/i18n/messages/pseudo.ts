import { pseudoCatalogue } from '../translate';
import { en } from './en';

/** Every English message marked ⟦…⟧ (see PSEUDO in ../languages.ts): tests find text shown from outside the catalogue. */
export const pseudo = pseudoCatalogue(en);
