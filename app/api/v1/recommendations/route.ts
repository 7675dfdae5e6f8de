import { handleRecommendRequest } from '@/lib/recommend/handler';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/recommendations — secret or publishable key. The self-hosted server answers this
 * path on its fast path (server/fast-path.ts); this route serves the same handler on Vercel and
 * under `next dev`.
 */
export const GET = (req: Request) => handleRecommendRequest(req);
/** CORS preflight for storefronts. */
export const OPTIONS = (req: Request) => handleRecommendRequest(req);
