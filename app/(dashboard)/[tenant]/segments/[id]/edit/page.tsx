import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SegmentBuilder } from '@/components/segments/segment-builder';
import { SegmentLabelForm } from '@/components/segments/segment-label-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { segmentFieldInfos } from '@/lib/segments/fields';
import { getSegment } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit segment' };

export default async function EditSegmentPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.write')) notFound();
  const db = await getDb();
  const [tenant, segment] = await Promise.all([getTenant(db, page.ctx), getSegment(db, page.ctx, id)]);
  if (!tenant || !segment) notFound();
  const values = {
    id: segment.id,
    name: segment.name,
    description: segment.description ?? '',
    rules: segment.rules,
  };
  return (
    <>
      <PageHeader
        title={`Edit ${segment.name}`}
        description={
          segment.kind === 'rules'
            ? 'Change the conditions; the count updates as you edit.'
            : 'The rules of RFM and discovered segments come from discovery; you can rename them and describe them.'
        }
      />
      <Card>
        {segment.kind === 'rules' ? (
          <SegmentBuilder
            slug={page.ctx.slug}
            values={values}
            fields={segmentFieldInfos()}
            currency={tenant.currency}
          />
        ) : (
          <SegmentLabelForm slug={page.ctx.slug} values={values} />
        )}
      </Card>
    </>
  );
}
