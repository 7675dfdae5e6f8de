import { withApiKey } from '@/lib/api/with-api-key';
import { notFound } from '@/lib/errors';
import { requestToApi } from '@/lib/privacy/requests/serialize';
import { getRequest } from '@/lib/privacy/requests/service';

export const dynamic = 'force-dynamic';

/** GET /api/v1/privacy/requests/{id} — status and result; another workspace's id is 404. */
export const GET = withApiKey<{ id: string }>('privacy:write', async (_req, ctx, db, { id }) => {
  const found = await getRequest(db, ctx, id);
  if (!found) throw notFound('Privacy request not found.');
  return Response.json({ data: requestToApi(found) });
});
