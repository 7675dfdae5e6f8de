import { withApiKey } from '@/lib/api/with-api-key';
import { segmentCsvResponse } from '@/lib/segments/csv-response';

export const dynamic = 'force-dynamic';

/** GET /api/v1/segments/{id}/members.csv — the segment's members as CSV, streamed. */
export const GET = withApiKey<{ id: string }>('data:read', async (_req, ctx, _db, { id }) =>
  segmentCsvResponse(ctx, id),
);
