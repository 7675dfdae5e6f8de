/**
 * The `privacy.reencrypt` job (registered by importing this module from lib/jobs/all.ts):
 * re-seals a workspace's shoppers under the current field key, and backfills legacy clear
 * email/name into the encrypted columns. Also the data-key rotation that enqueues it.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { createFieldKeyVersion } from './keys';
import { REENCRYPT_BATCH, reencryptShoppers } from './reencrypt';

export const REENCRYPT_JOB_TYPE = 'privacy.reencrypt';

type Checkpoint = { afterId: string | null; done: number };

/** Resumable in batches of 1,000: each batch commits with its checkpoint (exactly once). */
export const reencryptJob = defineJob<Record<string, never>, Checkpoint>({
  type: REENCRYPT_JOB_TYPE,
  maxAttempts: 5,
  timeoutMs: 6 * 60 * 60_000,
  run: async (ctx) => {
    const r = await reencryptShoppers(ctx.db, ctx.tenantId, {
      resume: ctx.checkpoint ?? undefined,
      batchSize: REENCRYPT_BATCH,
      throwIfCancelled: () => ctx.throwIfCancelled(),
      onBatch: async (p, tx) => {
        ctx.progress(p.done, p.total, `Re-encrypted ${p.done} of ${p.total} shoppers (key v${p.version})`);
        await ctx.saveCheckpoint({ afterId: p.afterId, done: p.done }, tx);
      },
    });
    return { rows: r.rows, version: r.version, remaining: r.remaining };
  },
});

/**
 * Queues re-encryption for a workspace (at most one queued or running at a time; a running one
 * makes another pass when the key changed under it). Returns the job id.
 */
export async function enqueueReencrypt(
  exec: Executor,
  tenant: Pick<TenantContext, 'tenantId'>,
): Promise<{ jobId: string; created: boolean }> {
  const r = await enqueueJob(exec, tenant, REENCRYPT_JOB_TYPE, {}, { dedupeKey: REENCRYPT_JOB_TYPE });
  return { jobId: r.job.id, created: r.created };
}

/**
 * Rotates the workspace's field data key: a new `fields` version encrypts from now on (the old
 * one is retired but still decrypts), and the re-encryption job is queued. Audited as
 * `privacy.key_rotated`.
 * @throws AppError forbidden without privacy.manage.
 */
export async function rotateFieldKey(
  db: Db,
  ctx: TenantContext,
): Promise<{ version: number; jobId: string }> {
  if (!hasPermission(ctx, 'privacy.manage')) throw forbidden('Your role does not allow rotating data keys.');
  return db.transaction(async (tx) => {
    const version = await createFieldKeyVersion(tx, ctx.tenantId);
    const { jobId } = await enqueueReencrypt(tx, ctx);
    await recordAudit(tx, ctx, {
      action: 'privacy.key_rotated',
      targetType: 'data_key',
      targetId: `fields:${version}`,
      details: { purpose: 'fields', version, jobId },
    });
    return { version, jobId };
  });
}

/**
 * At start (after migrations): queues the backfill for every workspace that still has shoppers
 * with clear email/name. Safe to call on every start (deduplicated per workspace); returns how
 * many workspaces got a job.
 */
export async function enqueueEncryptionBackfillIfNeeded(db: Db): Promise<number> {
  const tenants = rowsOf<{ tenant_id: string }>(
    await db.execute(
      sql`select distinct tenant_id from shoppers where email is not null or name is not null`,
    ),
  );
  for (const t of tenants) await enqueueReencrypt(db, { tenantId: t.tenant_id });
  return tenants.length;
}
