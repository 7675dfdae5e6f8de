import type { Executor } from '@/db/client';
import { lookupHash, normalizeLookup, openPii, pseudonymOf, sealPii } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';
import { findShopperId } from './queries';
import type { IdentifierType } from './schemas';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** One way of naming the subject; a request may carry several (a store sends id and email). */
export interface SubjectIdentifier {
  type: IdentifierType;
  value: string;
}

/** The normalized form hashed and looked up: emails trimmed and lower-cased, ids trimmed. */
export function normalizeIdentifier(id: SubjectIdentifier): string {
  const v = id.value.trim();
  return id.type === 'email' ? normalizeLookup(v) : v;
}

/**
 * Finds the shopper the identifiers name, trying them in order. Returns the shopper id (null when
 * Tailor holds nothing about them, which is itself an answer to the request) and the keyed hash
 * of the first identifier: the request's lasting link to its subject, even after erasure.
 */
export async function resolveSubject(
  exec: Executor,
  ctx: Tenant,
  ids: readonly SubjectIdentifier[],
): Promise<{ shopperId: string | null; subjectHash: string }> {
  const first = ids[0];
  if (!first) throw new Error('resolveSubject needs at least one identifier');
  const subjectHash = await lookupHash(exec, ctx.tenantId, normalizeIdentifier(first));
  for (const id of ids) {
    const value = normalizeIdentifier(id);
    if (!value) continue;
    const shopperId =
      id.type === 'shopper_id'
        ? await findShopperId(exec, ctx, { id: value })
        : id.type === 'external_id'
          ? await findShopperId(exec, ctx, { externalId: value })
          : await findShopperId(exec, ctx, {
              emailHash: await lookupHash(exec, ctx.tenantId, value),
              email: value,
            });
    if (shopperId) return { shopperId, subjectHash };
  }
  return { shopperId: null, subjectHash };
}

/** How audit entries name a shopper: the keyed pseudonym, never the raw id. */
export async function subjectLabel(exec: Executor, ctx: Tenant, shopperId: string | null) {
  return shopperId ? { subject: await pseudonymOf(exec, ctx.tenantId, shopperId) } : {};
}

/** Seals a value (requester contact, rectification input) for storage in the request. */
export async function seal(exec: Executor, ctx: Tenant, value: string | undefined): Promise<string | null> {
  return value ? sealPii(exec, ctx.tenantId, value) : null;
}

export async function unseal(exec: Executor, ctx: Tenant, sealed: unknown): Promise<string | null> {
  return typeof sealed === 'string' ? openPii(exec, ctx.tenantId, sealed) : null;
}
