/**
 * Product vectors for the content model, read from the workspace's embedding space with the most
 * vectors (one space only: vectors of two embedders are not comparable). Items that are not
 * products (`ext:` order lines) or have no vector yet get null.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { productEmbeddings } from '@/db/schema';
import { listSpaces } from '@/lib/embeddings/queries';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { EXTERNAL_ITEM_PREFIX } from './load';

/** Vectors by item index, or null when the workspace has no embedded product at all. */
export async function loadItemVectors(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  itemIds: readonly string[],
): Promise<(Float32Array | null)[] | null> {
  const space = (await listSpaces(exec, ctx)).find((s) => s.vectors > 0);
  if (!space) return null;
  const out = new Array<Float32Array | null>(itemIds.length).fill(null);
  const index = new Map(itemIds.map((id, j) => [id, j]));
  const ids = itemIds.filter((id) => !id.startsWith(EXTERNAL_ITEM_PREFIX));
  let found = 0;
  for (let from = 0; from < ids.length; from += 1000) {
    const rows = await exec
      .select({ id: productEmbeddings.productId, vector: productEmbeddings.vector })
      .from(productEmbeddings)
      .where(
        and(
          tenantFilter(ctx, productEmbeddings),
          eq(productEmbeddings.space, space.space),
          inArray(productEmbeddings.productId, ids.slice(from, from + 1000)),
        ),
      );
    for (const r of rows) {
      out[index.get(r.id)!] = Float32Array.from(r.vector);
      found++;
    }
  }
  return found > 0 ? out : null;
}
