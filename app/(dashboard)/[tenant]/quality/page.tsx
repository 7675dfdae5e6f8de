import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { type Gap, CompletenessTable } from '@/components/quality/completeness';
import { Freshness } from '@/components/quality/freshness';
import { QualityKpis } from '@/components/quality/kpis';
import { percent } from '@/components/quality/present';
import { RejectionsTable } from '@/components/quality/rejections';
import { SendEventsHelp } from '@/components/quality/send-events';
import { SourcesTable } from '@/components/quality/sources-table';
import { VolumeCharts } from '@/components/quality/volume-charts';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { getQualityReport } from '@/lib/quality/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Data quality' };

const DESCRIPTION =
  'What arrived from each source in the last 30 days (UTC), what was refused and why, and how complete your data is.';

export default async function QualityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const db = await getDb();
  const [tenant, r] = await Promise.all([getTenant(db, page.ctx), getQualityReport(db, page.ctx)]);
  if (!tenant) notFound();
  const { locale, timeZone } = tenant;
  const appUrl = getEnv().appUrl;
  const num = (n: number) => formatNumber(n, locale);
  const day = (d: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  const now = Date.now();
  const when = (d: Date | null) =>
    d ? `${formatRelative(d, now, locale)} (${formatDateTime(d, locale, timeZone)})` : 'never';

  if (!r.hasData) {
    return (
      <>
        <PageHeader title="Data quality" description={DESCRIPTION} />
        <Card>
          <EmptyState title="No data yet" action={<SendEventsHelp slug={slug} appUrl={appUrl} />}>
            Once products, customers or events arrive — from the events API, the storefront, a file import or
            a connected store — this page shows their volumes, freshness and gaps.
          </EmptyState>
        </Card>
      </>
    );
  }

  const gaps: Gap[] = [
    ...Object.entries(r.products.missing).map(([field, missing]) => ({
      data: 'Products',
      field,
      missing,
      total: r.products.total,
    })),
    ...Object.entries(r.customers.missing).map(([field, missing]) => ({
      data: 'Customers',
      field,
      missing,
      total: r.customers.total,
    })),
    { data: 'Events (30 days)', field: 'product', missing: r.events.withoutProduct, total: r.events.total },
  ];

  return (
    <>
      <PageHeader title="Data quality" description={DESCRIPTION} />
      <div className="space-y-6">
        <QualityKpis
          totals={r.totals}
          lastEvent={formatRelative(r.events.lastReceivedAt, now, locale)}
          days={r.days.length}
          format={num}
        />
        <Card
          title="Sources"
          description="Duplicates were already stored: they are counted, never stored twice."
        >
          {r.sources.length === 0 ? (
            <p className="text-sm text-slate-600">
              Nothing arrived through the events API, the storefront, a file import or a store connection in
              the last 30 days. (Data loaded another way, like the demo store, is not counted here.)
            </p>
          ) : (
            <SourcesTable sources={r.sources} format={num} formatDay={day} locale={locale} />
          )}
        </Card>
        {r.sources.length ? (
          <Card title="Volume per day" description="Accepted per UTC day; the line shows rejections.">
            <VolumeCharts sources={r.sources} now={r.now} format={num} formatDay={day} locale={locale} />
          </Card>
        ) : null}
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <Card title="Rejected, and why" description="The most frequent reasons, last 30 days.">
            <RejectionsTable reasons={r.topReasons} importReasons={r.importReasons} format={num} />
          </Card>
          <Card
            title="Missing fields"
            description="Gaps that recommendations and ads will lack, worst first."
          >
            <CompletenessTable gaps={gaps} format={num} locale={locale} />
          </Card>
        </div>
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <Card title="Freshness" description={`Last event received ${when(r.events.lastReceivedAt)}.`}>
            <Freshness imports={r.imports} connections={r.connections} when={when} format={num} />
          </Card>
          <Card title="Identity stitching" description="Anonymous visitors later recognised as a customer.">
            <p className="text-3xl font-semibold tracking-tight text-slate-900">
              {percent(r.stitching.rate, locale)}
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {num(r.stitching.linked)} of {num(r.stitching.anonymous)} anonymous ids are linked to a customer
              (they sent an event with both an anonymousId and a customerId).
            </p>
          </Card>
        </div>
        <Card title="Send more data">
          <SendEventsHelp slug={slug} appUrl={appUrl} />
        </Card>
      </div>
    </>
  );
}
