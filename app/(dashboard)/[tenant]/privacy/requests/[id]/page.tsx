import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RequestActions } from '@/components/privacy/requests-actions';
import {
  IDENTIFIER_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  REGULATION_LABELS,
  SOURCE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  urgencyText,
} from '@/components/privacy/requests-present';
import { RequestProof } from '@/components/privacy/requests-proof';
import { RequestTimeline } from '@/components/privacy/requests-timeline';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format';
import { exportDownloads } from '@/lib/privacy/requests/export-links';
import { getRequest } from '@/lib/privacy/requests/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Privacy request' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function PrivacyRequestPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, r] = await Promise.all([getTenant(db, ctx), getRequest(db, ctx, id)]);
  if (!tenant || !r) notFound();
  const { locale, timeZone } = tenant;
  const canManage = hasPermission(ctx, 'privacy.manage');
  const u = urgencyText(r.urgency, r.daysLeft);
  const verification = r.verification as { method?: string; note?: string; by?: string } | null;
  const downloads = canManage ? exportDownloads(ctx.slug, r) : [];

  return (
    <>
      <PageHeader
        title={`${KIND_LABELS[r.kind]} request`}
        description={
          <>
            <Badge color={STATUS_COLORS[r.status]}>
              <span data-testid="request-status">{STATUS_LABELS[r.status]}</span>
            </Badge>{' '}
            {REGULATION_LABELS[r.regulation]} · due {formatDate(r.dueAt, locale, timeZone)}{' '}
            {r.urgency === 'overdue' || r.urgency === 'due_soon' ? (
              <Badge color={u.color}>{u.text}</Badge>
            ) : null}
          </>
        }
        actions={
          <Link href={`/${ctx.slug}/privacy/requests`} className="text-sm text-brand-700 hover:underline">
            All requests
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {canManage && r.status !== 'completed' && r.status !== 'rejected' ? (
            <Card
              title="Next step"
              description={
                r.status === 'received' ? 'Verify the requester’s identity before processing.' : undefined
              }
            >
              <RequestActions slug={ctx.slug} id={r.id} kind={r.kind} status={r.status} />
            </Card>
          ) : null}
          <Card
            title="Proof"
            description="What processing the request did, kept with the request for an auditor."
          >
            <RequestProof
              kind={r.kind}
              result={r.result}
              downloads={downloads}
              locale={locale}
              timeZone={timeZone}
            />
            {r.rejectedReason ? (
              <p className="mt-2 text-sm text-slate-700">Rejected: {r.rejectedReason}</p>
            ) : null}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="grid gap-3">
              <Fact label="Source">{SOURCE_LABELS[r.source]}</Fact>
              <Fact label="Identified by">
                {IDENTIFIER_LABELS[String(r.details.identifierType)] ?? '—'}
                {r.details.scope === 'shop' ? ' (whole store)' : ''}
              </Fact>
              <Fact label="Subject">
                {r.shopperId ? (
                  <Link
                    href={`/${ctx.slug}/shoppers/${r.shopperId}`}
                    className="text-brand-700 hover:underline"
                  >
                    Shopper profile
                  </Link>
                ) : r.status === 'completed' && r.kind === 'erasure' ? (
                  'Erased'
                ) : (
                  'No shopper found'
                )}
              </Fact>
              <Fact label="Contact">
                {r.contact ?? (r.hasContact ? 'Hidden (needs privacy management)' : '—')}
              </Fact>
              <Fact label="Received">{formatDateTime(r.createdAt, locale, timeZone)}</Fact>
              {verification?.method ? (
                <Fact label="Identity verification">
                  {METHOD_LABELS[verification.method] ?? verification.method}
                  {verification.note ? ` — ${verification.note}` : ''}
                </Fact>
              ) : null}
              {Array.isArray(r.details.changeFields) ? (
                <Fact label="Fields to correct">{(r.details.changeFields as string[]).join(', ')}</Fact>
              ) : null}
              {typeof r.details.note === 'string' ? <Fact label="Note">{r.details.note}</Fact> : null}
            </dl>
          </Card>
          <Card title="Timeline">
            <RequestTimeline history={r.history} locale={locale} timeZone={timeZone} />
          </Card>
        </div>
      </div>
    </>
  );
}
