import { readJson } from '@/lib/api/respond';
import { withApiKey } from '@/lib/api/with-api-key';
import { requestToApi } from '@/lib/privacy/requests/serialize';
import { createRequest } from '@/lib/privacy/requests/service';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/privacy/requests — files a data subject request (`kind`, `regulation`,
 * `identifierType`, `identifier`, optional `contact`, `note`, `changes` for a rectification).
 * 201 with the request; it starts as received and needs identity verification in the dashboard.
 */
export const POST = withApiKey('privacy:write', async (req, ctx, db) => {
  const body = await readJson(req, 64_000);
  const created = await createRequest(db, ctx, body, 'api');
  return Response.json({ data: requestToApi(created) }, { status: 201 });
});
