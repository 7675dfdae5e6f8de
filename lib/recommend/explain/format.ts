import { formatDecimal, phraseLocale, regionName } from './locale';
import { REASON_PHRASES } from './phrases';
import type { Reason } from './reasons';

/** How many neighbour names a collaborative line mentions before it gets too long for a widget. */
const MAX_NAMED_NEIGHBOURS = 2;

/**
 * One short sentence for a reason, in `locale` (en, de, fr, es; others fall back to English):
 * "Bought 3 times, usually every 41 days", "Similar to Linen shirt you viewed (0.82)",
 * "Popular in Germany this week", "Boosted by rule: brand = Acme ×1.5".
 * `names` maps an item index to the product title shown to the reader. Never throws on odd
 * input: an unknown locale or a malformed country code still yields a sentence.
 */
export function formatReason(reason: Reason, names: (item: number) => string, locale: string): string {
  const p = REASON_PHRASES[phraseLocale(locale)];
  const num = (n: number, digits = 2) => formatDecimal(n, locale, digits);
  switch (reason.kind) {
    case 'collaborative': {
      const top = [...reason.neighbours].sort((a, b) => b.weight - a.weight).slice(0, MAX_NAMED_NEIGHBOURS);
      return top.length > 0 ? p.likedBy(top.map((n) => names(n.item))) : p.likedBySimilarShoppers;
    }
    case 'content':
      return p.similarTo(names(reason.similarTo), num(reason.similarity));
    case 'buy_again':
      return p.boughtAgain(
        reason.count,
        num(reason.count, 0),
        num(Math.max(1, reason.medianIntervalDays), 0),
      );
    case 'popular': {
      const window = p.window(reason.windowDays, num(reason.windowDays ?? 0, 0));
      const value = reason.scope === 'global' ? null : (reason.scopeValue ?? null);
      const scope = value === null ? null : reason.scope === 'country' ? regionName(value, locale) : value;
      return p.popular(window, scope);
    }
    case 'trending':
      return p.trending(p.window(reason.windowDays, num(reason.windowDays, 0)), num(reason.growth, 1));
    case 'session':
      return p.justViewed(names(reason.item));
    case 'bought_together':
      return p.boughtWith(names(reason.with));
    case 'fairness':
      return p.fairness[reason.policy];
    case 'rule':
      if (reason.pinned) return p.pinned(num(reason.position ?? 1, 0));
      if (reason.factor !== undefined && reason.factor < 1) return p.buried(reason.rule, num(reason.factor));
      return p.boosted(reason.rule, num(reason.factor ?? 1));
  }
}
