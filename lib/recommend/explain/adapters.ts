import type { BuyAgainReason as BuyAgainModelReason } from '../models/buy-again';
import type { PairStats } from '../models/fbt';
import type { PopularityReason } from '../models/popularity';
import type { ReasonDraft } from './reasons';

/**
 * The models' own explanation records turned into Reason drafts, so the serving layer has one
 * place that knows both shapes. Contributions are attached afterwards (`withContributions`).
 */
export function fromBuyAgain(r: BuyAgainModelReason): ReasonDraft {
  return {
    kind: 'buy_again',
    count: r.count,
    medianIntervalDays: r.medianIntervalDays,
    daysSinceLast: r.daysSinceLast,
  };
}

export function fromPopularity(r: PopularityReason): ReasonDraft {
  return r.segment === 'global' || r.value === null
    ? { kind: 'popular', scope: 'global', windowDays: r.windowDays }
    : { kind: 'popular', scope: r.segment, scopeValue: r.value, windowDays: r.windowDays };
}

/** `withItem` is the item on screen or in the cart the pair was counted against. */
export function fromPairStats(withItem: number, s: PairStats): ReasonDraft {
  return { kind: 'bought_together', with: withItem, lift: s.lift, confidence: s.confidence };
}
