import { withApiKey } from '@/lib/api/with-api-key';
import { getShopperConsentByRef } from '@/lib/consent/service';
import { notFound } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/shoppers/{id}/consent — a shopper's consent per purpose and its history, by Tailor
 * id or the store's customer id (secret key, `data:read`). Another workspace's shopper is 404.
 */
export const GET = withApiKey<{ id: string }>('data:read', async (_req, ctx, db, { id }) => {
  const consent = await getShopperConsentByRef(db, ctx, decodeURIComponent(id).slice(0, 200));
  if (!consent) throw notFound('Shopper not found.');
  return Response.json({ data: consent });
});
