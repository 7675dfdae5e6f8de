import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { type Db, getDb } from '@/db/client';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/service';
import { getSessionUser, requestIp } from '@/lib/auth/session';
import { AppError, type ErrorCode } from '@/lib/errors';
import { log } from '@/lib/log';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';

/** What every server action returns. */
export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export type ActionInput = FormData | Record<string, unknown>;

/** FormData → plain object; repeated keys become arrays, `$ACTION_*` framework fields are dropped. */
export function formToObject(input: ActionInput | undefined): Record<string, unknown> {
  if (!input) return {};
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of input.entries()) {
    if (k.startsWith('$ACTION')) continue;
    const value = typeof v === 'string' ? v : v.name;
    const prev = out[k];
    out[k] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Errors → the one result shape. Unknown errors are logged and reported generically. */
export function toFailure(error: unknown, tenantId?: string): Extract<ActionResult, { ok: false }> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  }
  // Next's redirect()/notFound() travel as thrown errors and must pass through.
  unstable_rethrow(error);
  log('error', 'action.failed', { tenantId, error });
  return { ok: false, code: 'internal', message: 'Something went wrong. Please try again.' };
}

/**
 * The action wrapper: session → tenant (from the `tenant` field) → permission → service.
 * The service parses its input with zod and throws AppErrors; both become typed results.
 */
export function tenantAction<T>(
  permission: Permission,
  run: (db: Db, ctx: TenantContext, input: Record<string, unknown>) => Promise<T>,
) {
  return async (_prev: unknown, raw?: ActionInput): Promise<ActionResult<T>> => {
    let tenantId: string | undefined;
    try {
      const input = formToObject(raw);
      const user = await getSessionUser();
      if (!user)
        return { ok: false, code: 'unauthenticated', message: 'Your session has ended. Sign in again.' };
      const slug = typeof input.tenant === 'string' ? input.tenant : '';
      const db = await getDb();
      const ctx = await requireTenant(db, {
        kind: 'session',
        slug,
        userId: user.id,
        email: user.email,
        ip: await requestIp(),
      });
      tenantId = ctx.tenantId;
      if (!hasPermission(ctx, permission))
        return { ok: false, code: 'forbidden', message: 'Your role does not allow this.' };
      const data = await run(db, ctx, input);
      revalidatePath(`/${ctx.slug}`, 'layout');
      return { ok: true, data };
    } catch (error) {
      return toFailure(error, tenantId);
    }
  };
}

/** For actions that act for a signed-in user outside one workspace (create workspace, accept invite). */
export function userAction<T>(
  run: (db: Db, user: SessionUser, input: Record<string, unknown>, ip: string) => Promise<T>,
) {
  return async (_prev: unknown, raw?: ActionInput): Promise<ActionResult<T>> => {
    try {
      const user = await getSessionUser();
      if (!user)
        return { ok: false, code: 'unauthenticated', message: 'Your session has ended. Sign in again.' };
      return { ok: true, data: await run(await getDb(), user, formToObject(raw), await requestIp()) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
