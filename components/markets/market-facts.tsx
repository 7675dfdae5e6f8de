import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { Market } from '@/lib/markets/service';
import { formatNumber, money, pct, percentile } from './present';

/** A market's headline figures, price sensitivity and categories. */
export function MarketFacts({
  market: m,
  currency,
  locale,
}: {
  market: Market;
  currency: string;
  locale: string;
}) {
  const num = (n: number) => formatNumber(n, locale);
  const facts: [string, string][] = [
    ['Shoppers', num(m.shoppers)],
    ['Orders', num(m.orders)],
    [`Revenue (${currency})`, money(m.revenueMinor, currency, locale)],
    ['Conversion', pct(m.conversion, locale, 2)],
    ['Average order', money(m.aovMinor, currency, locale)],
    ['Sessions', num(m.sessions)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Figures" className="lg:col-span-1">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-slate-600">{k}</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        {m.unconvertedOrders > 0 ? (
          <p className="mt-3 text-xs text-amber-800">
            {num(m.unconvertedOrders)} orders in {m.unconvertedCurrencies.join(', ')} are not in the revenue
            (no rate).
          </p>
        ) : null}
      </Card>
      <Card
        title="Price sensitivity"
        description="Price position: the median price percentile, within its category, of what this market buys."
        className="lg:col-span-1"
      >
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-slate-600">Price position</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">
              {percentile(m.pricePosition)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Lines from the cheapest third</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">
              {pct(m.budgetShare, locale)}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-600">
          P50 and a third from the cheapest third mean no lean; lower means the market favours cheaper
          products.
        </p>
      </Card>
      <Card title="Top categories" description="Share of order-line revenue." className="lg:col-span-1">
        {m.categories.length === 0 ? (
          <p className="text-sm text-slate-600">No order lines in this period.</p>
        ) : (
          <Table caption="Top categories">
            <thead>
              <tr>
                <Th>Category</Th>
                <Th className="text-right">Share</Th>
                <Th className="text-right">Lines</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {m.categories.slice(0, 6).map((c) => (
                <tr key={c.name}>
                  <Td>{c.name || 'Uncategorised'}</Td>
                  <Td className="text-right tabular-nums">{pct(c.share, locale)}</Td>
                  <Td className="text-right tabular-nums">{num(c.lines)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
