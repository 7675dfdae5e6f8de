/**
 * Why an item was recommended: the one data model shared by the preview page, the API
 * (`explain=1`), the CLI and the storefront line (issue 8). Items are dense indexes into
 * `Dataset.itemIds`, like everywhere in lib/recommend; the API maps them to product ids at the edge.
 *
 * `contribution` is the reason's share of the item's final score. When the score is a sum of parts
 * (the hybrid's weighted blend), the contributions of an item's reasons sum to 1; a bury rule has a
 * negative share (it took score away). A reason that explains without scoring (a pin) has 0.
 */

/** Item-kNN: the shopper's items that made this one score, with their similarity weights. */
export interface CollaborativeReason {
  kind: 'collaborative';
  neighbours: { item: number; weight: number }[];
  contribution: number;
}

/** Embedding similarity to a product the shopper interacted with (or the product on screen). */
export interface ContentReason {
  kind: 'content';
  similarTo: number;
  /** Cosine similarity, −1..1 (in practice 0..1). */
  similarity: number;
  contribution: number;
}

/** "Bought 3 times, usually every 41 days". */
export interface BuyAgainReason {
  kind: 'buy_again';
  count: number;
  medianIntervalDays: number;
  daysSinceLast: number;
  contribution: number;
}

export type PopularScope = 'global' | 'country' | 'category';

/** "Popular in Germany this week". `scopeValue` is a country (ISO code or name) or a category path. */
export interface PopularReason {
  kind: 'popular';
  scope: PopularScope;
  scopeValue?: string;
  /** The counting window; null for all-time or decayed popularity. */
  windowDays: number | null;
  contribution: number;
}

/** Rising interest: `growth` is recent rate ÷ previous rate (2 = doubled) over `windowDays`. */
export interface TrendingReason {
  kind: 'trending';
  windowDays: number;
  growth: number;
  contribution: number;
}

/** A product in the current visit; `position` 1 is the most recent event, 2 the one before … */
export interface SessionReason {
  kind: 'session';
  item: number;
  position: number;
  contribution: number;
}

/** Frequently bought together with an item on screen or in the cart. */
export interface BoughtTogetherReason {
  kind: 'bought_together';
  with: number;
  /** P(a,b) / (P(a)·P(b)); > 1 means more often together than chance. */
  lift: number;
  /** P(this | with), 0..1. */
  confidence: number;
  contribution: number;
}

/**
 * A placement rule that changed the item's score or place. `rule` is the condition as written
 * by the merchant ("brand = Acme"); `factor` > 1 boosted, < 1 buried; `pinned` placed it by hand.
 */
export interface RuleReason {
  kind: 'rule';
  rule: string;
  factor?: number;
  pinned?: boolean;
  /** 1-based slot of a pinned item. */
  position?: number;
  contribution: number;
}

/**
 * Exposure-aware re-ranking (issue 8 mitigation) moved the item into the list: `policy` says which
 * floor or calibration did it. It explains a place, not a score: contribution 0.
 */
export interface FairnessReason {
  kind: 'fairness';
  policy: 'new_items' | 'small_brands' | 'calibration';
  contribution: number;
}

export type Reason =
  | FairnessReason
  | CollaborativeReason
  | ContentReason
  | BuyAgainReason
  | PopularReason
  | TrendingReason
  | SessionReason
  | BoughtTogetherReason
  | RuleReason;

export type ReasonKind = Reason['kind'];

/** A reason before its share of the score is known (what a model emits). */
export type ReasonDraft = Reason extends infer R
  ? R extends Reason
    ? Omit<R, 'contribution'>
    : never
  : never;

/**
 * Attaches contributions to drafts from their additive parts of the score: `parts[i]` is what
 * reason i added (e.g. weight × normalised model score). Shares are part ÷ sum; when the parts sum
 * to 0 (nothing scored), the reasons share equally so the explanation still lists them.
 * @throws RangeError when the arrays differ in length.
 */
export function withContributions(drafts: readonly ReasonDraft[], parts: readonly number[]): Reason[] {
  if (drafts.length !== parts.length) throw new RangeError('One score part per reason is needed.');
  let total = 0;
  for (const p of parts) total += p;
  const even = drafts.length > 0 ? 1 / drafts.length : 0;
  return drafts.map((d, i) => ({ ...d, contribution: total !== 0 ? parts[i]! / total : even }) as Reason);
}

/** The reasons, strongest first (by absolute share), for the one-line storefront explanation. */
export function strongestFirst(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
