import type { RecommendedItem } from '@/lib/recommend/service';
import { reasonShare } from './present';

/**
 * A shopper's recommendations for one placement, in order, each with its reasons and each
 * reason's share of the item's score (the shares of an item's scoring reasons add up to 100%).
 */
export function RecommendationReasons({
  items,
  label,
  formatPrice,
}: {
  items: readonly RecommendedItem[];
  /** Accessible name of the list, e.g. "Recommendations for home-for-you". */
  label: string;
  formatPrice: (minor: number, currency: string) => string;
}) {
  if (items.length === 0) {
    return (
      <p className="text-sm text-slate-600">This placement recommends nothing to this shopper right now.</p>
    );
  }
  return (
    <ol aria-label={label} className="divide-y divide-slate-100">
      {items.map((item, i) => (
        <li key={item.productId} className="py-3" data-product={item.externalId}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-sm font-medium text-slate-900">
              <span className="tabular-nums text-slate-500">{i + 1}.</span> {item.title}{' '}
              <span className="font-normal text-slate-500">({item.externalId})</span>
            </p>
            <p className="text-xs tabular-nums text-slate-600">
              {formatPrice(item.price.amountMinor, item.price.currency)} · score {item.score.toFixed(3)}
            </p>
          </div>
          {item.reasons && item.reasons.length > 0 ? (
            <ul aria-label={`Why ${item.title}`} className="mt-1.5 space-y-1">
              {item.reasons.map((r, k) => (
                <li
                  // Reasons of one kind can repeat (two content matches): the index keeps keys unique.
                  key={`${r.kind}-${k}`}
                  className="grid grid-cols-[1fr_5rem] items-center gap-3 text-xs"
                >
                  <span className="text-slate-700">{r.text}</span>
                  <span className="text-right tabular-nums text-slate-800">
                    {reasonShare(r.contribution)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-xs text-slate-500">No reason recorded for this item.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
