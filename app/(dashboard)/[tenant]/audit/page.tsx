import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFilter } from '@/components/audit/audit-filter';
import { AuditTable } from '@/components/audit/audit-table';
import { actionLabel, detailPairs, parseAuditQuery, targetLabel } from '@/components/audit/present';
import { VerifyChain } from '@/components/audit/verify-chain';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listAudit } from '@/lib/audit/service';
import { getPageTenant } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

type SearchParams = Promise<{ action?: string | string[]; before?: string | string[] }>;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  // Members without audit.read get the same 404 as outsiders: the page does not reveal itself.
  if (!page || !hasPermission(page.ctx, 'audit.read')) notFound();
  const { ctx } = page;
  const { action, before } = parseAuditQuery(await searchParams);
  const db = await getDb();
  const [tenant, entries] = await Promise.all([
    getTenant(db, ctx),
    listAudit(db, ctx, { limit: PAGE_SIZE + 1, before, action }),
  ]);
  if (!tenant) notFound();
  const tz = tenant.timeZone;
  const rows = entries.slice(0, PAGE_SIZE);
  const olderThan = entries.length > PAGE_SIZE ? rows.at(-1)?.id : undefined;
  const basePath = `/${ctx.slug}/audit`;
  const query = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...(action ? { action } : {}), ...extra }).toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to members, keys and settings, who made it and from where. Entries cannot be edited or deleted, and each one carries the hash of the one before: “Verify chain” proves nothing was changed or removed."
        actions={<VerifyChain slug={ctx.slug} />}
      />
      <Card>
        <div className="mb-5">
          <AuditFilter basePath={basePath} action={action} />
        </div>
        {rows.length === 0 ? (
          <EmptyState title={before ? 'No older entries' : 'No entries'}>
            {action
              ? `Nothing recorded for “${actionLabel(action)}”${before ? ' before this point' : ''}.`
              : 'Changes made in this workspace will appear here.'}
          </EmptyState>
        ) : (
          <AuditTable
            timeZone={tz}
            rows={rows.map((e) => ({
              id: e.id,
              when: formatDateTime(e.createdAt, 'en', tz),
              iso: e.createdAt.toISOString(),
              who: e.actorLabel,
              action: actionLabel(e.action),
              target: targetLabel(e.targetType, e.details),
              details: detailPairs(e.details),
              ip: e.ip ?? '—',
            }))}
          />
        )}
        {before || olderThan ? (
          <nav
            aria-label="Audit log pages"
            className="mt-5 flex justify-between gap-3 border-t border-slate-100 pt-4"
          >
            {before ? (
              <Link href={query({})} className={buttonClass('secondary')}>
                <span aria-hidden="true">←</span> Newest
              </Link>
            ) : (
              <span />
            )}
            {olderThan ? (
              <Link href={query({ before: String(olderThan) })} className={buttonClass('secondary')}>
                Older <span aria-hidden="true">→</span>
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
