/**
 * Evaluates next-category preference on a later period: the model fitted as of `asOf` against the
 * store's category popularity as of `asOf`, on every shopper whose first categorised paid order in
 * [asOf, asOf + horizon) says what they bought next.
 */
import type { PreferenceFitOptions } from './index';
import type { PreferenceEvaluation, ShopperHistory } from '@/lib/predict/types';
import { epochOf } from '@/lib/predict/clv/summary';
import { fitPreference } from './model';
import { DAY_MS, nextCategory, popularityAt } from './signals';

interface Tally {
  hit1: number;
  hit3: number;
  nll: number;
}

function add(t: Tally, ranked: readonly { category: string; probability: number }[], truth: string): void {
  const rank = ranked.findIndex((r) => r.category === truth);
  if (rank === 0) t.hit1++;
  if (rank >= 0 && rank < 3) t.hit3++;
  t.nll -= Math.log(Math.max(rank >= 0 ? ranked[rank]!.probability : 0, 1e-15));
}

/** Hit rate @1 and @3 and log loss of the model and of popularity. Throws on an invalid asOf or horizon. */
export function evaluatePreference(
  histories: readonly ShopperHistory[],
  opts: PreferenceFitOptions,
): PreferenceEvaluation {
  const asOf = epochOf(opts.asOf);
  const model = fitPreference(histories, opts);
  const end = asOf + opts.horizonDays * DAY_MS;
  const pop = popularityAt(histories, asOf);
  const popRanked = pop.categories
    .map((category, i) => ({ category, probability: pop.popularity[i]! }))
    .sort((a, b) => b.probability - a.probability || (a.category < b.category ? -1 : 1));
  const m: Tally = { hit1: 0, hit3: 0, nll: 0 };
  const b: Tally = { hit1: 0, hit3: 0, nll: 0 };
  let n = 0;
  for (const h of histories) {
    const truth = nextCategory(h, asOf, end);
    if (truth === null) continue;
    n++;
    add(m, model.predict(h, asOf), truth);
    add(b, popRanked, truth);
  }
  const rate = (v: number): number => (n > 0 ? v / n : 0);
  return {
    kind: 'preference',
    method: model.method,
    asOf: new Date(asOf).toISOString(),
    horizonDays: opts.horizonDays,
    n,
    hitRateAt1: rate(m.hit1),
    hitRateAt3: rate(m.hit3),
    logLoss: rate(m.nll),
    baseline: {
      method: 'popularity',
      hitRateAt1: rate(b.hit1),
      hitRateAt3: rate(b.hit3),
      logLoss: rate(b.nll),
    },
  };
}
