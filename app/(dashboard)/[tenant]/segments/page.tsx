import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiscoverButton } from '@/components/segments/discover-button';
import { SegmentsTable } from '@/components/segments/segments-table';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listSegments } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Segments' };

export default async function SegmentsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const segments = await listSegments(await getDb(), ctx);
  const canWrite = hasPermission(ctx, 'data.write');
  const canRun = hasPermission(ctx, 'jobs.run');
  const newLink = canWrite ? (
    <Link href={`/${ctx.slug}/segments/new`} className={buttonClass('primary')}>
      New segment
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Segments"
        description="Named groups of shoppers: your own rules over profiles and predictions, the standard RFM classes, and clusters discovered from behaviour. Sizes are live; the trend shows the daily snapshots."
        actions={
          segments.length > 0 ? (
            <div className="flex items-start gap-3">
              {canRun ? <DiscoverButton slug={ctx.slug} label="Rediscover" /> : null}
              {newLink}
            </div>
          ) : null
        }
      />
      <Card>
        {segments.length === 0 ? (
          <EmptyState
            title="No segments yet"
            action={
              canWrite || canRun ? (
                <div className="flex flex-wrap items-start justify-center gap-3">
                  {newLink}
                  {canRun ? <DiscoverButton slug={ctx.slug} /> : null}
                </div>
              ) : null
            }
          >
            {canWrite
              ? 'Build a segment from rules — for example churn risk above 0.6 and country in DE, AT — or let Tailor create the RFM segments (champions, loyal, at risk …) and discover clusters from your shoppers’ profiles.'
              : 'Ask an owner, admin or marketer of this workspace to create segments.'}
          </EmptyState>
        ) : (
          <SegmentsTable slug={ctx.slug} segments={segments} />
        )}
      </Card>
    </>
  );
}
