import { type SQL, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Executor, Tx } from '@/db/client';
import { type Permission, type Role, can } from '@/lib/auth/permissions';

/** Who is acting, in which workspace. Only `requireTenant()` creates one. */
export interface TenantContext {
  readonly tenantId: string;
  readonly slug: string;
  readonly role: Role;
  readonly userId?: string;
  readonly apiKeyId?: string;
  /** For the audit log: an email, or "API key sk_ab12…". */
  readonly actorLabel: string;
  readonly ip?: string;
  /** Set for API keys, whose permissions are narrower than their nominal role. */
  readonly permissions?: ReadonlySet<Permission>;
}

/** The tenant filter every query uses, in SELECT, UPDATE and DELETE alike. */
export function tenantFilter(ctx: Pick<TenantContext, 'tenantId'>, table: { tenantId: PgColumn }): SQL {
  return eq(table.tenantId, ctx.tenantId);
}

export function hasPermission(ctx: TenantContext, permission: Permission): boolean {
  if (ctx.permissions) return ctx.permissions.has(permission);
  return can(ctx.role, permission);
}

/**
 * Runs `fn` in a transaction with `app.tenant_id` set, so Postgres row-level security hides
 * every other tenant's rows even from a query that forgot its filter (the second wall).
 */
export async function withTenantTx<T>(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${ctx.tenantId}, true)`);
    return fn(tx as Tx);
  });
}

export type { Executor };
