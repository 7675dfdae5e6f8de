'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { createApiKey, revokeApiKey } from './service';

export type CreatedApiKey = {
  id: string;
  prefix: string;
  kind: string;
  name: string;
  scopes: string[];
  key: string;
};

const create = tenantAction('apikeys.create', (db, ctx, input) =>
  createApiKey(db, ctx, {
    kind: input.kind,
    name: input.name,
    allowedOrigins: input.allowedOrigins,
    // The form marks that it showed the checkboxes: then none ticked means none, not "all".
    scopes: input.scopes ?? (input.scopesShown ? [] : undefined),
  }),
);

/** Creates a key. The result holds the full key: show it once, never store or log it. */
export async function createApiKeyAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<CreatedApiKey>> {
  return create(prev, formData);
}

const revoke = tenantAction('apikeys.revoke', async (db, ctx, input) => {
  const row = await revokeApiKey(db, ctx, { id: input.id });
  return { id: row.id, name: row.name };
});

/** Revokes a key of this workspace; requests with it fail from then on. */
export async function revokeApiKeyAction(prev: unknown, formData: FormData) {
  return revoke(prev, formData);
}
