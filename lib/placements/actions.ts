'use server';

import type { Db } from '@/db/client';
import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { placementFromFormOrThrow } from './form';
import {
  createPlacement,
  deletePlacement,
  ensureDefaultPlacements,
  setPlacementStatus,
  updatePlacement,
} from './service';

export type PlacementActionResult = ActionResult<{ id: string; key: string; name: string }>;
export type DefaultsActionResult = ActionResult<{ created: number }>;

/** The form's flat fields → the service's body; prices are typed in the workspace currency. */
async function fromForm(db: Db, ctx: TenantContext, input: Record<string, unknown>) {
  const tenant = await getTenant(db, ctx);
  if (!tenant) throw notFound('Workspace not found.');
  return placementFromFormOrThrow(input, tenant.currency);
}

const summary = (p: { id: string; key: string; name: string }) => ({ id: p.id, key: p.key, name: p.name });

const create = tenantAction('data.write', async (db, ctx, input) =>
  summary(await createPlacement(db, ctx, await fromForm(db, ctx, input))),
);

/**
 * Creates a placement from the placement form. Fields: `tenant`, `key`, `name`, `scenario`,
 * `count`, `titles.<locale>`, `rules.…` (dotted paths), `priceMin`/`priceMax` in major units.
 */
export async function createPlacementAction(
  prev: unknown,
  formData: FormData,
): Promise<PlacementActionResult> {
  return create(prev, formData);
}

const update = tenantAction('data.write', async (db, ctx, input) =>
  summary(await updatePlacement(db, ctx, String(input.id ?? ''), await fromForm(db, ctx, input))),
);

/** Saves the placement form over an existing placement. Fields: as create, plus `id`. */
export async function updatePlacementAction(
  prev: unknown,
  formData: FormData,
): Promise<PlacementActionResult> {
  return update(prev, formData);
}

const status = tenantAction('data.write', async (db, ctx, input) =>
  summary(await setPlacementStatus(db, ctx, { id: input.id, status: input.status })),
);

/** Pauses or resumes a placement. Fields: `tenant`, `id`, `status` (active | paused). */
export async function setPlacementStatusAction(
  prev: unknown,
  formData: FormData,
): Promise<PlacementActionResult> {
  return status(prev, formData);
}

const remove = tenantAction('data.write', async (db, ctx, input) =>
  summary(await deletePlacement(db, ctx, { id: input.id })),
);

/** Deletes a placement. Fields: `tenant`, `id`. */
export async function deletePlacementAction(
  prev: unknown,
  formData: FormData,
): Promise<PlacementActionResult> {
  return remove(prev, formData);
}

const defaults = tenantAction('data.write', async (db, ctx) => ({
  created: (await ensureDefaultPlacements(db, ctx)).length,
}));

/** Creates the starter placements the workspace does not have yet. Fields: `tenant`. */
export async function createDefaultPlacementsAction(
  prev: unknown,
  formData: FormData,
): Promise<DefaultsActionResult> {
  return defaults(prev, formData);
}
