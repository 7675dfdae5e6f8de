import Link from 'next/link';
import { Table, Td, Th } from '@/components/ui/table';
import type { Market } from '@/lib/markets/service';
import { type MarketsQuery, marketsHref } from './links';
import { formatNumber, money, pct, percentile } from './present';

export const SORT_KEYS = ['market', 'shoppers', 'orders', 'revenue', 'conversion', 'aov', 'price'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const value: Record<SortKey, (m: Market) => number | string | null> = {
  market: (m) => m.label,
  shoppers: (m) => m.shoppers,
  orders: (m) => m.orders,
  revenue: (m) => m.revenueMinor,
  conversion: (m) => m.conversion,
  aov: (m) => m.aovMinor,
  price: (m) => m.pricePosition,
};

/** Markets sorted by a column; unknown values (null) always last. */
export function sortMarkets(markets: readonly Market[], sort: SortKey, dir: 'asc' | 'desc'): Market[] {
  const f = value[sort];
  return [...markets].sort((a, b) => {
    const x = f(a);
    const y = f(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    return (dir === 'asc' ? c : -c) || a.label.localeCompare(b.label);
  });
}

/**
 * The markets table. Column headers are links that sort (server-side, so they work without
 * script and keep the URL shareable); the sorted column carries aria-sort.
 */
export function MarketsTable({
  slug,
  markets,
  query,
  sort,
  dir,
  currency,
  locale,
}: {
  slug: string;
  markets: readonly Market[];
  query: MarketsQuery;
  sort: SortKey;
  dir: 'asc' | 'desc';
  currency: string;
  locale: string;
}) {
  const head = (key: SortKey, label: string, numeric = true) => {
    const active = sort === key;
    const next = active ? (dir === 'desc' ? 'asc' : 'desc') : key === 'market' ? 'asc' : 'desc';
    return (
      <Th
        className={numeric ? 'text-right' : ''}
        aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <Link
          href={marketsHref(slug, { ...query, sort: key, dir: next })}
          className="inline-flex items-center gap-1 hover:text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          {label}
          <span aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </Link>
      </Th>
    );
  };
  const num = (n: number) => formatNumber(n, locale);
  return (
    <Table caption="Markets" dense>
      <thead>
        <tr>
          {head('market', 'Market', false)}
          {head('shoppers', 'Shoppers')}
          {head('orders', 'Orders')}
          {head('revenue', `Revenue (${currency})`)}
          {head('conversion', 'Conversion')}
          {head('aov', 'Avg. order')}
          {head('price', 'Price position')}
          <Th>Top category</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sortMarkets(markets, sort, dir).map((m) => (
          <tr key={m.id}>
            <Td className="font-medium text-slate-900">
              <Link
                href={marketsHref(slug, { ...query, sort: undefined, dir: undefined }, m.id)}
                className="text-brand-700 underline"
              >
                {m.label}
              </Link>
            </Td>
            <Td className="text-right tabular-nums">{num(m.shoppers)}</Td>
            <Td className="text-right tabular-nums">{num(m.orders)}</Td>
            <Td className="text-right tabular-nums">
              {money(m.revenueMinor, currency, locale)}
              {m.unconvertedOrders > 0 ? (
                <span className="block text-xs text-amber-800">
                  + {num(m.unconvertedOrders)} in {m.unconvertedCurrencies.join(', ')} not converted
                </span>
              ) : null}
            </Td>
            <Td className="text-right tabular-nums">{pct(m.conversion, locale, 2)}</Td>
            <Td className="text-right tabular-nums">{money(m.aovMinor, currency, locale)}</Td>
            <Td className="text-right tabular-nums">{percentile(m.pricePosition)}</Td>
            <Td>{m.categories[0]?.name || (m.categories.length ? 'Uncategorised' : '—')}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
