import { withApiKey } from '@/lib/api/with-api-key';
import { searchInputFromParams } from '@/lib/search/params';
import { searchResultToApi } from '@/lib/search/serialize';
import { searchProducts } from '@/lib/search/service';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/products/search?q=&k=&mode=&brand=&category=&minPrice=&maxPrice=&inStock= —
 * keyword, semantic or hybrid search over the catalog (prices in minor units).
 */
export const GET = withApiKey('data:read', async (req, ctx, db) => {
  const input = searchInputFromParams(new URL(req.url).searchParams);
  return Response.json(searchResultToApi(await searchProducts(db, ctx, input)));
});
