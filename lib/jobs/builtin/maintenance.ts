import { and, eq, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invitations, jobs } from '@/db/schema';
import type { Tx } from '@/db/client';
import { withTenantTx } from '@/lib/tenant/context';
import { defineJob } from '../registry';
import { scheduleJob } from '../schedule';

const payloadSchema = z.object({ retentionDays: z.number().int().min(1).max(3650).optional() });
type Payload = z.infer<typeof payloadSchema>;
interface Checkpoint extends Record<string, unknown> {
  step: number;
  invitations: number;
  jobs: number;
}

export const DEFAULT_RETENTION_DAYS = 30;

const STEPS: {
  label: string;
  key: 'invitations' | 'jobs';
  run: (tx: Tx, tenantId: string, jobId: string, cutoff: Date) => Promise<number>;
}[] = [
  {
    label: 'Removing expired and withdrawn invitations',
    key: 'invitations',
    // Pending invitations that expired, or were withdrawn, before the cutoff: their links are dead.
    run: async (tx, tenantId, _jobId, cutoff) => {
      const rows = await tx
        .delete(invitations)
        .where(
          and(
            eq(invitations.tenantId, tenantId),
            sql`${invitations.acceptedAt} is null`,
            or(
              lt(invitations.expiresAt, cutoff),
              and(isNotNull(invitations.revokedAt), lt(invitations.revokedAt, cutoff)),
            ),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length;
    },
  },
  {
    label: 'Removing old finished jobs',
    key: 'jobs',
    run: async (tx, tenantId, jobId, cutoff) => {
      const rows = await tx
        .delete(jobs)
        .where(
          and(
            eq(jobs.tenantId, tenantId),
            ne(jobs.id, jobId),
            inArray(jobs.status, ['succeeded', 'failed', 'cancelled']),
            lt(jobs.finishedAt, cutoff),
          ),
        )
        .returning({ id: jobs.id });
      return rows.length;
    },
  },
];

/**
 * Workspace housekeeping: deletes invitations that expired or were withdrawn, and finished jobs,
 * older than the retention period (default 30 days). Each step commits together with its
 * checkpoint, so a retried run continues after the last finished step. Runs daily at 03:00 UTC
 * for every workspace, and on demand from the Jobs page.
 */
export const workspaceCleanup = defineJob<Payload, Checkpoint>({
  type: 'maintenance.cleanup',
  maxAttempts: 3,
  timeoutMs: 10 * 60_000,
  schema: payloadSchema,
  run: async (ctx) => {
    const days = ctx.payload.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(Date.now() - days * 86_400_000);
    let cp: Checkpoint = ctx.checkpoint ?? { step: 0, invitations: 0, jobs: 0 };
    for (let i = cp.step; i < STEPS.length; i++) {
      const step = STEPS[i]!;
      ctx.throwIfCancelled();
      ctx.progress(i, STEPS.length, step.label);
      await withTenantTx(ctx.db, ctx, async (tx) => {
        const removed = await step.run(tx, ctx.tenantId, ctx.jobId, cutoff);
        const next: Checkpoint = { ...cp, step: i + 1, [step.key]: cp[step.key] + removed };
        await ctx.saveCheckpoint(next, tx);
        cp = next;
      });
    }
    ctx.progress(STEPS.length, STEPS.length, 'Done');
    return { retentionDays: days, invitationsRemoved: cp.invitations, jobsRemoved: cp.jobs };
  },
});

scheduleJob(workspaceCleanup, {
  everyMinutes: 24 * 60,
  offsetMinutes: 3 * 60,
  name: 'maintenance.cleanup.daily',
});
