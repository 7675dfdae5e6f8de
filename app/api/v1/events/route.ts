import { handleEventsRequest } from '@/lib/events/handler';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/events — behaviour events, secret or publishable key. The self-hosted server
 * answers this path on its fast path (server/fast-path.ts); this route serves the same handler
 * on Vercel and under `next dev`.
 */
export const POST = (req: Request) => handleEventsRequest(req);
/** CORS preflight for storefronts. */
export const OPTIONS = (req: Request) => handleEventsRequest(req);
