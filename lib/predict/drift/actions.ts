'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { dismissDriftAlert, startDriftCheck } from './actions-service';

export type CheckDriftResult = ActionResult<{ jobId: string; created: boolean; status: string }>;
export type DismissDriftResult = ActionResult<{ id: string }>;

const check = tenantAction('jobs.run', (db, ctx) => startDriftCheck(db, ctx));

/** "Check drift now": queues the drift job (or returns the active one). Form field: `tenant`. */
export async function checkDriftAction(prev: unknown, formData: FormData): Promise<CheckDriftResult> {
  return check(prev, formData);
}

const dismiss = tenantAction('settings.update', (db, ctx, input) => dismissDriftAlert(db, ctx, input));

/** "Dismiss alert": acknowledges one drift measurement. Form fields: `tenant`, `id`. */
export async function dismissDriftAction(prev: unknown, formData: FormData): Promise<DismissDriftResult> {
  return dismiss(prev, formData);
}
