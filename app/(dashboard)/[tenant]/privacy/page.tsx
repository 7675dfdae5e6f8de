import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OverviewConsent } from '@/components/privacy/overview-consent';
import { RecentRequestsTable } from '@/components/privacy/overview-requests';
import { OverviewTiles } from '@/components/privacy/overview-tiles';
import { RetentionStatusTable } from '@/components/privacy/settings-retention';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { dataMapByTable } from '@/lib/privacy/data-map';
import { getPrivacyOverview } from '@/lib/privacy/overview';
import { limitText } from '@/lib/privacy/retention/policy';
import { getPrivacySettings } from '@/lib/privacy/settings';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Privacy' };

export default async function PrivacyOverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, o, settings] = await Promise.all([
    getTenant(db, ctx),
    getPrivacyOverview(db, ctx),
    getPrivacySettings(db, ctx),
  ]);
  if (!tenant) notFound();
  const tz = tenant.timeZone;
  const now = o.generatedAt.getTime();
  const overdueRetention = o.retention.filter((s) => s.state === 'overdue').length;
  const activePolicies = o.retention.filter((s) => s.state !== 'off').length;
  const mapColumns = dataMapByTable(settings).flatMap((t) => t.columns);
  const protectedColumns = mapColumns.filter((c) => c.encrypted !== 'no').length;
  const v = o.lastVerification;
  const base = `/${ctx.slug}/privacy`;

  return (
    <>
      <PageHeader
        title="Privacy"
        description={
          <>
            Compliance at a glance: data subject requests and their deadlines, consent, retention, encryption
            and the audit trail. See the{' '}
            <Link href={`${base}/data-map`} className="text-brand-700 underline">
              data map
            </Link>{' '}
            for every field stored.
          </>
        }
        actions={
          <a href={`${base}/report`} className={buttonClass('primary')} download>
            Download compliance report
          </a>
        }
      />
      <div className="space-y-6">
        <OverviewTiles
          tiles={[
            {
              label: 'Open requests',
              value: formatNumber(o.requests.open),
              note: o.requests.overdue
                ? `${o.requests.overdue} overdue`
                : o.requests.dueSoon
                  ? `${o.requests.dueSoon} due within 7 days`
                  : 'none overdue',
              tone: o.requests.overdue ? 'bad' : o.requests.dueSoon ? 'warn' : 'ok',
            },
            {
              label: 'Retention',
              value: activePolicies === 0 ? 'Not set' : overdueRetention ? 'Overdue' : 'Compliant',
              note:
                activePolicies === 0
                  ? 'every period keeps forever'
                  : `${activePolicies} of 3 policies active${overdueRetention ? `, ${overdueRetention} overdue` : ''}`,
              tone: activePolicies === 0 ? 'warn' : overdueRetention ? 'bad' : 'ok',
            },
            {
              label: 'Encrypted shoppers',
              value:
                o.encryption.shoppersWithPii === 0
                  ? '—'
                  : `${Math.round((o.encryption.encrypted / o.encryption.shoppersWithPii) * 100)} %`,
              note:
                o.encryption.clearLegacy + o.encryption.staleVersion > 0
                  ? `${formatNumber(o.encryption.clearLegacy)} in clear, ${formatNumber(o.encryption.staleVersion)} on an older key`
                  : `all under key version ${o.encryption.currentVersion}`,
              tone: o.encryption.clearLegacy > 0 ? 'bad' : o.encryption.staleVersion > 0 ? 'warn' : 'ok',
            },
            {
              label: 'Data map',
              value: `${protectedColumns} of ${mapColumns.length}`,
              note: 'personal fields encrypted or stored as a keyed hash',
            },
            {
              label: 'Audit chain',
              value: v ? (v.ok ? 'Intact' : 'Broken') : 'Not verified',
              note: v
                ? `verified ${formatRelative(v.verifiedAt, now)} · ${formatNumber(v.entries)} entries`
                : 'verify it from the audit log',
              tone: v ? (v.ok ? 'ok' : 'bad') : 'warn',
            },
          ]}
        />
        <Card
          title="Data subject requests"
          description={`Access, erasure, rectification and opt-out requests. GDPR allows 30 days, CCPA 45. In the last 30 days: ${o.requests.completed30d} completed, ${o.requests.rejected30d} rejected.`}
          actions={
            <Link href={`${base}/requests`} className={buttonClass('secondary')}>
              All requests
            </Link>
          }
        >
          {o.recentRequests.length === 0 ? (
            <EmptyState title="No requests yet">
              Requests from the dashboard, the API and your store appear here.
            </EmptyState>
          ) : (
            <RecentRequestsTable
              basePath={`${base}/requests`}
              rows={o.recentRequests.map((r) => ({
                id: r.id,
                kind: r.kind,
                status: r.status,
                regulation: r.regulation,
                created: formatDate(r.createdAt, 'en', tz),
                due: formatDate(r.dueAt, 'en', tz),
                overdue: r.overdue,
                proof: r.proof,
              }))}
            />
          )}
        </Card>
        <OverviewConsent consent={o.consent} />
        <Card
          title="Retention"
          description={
            o.lastRetentionRun
              ? `Last run ${formatDateTime(o.lastRetentionRun.ranAt, 'en', tz)} (${o.lastRetentionRun.trigger}).`
              : 'No retention run yet.'
          }
          actions={
            <Link href={`${base}/settings`} className={buttonClass('secondary')}>
              Retention settings
            </Link>
          }
        >
          <RetentionStatusTable
            rows={o.retention.map((s) => ({
              label: s.label,
              limit: limitText(s),
              oldest: s.oldest ? formatDateTime(s.oldest, 'en', tz) : 'None',
              state: s.state,
            }))}
          />
        </Card>
        <Card
          title="Audit chain"
          actions={
            <Link href={`/${ctx.slug}/audit`} className={buttonClass('secondary')}>
              Audit log
            </Link>
          }
        >
          {v ? (
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-600">Last verification</dt>
                <dd className="font-medium text-slate-900">
                  {v.ok ? 'Intact' : `Broken at entry ${v.firstBadId ?? '(end of log)'}`} ·{' '}
                  {formatDateTime(v.verifiedAt, 'en', tz)} by {v.actor}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Entries · time</dt>
                <dd className="font-medium text-slate-900">
                  {formatNumber(v.entries)} · {formatNumber(v.durationMs)} ms
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-600">Head hash</dt>
                <dd className="break-all font-mono text-xs text-slate-900">{v.head ?? '—'}</dd>
              </div>
            </dl>
          ) : (
            <EmptyState title="Never verified">Use “Verify chain” on the audit log page.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
