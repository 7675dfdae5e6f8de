import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteSegment } from '@/components/segments/delete-segment';
import { MembersTable } from '@/components/segments/members-table';
import { KIND_LABELS, describeRules } from '@/components/segments/present';
import { BarChart } from '@/components/ui/bar-chart';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatNumber } from '@/lib/format';
import { segmentFieldInfos } from '@/lib/segments/fields';
import { listSegmentMembers } from '@/lib/segments/members';
import { getSegmentSizes } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Segment' };

export default async function SegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const [{ tenant: slug, id }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, result, sizes] = await Promise.all([
    getTenant(db, ctx),
    listSegmentMembers(db, ctx, id, Number(pageParam ?? '1')),
    getSegmentSizes(db, ctx, id, 90),
  ]);
  if (!tenant || !result || !sizes) notFound();
  const { segment, members, total, excluded } = result;
  const fields = new Map(segmentFieldInfos().map((f) => [f.key, f]));
  const words = describeRules(segment.rules, fields, tenant.currency);
  const canWrite = hasPermission(ctx, 'data.write');
  const csv = `/${ctx.slug}/segments/${segment.id}/members.csv`;

  return (
    <>
      <PageHeader
        title={segment.name}
        description={
          <>
            <Badge color={segment.kind === 'rules' ? 'blue' : segment.kind === 'rfm' ? 'amber' : 'green'}>
              {KIND_LABELS[segment.kind]}
            </Badge>{' '}
            {/* The size counts every match (as the builder and the size history do); lists and
                exports then leave out those who denied advertising consent. */}
            <span data-testid="segment-size">{formatNumber(total + excluded)}</span>{' '}
            {total + excluded === 1 ? 'shopper' : 'shoppers'}
            {segment.description ? ` · ${segment.description}` : ''}
            {excluded > 0 ? (
              <span className="block text-sm text-slate-600" data-testid="segment-excluded">
                {formatNumber(excluded)} of them left out of the list and exports: they denied advertising
                consent.
              </span>
            ) : null}
          </>
        }
        actions={
          <div className="flex items-start gap-3">
            <a href={csv} download className={buttonClass('secondary')}>
              Download CSV
            </a>
            {canWrite ? (
              <Link href={`/${ctx.slug}/segments/${segment.id}/edit`} className={buttonClass('secondary')}>
                Edit
              </Link>
            ) : null}
            {canWrite ? <DeleteSegment slug={ctx.slug} id={segment.id} name={segment.name} /> : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Rules">
          {segment.valid ? (
            <>
              <p className="text-sm text-slate-700">{words.lead}</p>
              {words.lines.length > 0 ? (
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
                  {words.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p role="alert" className="text-sm text-amber-800">
              These rules name a field or value that no longer exists, so the segment is empty. Edit it to fix
              them.
            </p>
          )}
        </Card>
        <Card title="Size over time" description="Daily snapshots of the last 90 days.">
          {sizes.length >= 2 ? (
            <BarChart
              data={sizes.map((s) => ({ label: s.day, value: s.size }))}
              label="Shoppers in the segment"
              formatValue={(v) => formatNumber(v)}
              formatLabel={(d) => formatDate(d)}
              height={160}
            />
          ) : (
            <p className="text-sm text-slate-600">
              {sizes.length === 1
                ? `${formatNumber(sizes[0]?.size ?? 0)} shoppers on ${formatDate(sizes[0]?.day ?? new Date())}. A snapshot is taken every day, so the chart fills in over the coming days.`
                : 'A snapshot is taken every day; the chart fills in over the coming days.'}
            </p>
          )}
        </Card>
      </div>
      <Card
        title="Members"
        className="mt-6"
        description="Highest spend first. Open a shopper to see their profile."
      >
        {members.length === 0 ? (
          <EmptyState title="No shoppers match right now">
            Segments follow profiles and predictions as they change, so shoppers join when they match.
          </EmptyState>
        ) : (
          <MembersTable
            slug={ctx.slug}
            segmentId={segment.id}
            members={members}
            page={result.page}
            pages={result.pages}
            currency={tenant.currency}
          />
        )}
      </Card>
    </>
  );
}
