import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { RunCleanupButton } from '@/components/jobs/job-actions';
import { JobStatusFilter, JobsTable } from '@/components/jobs/jobs-table';
import { presentJob } from '@/components/jobs/present';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { countActiveJobs, listJobs } from '@/lib/jobs/queries';
import { JOB_STATUSES, type JobStatus } from '@/lib/jobs/types';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Jobs' };

export default async function JobsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'jobs.read')) notFound();
  const { ctx } = page;
  const raw = (await searchParams).status;
  const status = (JOB_STATUSES as readonly string[]).includes(String(raw)) ? (raw as JobStatus) : null;
  const db = await getDb();
  const [tenant, rows, active] = await Promise.all([
    getTenant(db, ctx),
    listJobs(db, ctx, { status: status ?? undefined, limit: 100 }),
    countActiveJobs(db, ctx),
  ]);
  if (!tenant) notFound();
  const now = Date.now();
  const jobs = rows.map((j) => presentJob(j, { now, locale: tenant.locale, timeZone: tenant.timeZone }));
  const canRun = hasPermission(ctx, 'jobs.run');

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work in this workspace: imports, syncs, model training and scheduled housekeeping, with their progress."
        actions={canRun ? <RunCleanupButton slug={ctx.slug} /> : undefined}
      />
      <Card
        title="Recent jobs"
        description={`${active === 0 ? 'Nothing' : active === 1 ? 'One job' : `${active} jobs`} queued or running. The latest 100 jobs are shown.`}
        actions={<AutoRefresh active={active > 0} />}
      >
        <JobStatusFilter slug={ctx.slug} current={status} />
        <JobsTable
          slug={ctx.slug}
          jobs={jobs}
          filtered={status !== null}
          can={{ cancel: hasPermission(ctx, 'jobs.cancel'), retry: canRun }}
        />
      </Card>
    </>
  );
}
