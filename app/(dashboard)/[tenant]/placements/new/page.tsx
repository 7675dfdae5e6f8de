import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PlacementForm } from '@/components/placements/placement-form';
import { localeLabel, placementFormValues } from '@/components/placements/present';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { listSegmentOptions } from '@/lib/segments/service';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New placement' };

export default async function NewPlacementPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.write')) notFound();
  const { ctx } = page;
  const tenant = await getTenant(await getDb(), ctx);
  if (!tenant) notFound();
  const locales = [...new Set([tenant.locale, ...tenant.supportedLocales])];

  return (
    <>
      <PageHeader
        title="New placement"
        description="A recommendation slot your storefront asks for by its key."
      />
      <Card>
        <PlacementForm
          slug={ctx.slug}
          values={placementFormValues(null, tenant.currency)}
          locales={locales.map((code) => ({ code, label: localeLabel(code) }))}
          currency={tenant.currency}
          segments={await listSegmentOptions(await getDb(), ctx)}
        />
      </Card>
    </>
  );
}
