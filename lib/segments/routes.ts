/**
 * Route-handler glue of segments: the dashboard's session routes (live size of draft rules,
 * members CSV) and the REST API's (secret key). Another workspace's segment is not found.
 */
import { getDb } from '@/db/client';
import { sessionTenant } from '@/lib/api/session-route';
import { errorResponse, readJson } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { segmentCsvResponse } from './csv-response';
import { countSegment } from './service';

/** The signed-in member of the workspace in the URL, with a permission; cross-site writes refused. */

/**
 * `POST /<slug>/segments/count` with `{ rules }`: the live size `{ size }` of draft rules (the
 * builder's preview; a route rather than an action so no page is revalidated per keystroke).
 * 422 with the condition at fault for invalid rules.
 */
export async function handleCountRoute(req: Request, slug: string): Promise<Response> {
  try {
    const ctx = await sessionTenant(req, slug, 'data.read');
    const body = (await readJson(req, 100_000)) as { rules?: unknown } | null;
    const size = await countSegment(await getDb(), ctx, body?.rules);
    return Response.json({ size }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `GET /<slug>/segments/<id>/members.csv`: the members as CSV, streamed. */
export async function handleCsvRoute(req: Request, slug: string, id: string): Promise<Response> {
  try {
    const ctx = await sessionTenant(req, slug, 'data.read');
    if (!id) throw notFound('Segment not found.');
    return await segmentCsvResponse(ctx, id);
  } catch (error) {
    return errorResponse(error);
  }
}
