import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PerformanceEmpty } from '@/components/performance/empty';
import { Headline } from '@/components/performance/headline';
import { MetricsTable } from '@/components/performance/metrics-table';
import { PeriodNav } from '@/components/performance/period-nav';
import { pct } from '@/components/performance/present';
import { AttributionSettingsForm } from '@/components/performance/settings-form';
import { Trend } from '@/components/performance/trend';
import { UpliftPanel } from '@/components/performance/uplift';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { parsePeriod } from '@/lib/attribution/schemas';
import { getPerformanceReport } from '@/lib/attribution/service';
import { getPageTenant } from '@/lib/auth/session';
import { SCENARIOS, type ScenarioId } from '@/lib/recommend/scenarios';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Performance' };

const scenarioLabel = (s: string) => SCENARIOS[s as ScenarioId]?.label ?? s;

export default async function PerformancePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const days = parsePeriod((await searchParams).period);
  const db = await getDb();
  const [tenant, r] = await Promise.all([
    getTenant(db, page.ctx),
    getPerformanceReport(db, page.ctx, { days }),
  ]);
  if (!tenant) notFound();
  const { locale } = tenant;
  const settings = hasPermission(page.ctx, 'data.write') ? (
    <Card
      title="Attribution settings"
      description="How purchases are credited to widgets, and how much traffic measures the uplift."
    >
      <AttributionSettingsForm
        slug={slug}
        windowDays={r.attributionWindowDays}
        holdoutPercent={Math.round(r.holdoutShare * 1000) / 10}
      />
    </Card>
  ) : null;
  const header = (
    <PageHeader
      title="Performance"
      description="Widget views, clicks and the orders they led to (last click on the product, in your workspace currency), compared with a holdout that sees non-personal recommendations."
      actions={r.hasImpressions ? <PeriodNav slug={slug} current={days} /> : undefined}
    />
  );
  if (!r.hasImpressions) {
    return (
      <>
        {header}
        <div className="space-y-6">
          <Card>
            <PerformanceEmpty slug={slug} />
          </Card>
          {settings}
        </div>
      </>
    );
  }

  const other = r.total.total.otherCurrencyLines;
  return (
    <>
      {header}
      <div className="space-y-6">
        <Headline report={r} locale={locale} />
        <p className="text-sm text-slate-600">
          {pct(r.unidentifiedShare, locale)} of widget views had no consent to identify; their purchases
          cannot be attributed.
          {other > 0
            ? ` ${other} purchase ${other === 1 ? 'line' : 'lines'} in another currency than ${r.currency} were not converted and are not counted.`
            : ''}
        </p>
        <Card
          title="Personalized vs holdout"
          description={`${pct(r.holdoutShare, locale)} of shoppers see non-personal recommendations. Conversion rate = attributed orders ÷ widget views by identified shoppers.`}
        >
          <UpliftPanel report={r} locale={locale} />
        </Card>
        <Card title="Over time" description="Per UTC day, both arms together.">
          <Trend daily={r.daily} window={r} currency={r.currency} locale={locale} />
        </Card>
        <Card
          title="By placement"
          description="Add-to-cart rate is the share of clicks followed by an add to cart. Conversion and revenue per view count widget views by identified shoppers; an order counts once per placement that gets its last click."
        >
          <MetricsTable
            caption="Performance by placement"
            groups={r.placements}
            currency={r.currency}
            locale={locale}
            nameHeader="Placement"
            scenarioLabel={scenarioLabel}
          />
        </Card>
        <Card title="By scenario">
          <MetricsTable
            caption="Performance by scenario"
            groups={r.scenarios}
            currency={r.currency}
            locale={locale}
            nameHeader="Scenario"
          />
        </Card>
        {settings}
      </div>
    </>
  );
}
