import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MarketsControls } from '@/components/markets/controls';
import { MarketsDefinitions } from '@/components/markets/definitions';
import { MarketsTable, SORT_KEYS, type SortKey } from '@/components/markets/markets-table';
import { MarketsEmpty, MissingRates } from '@/components/markets/notices';
import { money, periodText } from '@/components/markets/present';
import { BarChart } from '@/components/ui/bar-chart';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getMarketsOverview } from '@/lib/markets/service';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Markets' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MarketsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Search>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const sp = await searchParams;
  const r = await getMarketsOverview(await getDb(), page.ctx, { by: sp.by, days: sp.days, end: sp.end });
  const sortParam = one(sp.sort);
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortParam ?? '')
    ? (sortParam as SortKey)
    : 'revenue';
  const dir = one(sp.dir) === 'asc' ? 'asc' : 'desc';
  const query = { by: r.by, days: r.period.days, end: one(sp.end) ? r.period.end : undefined };
  const { currency, locale } = r;

  return (
    <>
      <PageHeader
        title="Markets"
        description={`Shoppers, orders, revenue in ${currency} and conversion per ${r.by === 'country' ? 'country' : 'language'}, ${periodText(r.period.from, r.period.end, locale)} (UTC days).`}
        actions={<MarketsControls slug={slug} query={query} period={r.period} />}
      />
      {r.markets.length === 0 ? (
        <Card>
          <MarketsEmpty slug={slug} hasAnyData={r.period.latest !== null} />
        </Card>
      ) : (
        <div className="space-y-6">
          <MissingRates slug={slug} missing={r.missingRates} currency={currency} locale={locale} />
          <Card
            title="Revenue by market"
            description={`Paid orders, converted into ${currency} with your exchange rates.`}
          >
            <BarChart
              label={`Revenue in ${currency}`}
              labelHeader="Market"
              tickLabels="all"
              data={r.markets.slice(0, 24).map((m) => ({ label: m.id, value: m.revenueMinor }))}
              formatLabel={(id) => r.markets.find((m) => m.id === id)?.label ?? id}
              formatTick={(id) => id}
              formatValue={(v) => money(v, currency, locale)}
            />
          </Card>
          <Card
            title="All markets"
            description="Select a column header to sort; select a market for its detail."
          >
            <MarketsTable
              slug={slug}
              markets={r.markets}
              query={query}
              sort={sort}
              dir={dir}
              currency={currency}
              locale={locale}
            />
          </Card>
          <MarketsDefinitions by={r.by} />
        </div>
      )}
    </>
  );
}
