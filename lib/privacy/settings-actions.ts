'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { recordAudit } from '@/lib/audit/service';
import { enqueueRetention } from './retention/job';
import { updatePrivacySettings } from './settings';
import type { PrivacySettings } from './settings-schemas';

const save = tenantAction('privacy.manage', (db, ctx, input) => updatePrivacySettings(db, ctx, input));

/**
 * Saves the privacy settings. Fields: `tenant`, `consentMode`, `unconsentedEvents`,
 * `policyVersion`, `rawEventsDays`, `inactiveShopperMonths`, `logsDays` (blank = keep forever).
 */
export async function updatePrivacySettingsAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<PrivacySettings>> {
  return save(prev, formData);
}

const runNow = tenantAction('privacy.manage', async (db, ctx) => {
  const r = await enqueueRetention(db, ctx, 'manual');
  if (r.created)
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: r.jobId,
      details: { type: 'privacy.retention' },
    });
  return r;
});

/** Queues a retention run now (or returns the one already queued or running). Fields: `tenant`. */
export async function runRetentionNowAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ jobId: string; created: boolean }>> {
  return runNow(prev, formData);
}
