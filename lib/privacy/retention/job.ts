/**
 * The retention job 'privacy.retention': daily for every workspace, and on demand from
 * Privacy → Settings or the CLI. Imported by lib/jobs/all.ts for registration.
 */
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { JobError } from '@/lib/jobs/types';
import type { TenantContext } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { type RetentionState, type RetentionTrigger, runRetention } from './service';

export const RETENTION_JOB_TYPE = 'privacy.retention';

const payloadSchema = z.object({ trigger: z.enum(['schedule', 'manual', 'cli']).default('schedule') });
type RetentionPayload = z.infer<typeof payloadSchema>;

/** The job acts as the workspace itself; its audit entries say which trigger started it. */
async function systemContext(db: Db, tenantId: string, trigger: RetentionTrigger): Promise<TenantContext> {
  const tenant = await getTenant(db, { tenantId });
  if (!tenant) throw new JobError('The workspace no longer exists.', { retryable: false });
  return { tenantId, slug: tenant.slug, role: 'owner', actorLabel: `Retention job (${trigger})` };
}

export const retentionJob = defineJob<RetentionPayload, RetentionState>({
  type: RETENTION_JOB_TYPE,
  maxAttempts: 3,
  timeoutMs: 2 * 60 * 60_000,
  schema: payloadSchema,
  run: async (job) => {
    const ctx = await systemContext(job.db, job.tenantId, job.payload.trigger);
    let batches = 0;
    const report = await runRetention(job.db, ctx, {
      trigger: job.payload.trigger,
      resume: job.checkpoint,
      onBatch: async (state, tx) => {
        job.throwIfCancelled();
        batches += 1;
        const removed = Object.values(state.removed).reduce((a, b) => a + b, 0);
        job.progress(state.phase, 5, `Phase ${state.phase + 1} of 5 · ${removed} rows removed so far`);
        // The checkpoint commits with the batch it covers, so a resumed run neither redoes nor
        // miscounts it (erasures commit on their own; the next listing skips erased shoppers).
        await job.saveCheckpoint(state, tx ?? undefined);
      },
    });
    job.progress(5, 5, 'Done');
    return { runId: report.run?.id ?? null, removed: report.removed, batches };
  },
});

// Daily at 03:30 UTC, after the nightly profile and segment work.
scheduleJob(retentionJob, { everyMinutes: 1440, offsetMinutes: 210 }, () => ({
  trigger: 'schedule' as const,
}));

/**
 * Queues a retention run for the workspace (at most one queued or running at a time); returns the
 * job id, and `created: false` when a run was already queued or running.
 */
export async function enqueueRetention(
  exec: Executor,
  tenant: Pick<TenantContext, 'tenantId'>,
  trigger: RetentionTrigger,
): Promise<{ jobId: string; created: boolean }> {
  const r = await enqueueJob(exec, tenant, retentionJob, { trigger }, { dedupeKey: RETENTION_JOB_TYPE });
  return { jobId: r.job.id, created: r.created };
}
