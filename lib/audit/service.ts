import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

export interface AuditEntryInput {
  action: string; // e.g. 'member.role_changed'
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends one entry. Call inside the same transaction as the change it records. */
export async function recordAudit(exec: Executor, ctx: TenantContext, entry: AuditEntryInput): Promise<void> {
  await exec.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorUserId: ctx.userId ?? null,
    actorLabel: ctx.actorLabel,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: normalizeIp(ctx.ip),
  });
}

/** Newest first, `limit` rows, older than the `before` id (keyset pagination). */
export async function listAudit(
  exec: Executor,
  ctx: TenantContext,
  opts: { limit?: number; before?: number; action?: string } = {},
) {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const conds = [tenantFilter(ctx, auditLog)];
  if (opts.before) conds.push(lt(auditLog.id, opts.before));
  if (opts.action) conds.push(eq(auditLog.action, opts.action));
  return exec
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

function normalizeIp(ip: string | undefined): string | null {
  if (!ip) return null;
  const v = ip.trim().replace(/^::ffff:/, '');
  return /^[0-9a-fA-F:.]+$/.test(v) ? v : null;
}
