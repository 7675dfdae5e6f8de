'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { type ChainVerification, verifyAuditChain } from './chain';

const verify = tenantAction('audit.read', async (db, ctx) => verifyAuditChain(db, ctx));

/** Verifies the workspace's audit chain now (and records the run). Fields: `tenant`. */
export async function verifyAuditChainAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<ChainVerification>> {
  return verify(prev, formData);
}
