import { readJson } from '@/lib/api/respond';
import { withApiKey } from '@/lib/api/with-api-key';
import { recordConsentFromApi } from '@/lib/consent/service';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/consent — records a shopper's consent decisions (secret key, `privacy:write`).
 * Body: { customerId | anonymousId, consent: { analytics?, personalization?, advertising? },
 * policyVersion?, source? }. 200 with the shopper's consent after it; 404 for an unknown shopper.
 */
export const POST = withApiKey('privacy:write', async (req, ctx, db) => {
  const result = await recordConsentFromApi(db, ctx, await readJson(req, 10_000));
  return Response.json({ data: result });
});
