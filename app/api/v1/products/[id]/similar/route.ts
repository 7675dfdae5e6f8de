import { withApiKey } from '@/lib/api/with-api-key';
import { productIdParam, similarOptionsFromParams } from '@/lib/search/params';
import { similarResultToApi } from '@/lib/search/serialize';
import { similarProducts } from '@/lib/search/service';

export const dynamic = 'force-dynamic';

/** GET /api/v1/products/{id}/similar?k= — nearest products by Tailor id or the store's external id. */
export const GET = withApiKey<{ id: string }>('data:read', async (req, ctx, db, { id }) => {
  const opts = similarOptionsFromParams(new URL(req.url).searchParams);
  return Response.json(similarResultToApi(await similarProducts(db, ctx, productIdParam(id), opts)));
});
