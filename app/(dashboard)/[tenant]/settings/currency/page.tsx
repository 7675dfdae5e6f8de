import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RateForm } from '@/components/markets/rate-form';
import { RatesTable } from '@/components/markets/rates-table';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listCurrencyRates } from '@/lib/currency/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Exchange rates' };

export default async function CurrencyRatesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'workspace.read')) notFound();
  const db = await getDb();
  const [tenant, view] = await Promise.all([getTenant(db, page.ctx), listCurrencyRates(db, page.ctx)]);
  if (!tenant) notFound();
  const canEdit = hasPermission(page.ctx, 'settings.update');
  const { base } = view;

  return (
    <>
      <PageHeader
        title="Exchange rates"
        description={`What one unit of each currency is worth in ${base}, your workspace currency. Markets converts revenue with these rates; orders in a currency without one are counted but left out of revenue.`}
      />
      <div className="space-y-6">
        {view.missing.length > 0 ? (
          <p
            role="note"
            className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
          >
            Orders use {view.missing.join(', ')} without a rate.
          </p>
        ) : null}
        <Card
          title="Currencies in use"
          description="Seen in your orders and product prices, and any rate you have set."
        >
          {view.lines.length === 0 ? (
            <EmptyState title={`Everything is in ${base}`}>
              <p>No order or product uses another currency yet, so no rate is needed.</p>
            </EmptyState>
          ) : (
            <RatesTable slug={slug} base={base} lines={view.lines} canEdit={canEdit} locale={tenant.locale} />
          )}
        </Card>
        {canEdit ? (
          <Card
            title="Set a rate"
            description="Adds a currency or replaces its rate. Changes are recorded in the audit log."
          >
            <RateForm slug={slug} base={base} suggestions={view.lines.map((l) => l.currency)} />
          </Card>
        ) : (
          <p className="text-sm text-slate-600">Only owners and admins can change exchange rates.</p>
        )}
        <p className="text-sm">
          <Link href={`/${slug}/markets`} className="text-brand-700 underline">
            See revenue by market
          </Link>
        </p>
      </div>
    </>
  );
}
