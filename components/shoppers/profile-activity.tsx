import Link from 'next/link';
import { pickLocalized } from '@/components/catalog/present';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import type { TimelineItem } from '@/lib/profiles/queries';
import type { InterestNeighbour } from '@/lib/profiles/service';
import { EVENT_LABELS } from './present';

/** The products nearest to the shopper's interest vector, linking to their product pages. */
export function InterestProducts({
  slug,
  items,
  interest,
  locale,
}: {
  slug: string;
  items: InterestNeighbour[];
  interest: { items: number; space: string | null } | null;
  locale: string;
}) {
  return (
    <Card
      title="Closest to their interests"
      description={
        interest
          ? `The products nearest to the weighted mean of the ${formatNumber(interest.items, locale)} products they bought or looked at, in the product-embedding space${interest.space ? ` (${interest.space})` : ''}.`
          : undefined
      }
    >
      {items.length === 0 ? (
        <EmptyState title="No interest vector yet">
          It appears once the shopper has viewed or bought products that have been embedded (Models page).
        </EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((p) => (
            <li key={p.productId} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span className="min-w-0">
                <Link
                  href={`/${slug}/products/${p.productId}`}
                  className="font-medium text-brand-700 underline"
                >
                  {pickLocalized(p.title, locale)?.text ?? p.productId}
                </Link>
                <span className="block text-xs text-slate-500">
                  {[p.category, p.brand].filter(Boolean).join(' · ')}
                </span>
              </span>
              <span className="shrink-0 text-right tabular-nums text-slate-700">
                {formatMoney(p.priceMinor, p.currency, locale)}
                <span className="block text-xs text-slate-500">similarity {p.score.toFixed(2)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function describeItem(item: TimelineItem, locale: string): string {
  if (item.kind === 'order') {
    const lines = item.lines ?? 0;
    return `Order ${item.orderNumber ?? ''} (${item.type}), ${formatNumber(lines, locale)} ${lines === 1 ? 'item' : 'items'}`;
  }
  return EVENT_LABELS[item.type] ?? item.type;
}

/** Events and orders, newest first, with previous/next page links (`tl` in the URL). */
export function ShopperTimeline({
  slug,
  shopperId,
  items,
  page,
  hasMore,
  locale,
  timeZone,
}: {
  slug: string;
  shopperId: string;
  items: TimelineItem[];
  page: number;
  hasMore: boolean;
  locale: string;
  timeZone: string;
}) {
  const href = (p: number) => `/${slug}/shoppers/${shopperId}${p > 1 ? `?tl=${p}` : ''}#timeline`;
  return (
    <Card
      title={<span id="timeline">Timeline</span>}
      description="Orders and behaviour events, newest first."
    >
      {items.length === 0 ? (
        <EmptyState title="Nothing yet">No orders or events for this shopper.</EmptyState>
      ) : (
        <div className="space-y-3">
          <Table caption="Shopper timeline">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>What</Th>
                <Th>Product or query</Th>
                <Th className="text-right">Amount</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item, i) => (
                <tr key={`${item.kind}-${item.at.toISOString()}-${i}`}>
                  <Td>{formatDateTime(item.at, locale, timeZone)}</Td>
                  <Td className={item.kind === 'order' ? 'font-medium text-slate-900' : ''}>
                    {describeItem(item, locale)}
                  </Td>
                  <Td className="whitespace-normal">
                    {item.productId ? (
                      <Link href={`/${slug}/products/${item.productId}`} className="text-brand-700 underline">
                        {pickLocalized(item.productTitle, locale)?.text ?? 'Product'}
                      </Link>
                    ) : item.query ? (
                      <q>{item.query}</q>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {item.totalMinor !== null && item.currency
                      ? formatMoney(item.totalMinor, item.currency, locale)
                      : ''}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Timeline pages" className="flex justify-end gap-2">
            {page > 1 ? (
              <Link href={href(page - 1)} className={buttonClass('secondary')}>
                Newer
              </Link>
            ) : null}
            {hasMore ? (
              <Link href={href(page + 1)} className={buttonClass('secondary')}>
                Older
              </Link>
            ) : null}
          </nav>
        </div>
      )}
    </Card>
  );
}
