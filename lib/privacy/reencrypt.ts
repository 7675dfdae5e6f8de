import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { type FieldCipher, getFieldCipher } from './pii';
import { sealShopperPii } from './pii-shoppers';

/**
 * Re-encryption of shoppers' personal fields: rows sealed under an older `fields` key version are
 * re-sealed under the current one, and legacy rows with clear email/name get them sealed (the
 * clear columns emptied). Works in keyset batches by shopper id, each in its own transaction
 * with the rows locked, so a concurrent sync cannot be overwritten with older values.
 */

/** Rows per batch (one transaction each). */
export const REENCRYPT_BATCH = 1000;

/** Rows still to do for `version`: clear legacy values, or sealed under another version. */
export function needsReencryptSql(version: number): SQL {
  return sql`(s.email is not null or s.name is not null
    or ((s.email_enc is not null or s.name_enc is not null)
        and (s.pii_key_version is null or s.pii_key_version <> ${version})))`;
}

/** How many of the workspace's shoppers still need re-encryption to `version`. */
export async function countPendingReencrypt(
  exec: Executor,
  tenantId: string,
  version: number,
): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await exec.execute(sql`select count(*)::int as n from shoppers s
      where s.tenant_id = ${tenantId} and ${needsReencryptSql(version)}`),
  );
  return Number(row?.n ?? 0);
}

interface PendingRow {
  id: string;
  email: string | null;
  name: string | null;
  email_enc: string | null;
  name_enc: string | null;
}

/**
 * Re-seals up to `limit` pending rows with ids after `afterId` (null: from the start), in the
 * caller's transaction. Returns how many rows it rewrote and the last id it looked at (null when
 * there were none).
 * @throws PiiDecryptError when a sealed value cannot be opened (its key version is gone).
 */
export async function reencryptBatch(
  tx: Executor,
  cipher: FieldCipher,
  afterId: string | null,
  limit = REENCRYPT_BATCH,
): Promise<{ rows: number; lastId: string | null }> {
  const after = afterId === null ? sql`true` : sql`s.id > ${afterId}::uuid`;
  const rows = rowsOf<PendingRow>(
    await tx.execute(sql`select s.id, s.email, s.name, s.email_enc, s.name_enc from shoppers s
      where s.tenant_id = ${cipher.tenantId} and ${after} and ${needsReencryptSql(cipher.version)}
      order by s.id limit ${limit} for update`),
  );
  if (rows.length === 0) return { rows: 0, lastId: null };
  const payload = rows.map((r) => {
    const email = r.email_enc === null ? r.email : cipher.open(r.email_enc);
    const name = r.name_enc === null ? r.name : cipher.open(r.name_enc);
    const s = sealShopperPii(cipher, email, name);
    return { id: r.id, h: s.emailHash, e: s.emailEnc, n: s.nameEnc, v: s.piiKeyVersion };
  });
  // updated_at is left alone: re-encryption changes how a value is stored, not the value. The id
  // range keeps the join on the primary key (json_to_recordset has no statistics: without it the
  // planner scans the whole table per batch).
  await tx.execute(sql`update shoppers s set email_hash = x.h, email_enc = x.e, name_enc = x.n,
      pii_key_version = x.v, email = null, name = null
    from json_to_recordset(${JSON.stringify(payload)}::json) as x(id uuid, h text, e text, n text, v integer)
    where s.tenant_id = ${cipher.tenantId} and s.id = x.id
      and s.id between ${rows[0]!.id}::uuid and ${rows[rows.length - 1]!.id}::uuid`);
  return { rows: rows.length, lastId: rows[rows.length - 1]!.id };
}

async function highestSealedVersion(exec: Executor, tenantId: string): Promise<number> {
  const [row] = rowsOf<{ v: number | null }>(
    await exec.execute(
      sql`select max(pii_key_version)::int as v from shoppers where tenant_id = ${tenantId}`,
    ),
  );
  return Number(row?.v ?? 0);
}

export interface ReencryptProgress {
  /** Rows re-sealed so far (this run, resumed checkpoint included). */
  done: number;
  /** Rows pending when the pass began, plus those done before it. */
  total: number;
  version: number;
  afterId: string | null;
}

export interface ReencryptOptions {
  /** Resume after this id with this many done (a job checkpoint). */
  resume?: { afterId: string | null; done: number };
  batchSize?: number;
  /** Called after each committed batch, with that batch's transaction (save a checkpoint in it). */
  onBatch?: (p: ReencryptProgress, tx: Executor) => Promise<void> | void;
  /** Checked between batches; throw to stop. */
  throwIfCancelled?: () => void;
}

/**
 * Re-encrypts every pending shopper of a workspace to the current `fields` version. Makes more
 * passes (at most 3) while rows remain — a rotation during the run, or rows written by a process
 * that had not seen the new key yet. Returns rows re-sealed and the version reached.
 */
export async function reencryptShoppers(
  db: Db,
  tenantId: string,
  options: ReencryptOptions = {},
): Promise<{ rows: number; version: number; remaining: number }> {
  let done = options.resume?.done ?? 0;
  let afterId = options.resume?.afterId ?? null;
  let version = 0;
  for (let pass = 0; pass < 3; pass++) {
    // Re-read the keys when rows name a version this process has not loaded (rotated elsewhere).
    const cipher = await getFieldCipher(db, tenantId, await highestSealedVersion(db, tenantId));
    version = cipher.version;
    const total = done + (await countPendingReencrypt(db, tenantId, version));
    for (;;) {
      options.throwIfCancelled?.();
      const batch = await db.transaction(async (tx) => {
        const b = await reencryptBatch(tx, cipher, afterId, options.batchSize);
        if (b.lastId !== null) {
          done += b.rows;
          afterId = b.lastId;
          await options.onBatch?.({ done, total, version, afterId }, tx);
        }
        return b;
      });
      if (batch.lastId === null) break;
    }
    afterId = null;
    const remaining = await countPendingReencrypt(db, tenantId, (await getFieldCipher(db, tenantId)).version);
    if (remaining === 0) return { rows: done, version, remaining };
  }
  return { rows: done, version, remaining: await countPendingReencrypt(db, tenantId, version) };
}
