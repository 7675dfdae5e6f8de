import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MarketsControls } from '@/components/markets/controls';
import { MarketFacts } from '@/components/markets/market-facts';
import { GapProducts } from '@/components/markets/gap-products';
import { marketsHref } from '@/components/markets/links';
import { MissingRates } from '@/components/markets/notices';
import { periodText } from '@/components/markets/present';
import { WeekHeatmap } from '@/components/markets/week-heatmap';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getMarketDetail } from '@/lib/markets/service';
import { MIN_LINES_TO_COMPARE } from '@/lib/markets/similarity';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Market' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MarketPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; market: string }>;
  searchParams: Promise<Search>;
}) {
  const { tenant: slug, market: raw } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const sp = await searchParams;
  const d = await getMarketDetail(await getDb(), page.ctx, decodeURIComponent(raw), {
    by: sp.by,
    days: sp.days,
    end: sp.end,
  });
  if (!d) notFound();
  const { overview: r, market: m, similar } = d;
  const query = { by: r.by, days: r.period.days, end: one(sp.end) ? r.period.end : undefined };
  const { locale, currency } = r;
  const zoneNote =
    r.by === 'country'
      ? "Local time is the main time zone of each order's or viewer's country"
      : "Local time is the main time zone of each shopper's country";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={marketsHref(slug, query)} className="text-brand-700 underline">
          ← All markets
        </Link>
      </p>
      <PageHeader
        title={m.label}
        description={`${r.by === 'country' ? 'Country' : 'Language'} market, ${periodText(r.period.from, r.period.end, locale)} (UTC days).`}
        actions={<MarketsControls slug={slug} query={query} period={r.period} market={m.id} />}
      />
      <div className="space-y-6">
        <MissingRates
          slug={slug}
          missing={r.missingRates.filter((x) => m.unconvertedCurrencies.includes(x.currency))}
          currency={currency}
          locale={locale}
        />
        <MarketFacts market={m} currency={currency} locale={locale} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Orders by local time" description={`${zoneNote} (your workspace zone when unknown).`}>
            <WeekHeatmap
              grid={d.orders}
              caption={`Paid orders in ${m.label} by weekday and local hour`}
              locale={locale}
            />
          </Card>
          <Card title="Browsing by local time" description="Product and page views, same local time.">
            <WeekHeatmap
              grid={d.views}
              caption={`Views in ${m.label} by weekday and local hour`}
              locale={locale}
            />
          </Card>
        </div>
        <Card
          title="Most similar market"
          description="By the mix of categories bought; the products below sell in one market and hardly in the other."
        >
          {similar ? (
            <div className="space-y-6">
              <p className="text-sm text-slate-700">
                <Link
                  href={marketsHref(slug, query, similar.market.id)}
                  className="font-medium text-brand-700 underline"
                >
                  {similar.market.label}
                </Link>{' '}
                — similarity {similar.similarity.toFixed(2)} (1 = the same mix).
              </p>
              <div className="grid gap-6 lg:grid-cols-2">
                <GapProducts
                  slug={slug}
                  items={similar.onlyHere}
                  here={m.label}
                  there={similar.market.label}
                  locale={locale}
                />
                <GapProducts
                  slug={slug}
                  items={similar.onlyThere}
                  here={similar.market.label}
                  there={m.label}
                  locale={locale}
                />
              </div>
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              Not enough orders to compare: a market needs at least {MIN_LINES_TO_COMPARE} order lines in the
              period, and another market with as many.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
