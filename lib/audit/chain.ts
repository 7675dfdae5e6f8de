import { createHash } from 'node:crypto';
import { and, desc, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { auditVerifications } from '@/db/schema';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { recordAudit } from './service';

/** Rows fetched per keyset page: large enough to amortize round trips, small enough for memory. */
const PAGE = 10_000;

/** The outcome of one verification of a workspace's audit chain. */
export interface ChainVerification {
  ok: boolean;
  /** Entries checked (all of the workspace's entries when ok). */
  entries: number;
  /** The first entry that does not chain (as text: ids are bigint). */
  firstBadId?: string;
  /** Why the chain is broken, for people. */
  reason?: string;
  /** The last entry's hash ('' for an empty log): what an auditor can write down and compare later. */
  head: string;
  durationMs: number;
}

export interface VerifyOptions {
  /** Called after each page with the entries checked so far and the total at the start. */
  onProgress?: (done: number, total: number) => void;
}

interface ChainRow {
  id: string;
  prev_hash: string | null;
  hash: string | null;
  canon: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Walks the workspace's audit log in id order (= chain order, see 0011_privacy.sql) and checks
 * each entry: its `prev_hash` equals the previous entry's hash ('' for the first) and its `hash`
 * equals sha256(prev_hash + canonical text), recomputed here in JS from the canonical text the
 * database renders, so a row edited behind the trigger's back (details, actor, time) or a removed
 * entry is found. Also fails when the log holds fewer entries than at the last intact verification
 * (entries cut off the end leave no gap to see). Records the run in `audit_verifications` and as an
 * `audit.verified` entry (after the check, so the reported head is the verified one).
 * @throws AppError forbidden without audit.read.
 */
export async function verifyAuditChain(
  exec: Executor,
  ctx: TenantContext,
  opts: VerifyOptions = {},
): Promise<ChainVerification> {
  if (!hasPermission(ctx, 'audit.read')) throw forbidden('Your role does not allow reading the audit log.');
  const started = performance.now();
  const result = await walkChain(exec, ctx.tenantId, opts);
  if (result.ok) {
    const previous = await lastVerification(exec, ctx);
    if (previous?.ok && previous.entries > result.entries) {
      result.ok = false;
      result.reason = `The log holds ${result.entries} entries, fewer than the ${previous.entries} verified on ${previous.verifiedAt.toISOString()}: entries were removed from its end.`;
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const verification: ChainVerification = { ...result, durationMs };
  // The walk reads outside any transaction (a long one would hold the embedded database); the
  // two records of the run commit together.
  await exec.transaction(async (tx) => {
    await tx.insert(auditVerifications).values({
      tenantId: ctx.tenantId,
      entries: verification.entries,
      ok: verification.ok,
      firstBadId: verification.firstBadId ?? null,
      durationMs,
      actor: ctx.actorLabel,
    });
    await recordAudit(tx, ctx, {
      action: 'audit.verified',
      targetType: 'audit',
      details: {
        ok: verification.ok,
        entries: verification.entries,
        head: verification.head,
        ...(verification.firstBadId ? { firstBadId: verification.firstBadId } : {}),
      },
    });
  });
  return verification;
}

/** The chain check alone, without recording anything (the bench and the CLI's dry path use it). */
export async function walkChain(
  exec: Executor,
  tenantId: string,
  opts: VerifyOptions = {},
): Promise<Omit<ChainVerification, 'durationMs'>> {
  const [count] = rowsOf<{ n: number }>(
    await exec.execute(sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId}`),
  );
  const total = count?.n ?? 0;
  let prev = '';
  let entries = 0;
  let after = '0';
  for (;;) {
    const rows = rowsOf<ChainRow>(
      await exec.execute(sql`
        select a.id::text as id, a.prev_hash, a.hash, tailor_audit_canonical(a) as canon
        from audit_log a
        where a.tenant_id = ${tenantId} and a.id > ${after}::bigint
        order by a.id
        limit ${PAGE}`),
    );
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return broken(
          entries,
          row.id,
          prev,
          'Its link to the previous entry does not match: an entry before it was removed, inserted or reordered.',
        );
      }
      if (row.hash !== sha256(prev + row.canon)) {
        return broken(
          entries,
          row.id,
          prev,
          'Its content does not match its hash: the entry was changed after it was written.',
        );
      }
      prev = row.hash;
      entries += 1;
    }
    if (rows.length > 0) opts.onProgress?.(entries, Math.max(total, entries));
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  return { ok: true, entries, head: prev };
}

function broken(entries: number, id: string, head: string, reason: string) {
  return { ok: false, entries, firstBadId: id, reason: `Entry ${id}: ${reason}`, head };
}

/** The workspace's most recent verification, or null. */
export async function lastVerification(exec: Executor, ctx: Pick<TenantContext, 'tenantId'>) {
  const [row] = await exec
    .select()
    .from(auditVerifications)
    .where(and(tenantFilter(ctx, auditVerifications)))
    .orderBy(desc(auditVerifications.verifiedAt))
    .limit(1);
  return row ?? null;
}

/** The head hash recorded by the workspace's latest `audit.verified` entry, or null. */
export async function lastVerifiedHead(exec: Executor, ctx: Pick<TenantContext, 'tenantId'>) {
  const rows = rowsOf<{ head: string | null }>(
    await exec.execute(sql`
      select details->>'head' as head from audit_log
      where tenant_id = ${ctx.tenantId} and action = 'audit.verified'
      order by id desc limit 1`),
  );
  return rows[0]?.head ?? null;
}
