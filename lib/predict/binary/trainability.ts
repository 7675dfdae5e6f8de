/**
 * When a store has too little data to train honestly. A model fitted on fewer than
 * MIN_SHOPPERS eligible shoppers, or with fewer than MIN_CLASS shoppers in either class, has
 * bins with a handful of shoppers each and an evaluation whose AUC interval spans ±0.1 or more:
 * the rule-based score (method 'rule-recency') is shown instead, labelled as such.
 */
import type { ShopperHistory } from '@/lib/predict/types';
import type { BinaryKind, Trainability } from './index';
import { eligible, labelOf } from './labels';

/** Fewest eligible shoppers a trained model needs. */
export const MIN_SHOPPERS = 200;
/** Fewest shoppers of each class (event / no event) a trained model needs. */
export const MIN_CLASS = 30;

/**
 * Counts eligible shoppers and positives at `asOf` (labels in [asOf, asOf + horizon)) and says
 * whether a trained model may be fitted. `positives` counts the event (churned / bought).
 */
export function trainability(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number | Date; horizonDays: number },
): Trainability {
  const asOf = +opts.asOf;
  let n = 0;
  let positives = 0;
  for (const h of histories) {
    if (!eligible(kind, h, asOf)) continue;
    n++;
    positives += labelOf(kind, h, asOf, opts.horizonDays);
  }
  const negatives = n - positives;
  if (n >= MIN_SHOPPERS && positives >= MIN_CLASS && negatives >= MIN_CLASS)
    return { ok: true, n, positives };
  const reason =
    n < MIN_SHOPPERS
      ? `only ${n} eligible shoppers (a trained model needs ${MIN_SHOPPERS})`
      : `only ${Math.min(positives, negatives)} shoppers ${positives < negatives ? (kind === 'churn' ? 'churned' : 'bought') : kind === 'churn' ? 'stayed' : 'did not buy'} in the ${opts.horizonDays}-day window (a trained model needs ${MIN_CLASS} of each)`;
  return { ok: false, reason, minShoppers: MIN_SHOPPERS, minPositives: MIN_CLASS, n, positives };
}
