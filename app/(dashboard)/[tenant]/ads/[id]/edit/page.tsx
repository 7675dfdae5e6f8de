import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CampaignForm } from '@/components/ads/campaign-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getCampaign } from '@/lib/ads/service';
import { getPageTenant } from '@/lib/auth/session';
import { listSegmentOptions } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit campaign' };

export default async function EditCampaignPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'ads.manage')) notFound();
  const db = await getDb();
  const [tenant, segments, campaign] = await Promise.all([
    getTenant(db, page.ctx),
    listSegmentOptions(db, page.ctx),
    getCampaign(db, page.ctx, id),
  ]);
  if (!tenant || !campaign) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${campaign.name}`}
        description="Changes apply to the next generation run; creatives already written stay as they are."
      />
      <Card>
        <CampaignForm
          slug={page.ctx.slug}
          currency={campaign.currency ?? tenant.currency}
          segments={segments.map((s) => ({ id: s.id, name: s.name }))}
          values={campaign}
        />
      </Card>
    </>
  );
}
