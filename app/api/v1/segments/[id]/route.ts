import { withApiKey } from '@/lib/api/with-api-key';
import { notFound } from '@/lib/errors';
import { segmentToApi } from '@/lib/segments/serialize';
import { countSegment, getSegment } from '@/lib/segments/service';

export const dynamic = 'force-dynamic';

/** GET /api/v1/segments/{id} — one segment with its live size; 404 for another workspace's id. */
export const GET = withApiKey<{ id: string }>('data:read', async (_req, ctx, db, { id }) => {
  const segment = await getSegment(db, ctx, id);
  if (!segment) throw notFound('Segment not found.');
  const size = segment.valid ? await countSegment(db, ctx, segment.rules) : null;
  return Response.json({ data: segmentToApi(segment, size) });
});
