import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { presentJob } from '@/components/jobs/present';
import { PrivacySettingsForm } from '@/components/privacy/settings-form';
import {
  RetentionJobProgress,
  RetentionRunsTable,
  RetentionStatusTable,
} from '@/components/privacy/settings-retention';
import { RunRetentionButton } from '@/components/privacy/settings-run-retention';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listJobs } from '@/lib/jobs/queries';
import { RETENTION_JOB_TYPE } from '@/lib/privacy/retention/job';
import { limitText, retentionStatus } from '@/lib/privacy/retention/policy';
import { listRetentionRuns } from '@/lib/privacy/retention/queries';
import { getPrivacySettings } from '@/lib/privacy/settings';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Privacy settings' };

export default async function PrivacySettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'privacy.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, settings, status, runs, [job]] = await Promise.all([
    getTenant(db, ctx),
    getPrivacySettings(db, ctx),
    retentionStatus(db, ctx),
    listRetentionRuns(db, ctx, 10),
    listJobs(db, ctx, { type: RETENTION_JOB_TYPE, limit: 1 }),
  ]);
  if (!tenant) notFound();
  const tz = tenant.timeZone;
  const canManage = hasPermission(ctx, 'privacy.manage');
  const now = Date.now();

  return (
    <>
      <PageHeader
        title="Privacy settings"
        description="How consent is enforced and how long personal data is kept. Retention runs daily; each run is recorded with what it removed."
      />
      <div className="space-y-6">
        <Card>
          <PrivacySettingsForm slug={ctx.slug} values={settings} canEdit={canManage} />
        </Card>
        <Card
          title="Retention"
          description="Each policy against the oldest data it governs. The audit log is append-only and hash-chained, so it is never purged: removing entries would break the chain that proves it is complete."
          actions={canManage ? <RunRetentionButton slug={ctx.slug} /> : null}
        >
          <div className="space-y-5">
            <RetentionJobProgress job={job ? presentJob(job, { now, timeZone: tz }) : null} />
            <RetentionStatusTable
              rows={status.map((s) => ({
                label: s.label,
                limit: limitText(s),
                oldest: s.oldest ? formatDateTime(s.oldest, 'en', tz) : 'None',
                state: s.state,
              }))}
            />
            <h3 className="text-sm font-semibold text-slate-900">Last runs</h3>
            {runs.length === 0 ? (
              <EmptyState title="No retention runs yet">
                Set a period above; the daily job (or “Run retention now”) then removes what is past it.
              </EmptyState>
            ) : (
              <RetentionRunsTable
                runs={runs.map((r) => ({
                  id: r.id,
                  when: formatDateTime(r.ranAt, 'en', tz),
                  trigger: r.trigger,
                  removed: Object.entries(r.removed).sort((a, b) => b[1] - a[1]),
                }))}
              />
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
