'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { rotateFieldKey } from './reencrypt-job';

const rotate = tenantAction('privacy.manage', async (db, ctx) => rotateFieldKey(db, ctx));

/**
 * Rotates the workspace's field data key and queues re-encryption. Fields: `tenant`.
 * Success: `{ ok: true, data: { version, jobId } }`.
 */
export async function rotateFieldKeyAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ version: number; jobId: string }>> {
  return rotate(prev, formData);
}
