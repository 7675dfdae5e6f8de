import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RequestsFilters } from '@/components/privacy/requests-filters';
import { RequestsTable } from '@/components/privacy/requests-table';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listFilterSchema } from '@/lib/privacy/requests/schemas';
import { listRequests } from '@/lib/privacy/requests/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Privacy requests' };

export default async function PrivacyRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ tenant: slug }, query] = await Promise.all([params, searchParams]);
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const parsed = listFilterSchema.safeParse({ status: query.status, kind: query.kind });
  const filter = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [tenant, requests] = await Promise.all([getTenant(db, ctx), listRequests(db, ctx, filter)]);
  if (!tenant) notFound();
  const canManage = hasPermission(ctx, 'privacy.manage');
  const overdue = requests.filter((r) => r.urgency === 'overdue').length;
  const filtered = Boolean(filter.status || filter.kind);
  const newLink = canManage ? (
    <Link href={`/${ctx.slug}/privacy/requests/new`} className={buttonClass('primary')}>
      New request
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Privacy requests"
        description="Access, erasure, rectification and opt-out requests from shoppers, filed here, through the API or by your store. Each must be answered within 30 days (GDPR, UK GDPR) or 45 days (CCPA)."
        actions={newLink}
      />
      {overdue > 0 ? (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          <Badge color="red">{overdue} overdue</Badge> {overdue === 1 ? 'A request is' : 'Requests are'} past
          the legal deadline: answer {overdue === 1 ? 'it' : 'them'} first.
        </p>
      ) : null}
      <Card>
        <RequestsFilters slug={ctx.slug} status={filter.status} kind={filter.kind} />
        {requests.length === 0 ? (
          <EmptyState
            title={filtered ? 'No requests match these filters' : 'No privacy requests yet'}
            action={filtered ? null : newLink}
          >
            {filtered
              ? 'Clear the filters to see every request.'
              : 'When a shopper asks for a copy of their data, its deletion, a correction or to stop its sale or sharing, file it here. Requests from your Shopify store’s privacy webhooks appear on their own.'}
          </EmptyState>
        ) : (
          <RequestsTable
            slug={ctx.slug}
            requests={requests}
            locale={tenant.locale}
            timeZone={tenant.timeZone}
          />
        )}
      </Card>
    </>
  );
}
