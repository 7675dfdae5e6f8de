/**
 * The `fairness.recommendations` job: measures recommendation exposure, popularity bias, quality by
 * segment and the mitigation's cost and gain (./service.ts) and stores a report. Weekly for
 * workspaces with data (the nightly training keeps a live model there), and on demand from the
 * Fairness page. Not resumable: a demo-sized workspace measures in seconds, so a retry starts over.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { JobError } from '@/lib/jobs/types';
import { trainableTenants } from '@/lib/recommend/train/trainable-tenants';
import { FAIRNESS_REPORT_JOB_TYPE, FAIRNESS_REPORT_SCHEDULE } from './constants';
import { REPORT_STEPS, runRecommendationFairness, stepLabel } from './service';

export { FAIRNESS_REPORT_DEDUPE_KEY, FAIRNESS_REPORT_JOB_TYPE } from './constants';

const payloadSchema = z.object({});
export type FairnessReportPayload = z.infer<typeof payloadSchema>;

/** A data problem (no model, too little data) fails at once with its message; others retry once. */
export const recommendationFairnessJob = defineJob<FairnessReportPayload>({
  type: FAIRNESS_REPORT_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 60 * 60_000,
  backoffMs: 30_000,
  schema: payloadSchema,
  run: async (ctx) => {
    const total = REPORT_STEPS.length;
    const row = await runRecommendationFairness(
      ctx.db,
      { tenantId: ctx.tenantId },
      {
        jobId: ctx.jobId,
        onStep: (step) => {
          ctx.throwIfCancelled();
          ctx.progress(REPORT_STEPS.indexOf(step), total, stepLabel(step));
        },
      },
    ).catch((error: unknown) => {
      if (error instanceof AppError) throw new JobError(error.message, { retryable: false, cause: error });
      throw error;
    });
    ctx.progress(total, total, 'Done');
    return { reportId: row.id, status: row.status };
  },
});

// Weekly, Sundays 05:00 UTC (slots align to the epoch, a Thursday: +3 days), after the nightly training.
scheduleJob(
  recommendationFairnessJob,
  { everyMinutes: 7 * 1440, offsetMinutes: 3 * 1440 + 300, name: FAIRNESS_REPORT_SCHEDULE },
  (tenant) => (trainableTenants.has(tenant.id) ? {} : null),
);
