/**
 * Tenant-scoped SQL of model cards: the `card` column of `prediction_models`. Reading a card goes
 * through the model row (lib/predict/queries.ts getModelRow), so another tenant's id is not found.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { predictionModels } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ModelCardData } from './types';

type Tenant = Pick<TenantContext, 'tenantId'>;

/**
 * Stores the card of version `id` (null clears it). Returns false when the id is not a model of
 * this tenant. The card is JSON-normalised first (NaN → null), as jsonb would otherwise refuse it.
 */
export async function setModelCard(
  exec: Executor,
  ctx: Tenant,
  id: string,
  card: ModelCardData | null,
): Promise<boolean> {
  const json = card === null ? null : (JSON.parse(JSON.stringify(card)) as Record<string, unknown>);
  const rows = await exec
    .update(predictionModels)
    .set({ card: json })
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.id, id)))
    .returning({ id: predictionModels.id });
  return rows.length > 0;
}
