import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CampaignsTable } from '@/components/ads/campaigns-table';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listCampaigns } from '@/lib/ads/service';
import { getPageTenant } from '@/lib/auth/session';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Ad campaigns' };

export default async function AdsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const campaigns = await listCampaigns(await getDb(), ctx);
  const canWrite = hasPermission(ctx, 'ads.manage');
  const newLink = canWrite ? (
    <Link href={`/${ctx.slug}/ads/new`} className={buttonClass('primary')}>
      New campaign
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Ad campaigns"
        description="Ad copy written per segment and language for Google search, Meta, email and your own store. Every text is checked against your catalog and rules before you see it; only creatives you approve are exported or served."
        actions={
          <div className="flex items-start gap-3">
            <Link href={`/${ctx.slug}/ads/settings`} className={buttonClass('secondary')}>
              Ad settings
            </Link>
            {campaigns.length > 0 ? newLink : null}
          </div>
        }
      />
      <Card>
        {campaigns.length === 0 ? (
          <EmptyState title="Create your first campaign" action={newLink}>
            {canWrite
              ? 'Pick the segments to reach, the languages and the channels. Tailor then writes creatives for each segment and language from what those shoppers buy, checks every price, discount and product name against your catalog, and waits for your approval before anything is exported or shown on your store.'
              : 'Ask an owner, admin or marketer of this workspace to create a campaign.'}
          </EmptyState>
        ) : (
          <CampaignsTable slug={ctx.slug} campaigns={campaigns} />
        )}
      </Card>
    </>
  );
}
