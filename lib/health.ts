import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';

/** Liveness + database check, shared by the fast path and the Next route. */
export async function healthResponse(): Promise<Response> {
  try {
    const h = await getDbHandle();
    await h.db.execute(sql`select 1`);
    return Response.json(
      { status: 'ok', database: h.driver, pgvector: h.hasPgvector },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch {
    return Response.json(
      { status: 'error', database: 'unreachable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
