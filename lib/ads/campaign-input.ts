/**
 * A validated campaign input as it is stored, and the check that its segments and manual
 * products belong to the workspace (a foreign id is a field error, never a lookup in another tenant).
 */
import { and, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { listSegmentRows } from '@/lib/segments/queries';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { CampaignInput } from './schemas';

/** Segment id → name of the workspace's segments. */
export async function segmentNames(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
): Promise<Map<string, string>> {
  return new Map((await listSegmentRows(exec, ctx)).map((s) => [s.id, s.name]));
}

/** Segments and manual products must be the workspace's own; otherwise field errors. */
export async function checkReferences(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  data: CampaignInput,
): Promise<void> {
  const names = await segmentNames(exec, ctx);
  const errors: Record<string, string[]> = {};
  if (data.segmentIds.some((id) => !names.has(id)))
    errors.segmentIds = ['A chosen segment no longer exists.'];
  if (data.productIds.length > 0) {
    const found = await exec
      .select({ id: products.id })
      .from(products)
      .where(and(tenantFilter(ctx, products), inArray(products.id, data.productIds)));
    if (found.length !== data.productIds.length)
      errors.productIds = ['A chosen product is not in the catalog.'];
  }
  if (Object.keys(errors).length > 0)
    throw new AppError('validation_failed', 'Check the highlighted fields.', errors);
}

/** The columns of a campaign input. */
export const stored = (d: CampaignInput) => ({
  name: d.name,
  objective: d.objective,
  segmentIds: d.segmentIds,
  productMode: d.productMode,
  productIds: d.productIds,
  locales: d.locales,
  channels: d.channels,
  budgetMinor: d.budgetMinor ?? null,
  currency: d.currency ?? null,
  budgetSplit: d.budgetSplit,
  startsOn: d.startsOn ?? null,
  endsOn: d.endsOn ?? null,
  placementKey: d.placementKey ?? null,
  optimization: d.optimization,
});
