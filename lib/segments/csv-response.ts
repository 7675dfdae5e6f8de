/** The HTTP response of a segment's members CSV, shared by the dashboard route and the REST API. */
import { getDb } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { exportSegmentCsv, segmentCsvName } from './members';

/** A CSV download response for a segment of the context's workspace (404 otherwise). */
export async function segmentCsvResponse(ctx: TenantContext, id: string): Promise<Response> {
  const { segment, stream } = await exportSegmentCsv(await getDb(), ctx, id);
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${segmentCsvName(segment)}"`,
      'cache-control': 'no-store',
    },
  });
}
