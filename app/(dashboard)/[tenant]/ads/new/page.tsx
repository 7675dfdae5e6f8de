import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CampaignForm } from '@/components/ads/campaign-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listSegmentOptions } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'ads.manage')) notFound();
  const db = await getDb();
  const [tenant, segments] = await Promise.all([getTenant(db, page.ctx), listSegmentOptions(db, page.ctx)]);
  if (!tenant) notFound();
  return (
    <>
      <PageHeader
        title="New campaign"
        description="Who to reach, in which languages and channels. Creatives are generated on the next page."
      />
      <Card>
        <CampaignForm
          slug={page.ctx.slug}
          currency={tenant.currency}
          segments={segments.map((s) => ({ id: s.id, name: s.name }))}
          values={{
            name: '',
            objective: 'sales',
            segmentIds: [],
            locales: ['en'],
            channels: ['google-rsa'],
            budgetMinor: null,
            budgetSplit: { 'google-rsa': 1 },
            startsOn: null,
            endsOn: null,
            placementKey: null,
            optimization: {
              policy: 'thompson',
              reward: 'click',
              explorationFloor: 0.05,
              autoPause: true,
              alpha: 1,
            },
          }}
        />
      </Card>
    </>
  );
}
