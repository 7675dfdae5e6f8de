import { withApiKey } from '@/lib/api/with-api-key';
import { segmentToApi } from '@/lib/segments/serialize';
import { listSegments } from '@/lib/segments/service';

export const dynamic = 'force-dynamic';

/** GET /api/v1/segments — every segment of the workspace with its live size. */
export const GET = withApiKey('data:read', async (_req, ctx, db) => {
  const list = await listSegments(db, ctx);
  return Response.json({ data: list.map((s) => segmentToApi(s, s.size)) });
});
