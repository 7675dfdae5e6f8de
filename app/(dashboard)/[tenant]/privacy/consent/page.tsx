import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsentRateCharts } from '@/components/privacy/consent-charts';
import { MODE_LABELS } from '@/components/privacy/consent-present';
import { ConsentSourceTable, ConsentTotalsTable } from '@/components/privacy/consent-tables';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { consentPeriodSchema } from '@/lib/consent/schemas';
import { consentRates } from '@/lib/consent/service';
import { formatNumber } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Consent' };

const PERIODS = [7, 30, 90, 365];

export default async function ConsentPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const days = consentPeriodSchema.parse((await searchParams).days);
  const rates = await consentRates(await getDb(), ctx, { days });
  const base = `/${ctx.slug}/privacy/consent`;
  const decided = rates.bySource.length > 0;

  return (
    <>
      <PageHeader
        title="Consent"
        description="What shoppers agreed to, per purpose: analytics, personalization and advertising. Enforcement follows the latest decision of each shopper on every event, recommendation and export."
        actions={
          <nav aria-label="Period" className="flex gap-1">
            {PERIODS.map((d) => (
              <Link
                key={d}
                href={`${base}?days=${d}`}
                className={buttonClass(d === days ? 'primary' : 'secondary')}
                aria-current={d === days ? 'page' : undefined}
              >
                {d} days
              </Link>
            ))}
          </nav>
        }
      />
      <div className="space-y-6">
        <Card
          title="Workspace mode"
          actions={
            <Link href={`/${ctx.slug}/privacy/settings`} className={buttonClass('secondary')}>
              Privacy settings
            </Link>
          }
        >
          <p className="text-sm text-slate-700" data-testid="consent-mode">
            {MODE_LABELS[rates.mode]}. Undecided shoppers are treated as{' '}
            {rates.mode === 'opt_out' ? 'granted' : 'denied'}.
          </p>
        </Card>
        {!decided && rates.recorded === 0 ? (
          <EmptyState title="No consent decisions yet">
            Install the storefront snippet together with your consent banner (CMP), so each event carries the
            shopper’s choice, or send decisions from your server with{' '}
            <code className="font-mono text-xs">POST /api/v1/consent</code>.
          </EmptyState>
        ) : (
          <>
            <Card
              title="Consent rate over time"
              description={`Share of the decisions recorded each day that granted the purpose, last ${rates.days} days (${formatNumber(rates.recorded)} decisions).`}
            >
              <ConsentRateCharts series={rates.series} />
            </Card>
            <Card
              title="Current totals"
              description="Every shopper of the workspace by their latest decision."
            >
              <ConsentTotalsTable totals={rates.totals} mode={rates.mode} />
            </Card>
            <Card title="By source" description="Where the latest decisions came from.">
              <ConsentSourceTable rows={rates.bySource} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
