import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PlacementForm } from '@/components/placements/placement-form';
import { localeLabel, placementFormValues } from '@/components/placements/present';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getPlacement } from '@/lib/placements/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { listSegmentOptions } from '@/lib/segments/service';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Placement' };

/** Edits one placement; `[id]` is its id or its key. Another workspace's is simply not found. */
export default async function PlacementPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.write')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, placement] = await Promise.all([
    getTenant(db, ctx),
    getPlacement(db, ctx, decodeURIComponent(id)),
  ]);
  if (!tenant || !placement) notFound();
  const locales = [...new Set([tenant.locale, ...tenant.supportedLocales])];

  return (
    <>
      <PageHeader title={placement.name} description={`Key: ${placement.key}`} />
      <Card>
        <PlacementForm
          slug={ctx.slug}
          values={placementFormValues(placement, tenant.currency)}
          locales={locales.map((code) => ({ code, label: localeLabel(code) }))}
          currency={tenant.currency}
          segments={await listSegmentOptions(await getDb(), ctx)}
        />
      </Card>
    </>
  );
}
