/**
 * `GET /api/v1/ping`: a liveness probe that never touches the database, and the reference a
 * benchmark compares fast-path endpoints with (this one goes through Next's router).
 */

// Not exported: a route file may export only route fields (Next checks it at build time).
const PING_BODY = { ok: true, service: 'tailor' } as const;

export const dynamic = 'force-dynamic';

/** Always 200 with `PING_BODY`; `no-store` so no proxy answers in the server's place. */
export function GET(): Response {
  return Response.json(PING_BODY, { headers: { 'Cache-Control': 'no-store' } });
}
