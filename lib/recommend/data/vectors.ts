/**
 * Product vectors for the content model, read from the workspace's embedding space with the most
 * vectors (one space only: vectors of two embedders are not comparable). Items that are not
 * products (`ext:` order lines) or have no vector yet get null.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { productEmbeddings } from '@/db/schema';
import { slicesWithTurns } from '@/lib/compute/pages';
import { listSpaces } from '@/lib/embeddings/queries';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { EXTERNAL_ITEM_PREFIX } from './load';

/**
 * Products per statement: the driver parses each `real[]` in JS, and on the embedded database
 * that is the server's thread (the demo's 640 vectors of 384 dimensions took ~120 ms at once).
 */
const BATCH = 200;

/**
 * Vectors by item index, or null when the workspace has no embedded product at all. Read in
 * batches that give the event loop back in between.
 */
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
  for await (const slice of slicesWithTurns(ids, BATCH)) {
    const rows = await exec
      .select({ id: productEmbeddings.productId, vector: productEmbeddings.vector })
      .from(productEmbeddings)
      .where(
        and(
          tenantFilter(ctx, productEmbeddings),
          eq(productEmbeddings.space, space.space),
          inArray(productEmbeddings.productId, slice),
        ),
      );
    for (const r of rows) {
      out[index.get(r.id)!] = Float32Array.from(r.vector);
      found++;
    }
  }
  return found > 0 ? out : null;
}
