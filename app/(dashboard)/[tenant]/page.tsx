import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pickLocalized } from '@/components/catalog/present';
import { DriftAlert } from '@/components/model-cards/drift-alert';
import { KpiCard } from '@/components/overview/kpi-card';
import { partialDays } from '@/components/ui/partial-days';
import { BarChart } from '@/components/ui/bar-chart';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { getOverviewCached } from '@/lib/overview/service';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page) notFound();
  const db = await getDb();
  const tenant = await getTenant(db, page.ctx);
  if (!tenant) notFound();
  const { locale, currency, timeZone } = tenant;
  const o = await getOverviewCached(db, page.ctx, { timeZone, currency });
  const money = (m: number) => formatMoney(m, currency, locale);
  const num = (n: number) => formatNumber(n, locale);
  const partial = partialDays(o.days, o, locale, timeZone);
  const dayLabel = (d: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  const empty = o.catalog.products === 0 && o.orders.current === 0 && o.events.current === 0;
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Last ${o.windowDays} days, ${formatDate(o.from, locale, timeZone)} – ${formatDate(o.to, locale, timeZone)} (${timeZone}), in ${currency}. Figures refresh every minute.`}
      />
      <DriftAlert slug={slug} ctx={page.ctx} />
      {empty ? (
        <Card>
          <EmptyState title="No store data yet">
            This workspace has no products, orders or events yet. Once store data arrives, revenue, orders and
            shopper activity appear here; the demo workspace (<code>tailor demo</code>) shows a full shop.
            Meanwhile, create an{' '}
            <Link className="font-medium text-brand-700 underline" href={`/${slug}/api-keys`}>
              API key
            </Link>{' '}
            or invite your{' '}
            <Link className="font-medium text-brand-700 underline" href={`/${slug}/members`}>
              team
            </Link>
            .
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <KpiCard label="Revenue" kpi={o.revenue} value={money(o.revenue.current)} locale={locale} />
            <KpiCard label="Orders" kpi={o.orders} value={num(o.orders.current)} locale={locale} />
            <KpiCard
              label="Active shoppers"
              kpi={o.shoppers}
              value={num(o.shoppers.current)}
              locale={locale}
            />
            <KpiCard label="Events" kpi={o.events} value={num(o.events.current)} locale={locale} />
          </dl>
          <Card
            title="Daily revenue and orders"
            description={`Average order value ${o.averageOrderMinor === null ? '—' : money(o.averageOrderMinor)}.${o.otherCurrencyOrders ? ` ${num(o.otherCurrencyOrders)} paid orders in other currencies are not included in revenue.` : ''}`}
          >
            <BarChart
              label={`Revenue per day (${currency})`}
              data={o.days.map((d) => ({ label: d.day, value: d.revenueMinor, line: d.orders }))}
              formatValue={money}
              formatLabel={dayLabel}
              line={{ label: 'Orders', format: num }}
              partial={partial}
            />
          </Card>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Card
              title="Shopper activity"
              description="Behaviour events per day: views, carts, searches, purchases."
            >
              <BarChart
                label="Events per day"
                data={o.days.map((d) => ({ label: d.day, value: d.events }))}
                formatValue={num}
                formatLabel={dayLabel}
                height={140}
                partial={partial}
              />
            </Card>
            <Card
              title="Best sellers"
              description={`By revenue, last ${o.windowDays} days. Catalog: ${num(o.catalog.products)} products, ${num(o.catalog.shoppers)} shoppers.`}
            >
              {o.topProducts.length === 0 ? (
                <p className="text-sm text-slate-600">No paid orders in this period.</p>
              ) : (
                <Table caption="Best-selling products">
                  <thead>
                    <tr>
                      <Th>Product</Th>
                      <Th className="text-right">Units</Th>
                      <Th className="text-right">Revenue</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {o.topProducts.map((p) => (
                      <tr key={p.externalId}>
                        <Td className="max-w-[16rem] truncate">
                          {pickLocalized(p.titles, locale)?.text ?? p.title}
                          {/* Two products may share a title (variants): the store's id tells them apart. */}
                          <span className="block font-mono text-xs text-slate-500">{p.externalId}</span>
                        </Td>
                        <Td className="text-right tabular-nums">{num(p.units)}</Td>
                        <Td className="text-right tabular-nums">{money(p.revenueMinor)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
