/**
 * The trainer's figures in the reader's language: losses, rates, times and the names of its background jobs.
 * Pure, like the controller that uses them; the words come from the catalogue through `t`.
 */
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';
import type { BusyJob } from './state';

/** A loss in nats per character, to 3 decimals ("not measured yet" when there is none). */
export const formatLoss = (x: number | undefined | null, t: Translate) =>
  x === undefined || x === null ? t('trainer.notMeasured') : formatNumber(t.lang, x, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** A number with a fixed count of decimals: "12.5", "0.8". */
export const fixed = (x: number, digits: number, t: Translate) =>
  formatNumber(t.lang, x, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Steps a second: one decimal below 10. */
export const formatRate = (x: number, t: Translate) => fixed(x, x < 10 ? 1 : 0, t);

/** Milliseconds: "3.2 ms", "41 ms". */
export const formatMs = (x: number, t: Translate) => `${fixed(x, x < 10 ? 1 : 0, t)} ms`;

export function busyWords(job: BusyJob, t: Translate): string {
  switch (job) {
    case 'sampling': return t('trainer.busySampling');
    case 'loading the names': return t('trainer.busyNames');
    case 'merging and timing': return t('trainer.busyMerging');
    case 'unmerging': return t('trainer.busyUnmerging');
    case 'loading the adapter': return t('trainer.busyAdapter');
    case 'resetting': return t('trainer.busyResetting');
  }
}
