import { z } from 'zod';
import { withApiKey } from '@/lib/api/with-api-key';
import { listProducts } from '@/lib/catalog/queries';
import { productToApi } from '@/lib/catalog/serialize';
import { parseOrThrow } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const query = z.object({
  limit: z.coerce.number().int().min(1, 'limit must be 1–200').max(200, 'limit must be 1–200').default(50),
  after: z.string().uuid('after must be a product id from a previous page').optional(),
});

/** GET /api/v1/products?limit=&after= — the catalog, keyset-paginated. */
export const GET = withApiKey('data:read', async (req, ctx, db) => {
  const q = parseOrThrow(query, Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listProducts(db, ctx, { limit: q.limit, after: q.after });
  const last = rows.at(-1);
  return Response.json({
    data: rows.map(productToApi),
    next: rows.length === q.limit && last ? last.id : null,
  });
});
