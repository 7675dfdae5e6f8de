import type { Db } from '@/db/client';
import type { PrivacyRegulation, PrivacyRequestKind, PrivacyRequestSource } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { completeRequest } from './process';
import type { IdentifierType } from './schemas';
import { fileRequest, type PrivacyRequestView, requireManage } from './service';
import { resolveSubject } from './subject';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a free-form shopper reference is: a Tailor shopper id (UUID), an email, or a store customer id. */
export function identifierTypeOf(value: string): IdentifierType {
  const v = value.trim();
  if (UUID.test(v)) return 'shopper_id';
  return v.includes('@') ? 'email' : 'external_id';
}

/**
 * A request handled by an operator in one go (the CLI): filed, verified by the operator who runs
 * it, processed and completed, all audited like any other request. Refuses a reference that
 * matches no shopper of the workspace before filing anything.
 * @throws AppError not_found (no such shopper), forbidden, conflict (erasure left references).
 */
export async function runOperatorRequest(
  db: Db,
  ctx: TenantContext,
  opts: {
    kind: PrivacyRequestKind;
    shopper: string;
    regulation?: PrivacyRegulation;
    source: PrivacyRequestSource;
  },
): Promise<PrivacyRequestView> {
  requireManage(ctx);
  const identifier = { type: identifierTypeOf(opts.shopper), value: opts.shopper.trim() };
  const found = await resolveSubject(db, ctx, [identifier]);
  if (!found.shopperId)
    throw new AppError(
      'not_found',
      `No shopper matches ${identifier.type.replace('_', ' ')} "${identifier.value}" in this workspace.`,
    );
  const row = await withTenantTx(db, ctx, (tx) =>
    fileRequest(tx, ctx, {
      kind: opts.kind,
      regulation: opts.regulation ?? 'gdpr',
      source: opts.source,
      identifiers: [identifier],
      verification: { method: 'cli_operator', note: 'Run by an operator from the command line.' },
    }),
  );
  return completeRequest(db, ctx, { id: row.id });
}
