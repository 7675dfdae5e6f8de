import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SegmentBuilder } from '@/components/segments/segment-builder';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { segmentFieldInfos } from '@/lib/segments/fields';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New segment' };

export default async function NewSegmentPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.write')) notFound();
  const tenant = await getTenant(await getDb(), page.ctx);
  if (!tenant) notFound();
  return (
    <>
      <PageHeader
        title="New segment"
        description="Combine conditions over profile facts, behaviour and predictions. The count updates as you edit."
      />
      <Card>
        <SegmentBuilder
          slug={page.ctx.slug}
          values={{ name: '', description: '', rules: { match: 'all', conditions: [] } }}
          fields={segmentFieldInfos()}
          currency={tenant.currency}
        />
      </Card>
    </>
  );
}
