import { withApiKey } from '@/lib/api/with-api-key';
import { getProduct } from '@/lib/catalog/queries';
import { productToApi } from '@/lib/catalog/serialize';
import { notFound } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** GET /api/v1/products/{id} — by Tailor id or the store's external id. */
export const GET = withApiKey<{ id: string }>('data:read', async (_req, ctx, db, { id }) => {
  const p = await getProduct(db, ctx, decodeURIComponent(id).slice(0, 200));
  if (!p) throw notFound('Product not found');
  return Response.json(productToApi(p));
});
