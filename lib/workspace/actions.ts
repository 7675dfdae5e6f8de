'use server';

import { redirect } from 'next/navigation';
import { type ActionResult, userAction, tenantAction } from '@/lib/actions/action';
import { updateWorkspaceSettings, createWorkspace } from './service';

const create = userAction((db, user, input, ip) =>
  db.transaction((tx) =>
    createWorkspace(tx, {
      name: String(input.name ?? ''),
      slug: typeof input.slug === 'string' ? input.slug : undefined,
      ownerUserId: user.id,
      ownerLabel: user.email,
      ip,
    }),
  ),
);

/** Creates a workspace owned by the signed-in user and opens it. */
export async function createWorkspaceAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ slug: string }>> {
  const result = await create(prev, formData);
  if (!result.ok) return result;
  redirect(`/${result.data.slug}`);
}

const update = tenantAction('settings.update', (db, ctx, input) => updateWorkspaceSettings(db, ctx, input));

/** Saves name, currency, locales and time zone (admins and owners). */
export async function updateSettingsAction(prev: unknown, formData: FormData) {
  const r = await update(prev, formData);
  return r.ok ? { ok: true as const, data: { name: r.data.name } } : r;
}
