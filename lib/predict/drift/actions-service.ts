/**
 * What the dashboard's drift buttons do: "Check drift now" queues the job (jobs.run), "Dismiss
 * alert" acknowledges one measurement (settings.update). Both audited; another tenant's
 * measurement is not found.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden, notFound } from '@/lib/errors';
import { startDedupedJob } from '@/lib/jobs/start-deduped';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { PREDICT_DRIFT_DEDUPE_KEY, PREDICT_DRIFT_JOB_TYPE } from './constants';
import { acknowledgeDriftRow } from './queries';

/**
 * Queues `predict.drift`, or returns the check already queued or running.
 * @throws AppError forbidden without `jobs.run`.
 */
export function startDriftCheck(db: Db, ctx: TenantContext) {
  return startDedupedJob(db, ctx, {
    type: PREDICT_DRIFT_JOB_TYPE,
    dedupeKey: PREDICT_DRIFT_DEDUPE_KEY,
    load: () => import('./job'),
  });
}

const dismissInput = z.object({ id: z.string().uuid({ message: 'Choose a drift alert.' }) });

/**
 * Dismisses the alert of one measurement (input `{ id }`).
 * @throws AppError forbidden without `settings.update`, validation_failed, not_found.
 */
export async function dismissDriftAlert(db: Db, ctx: TenantContext, input: unknown): Promise<{ id: string }> {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  const { id } = parseOrThrow(dismissInput, input ?? {});
  if (!(await acknowledgeDriftRow(db, ctx, id))) throw notFound('Drift alert not found.');
  await recordAudit(db, ctx, { action: 'model_drift.acknowledged', targetType: 'model_drift', targetId: id });
  return { id };
}
