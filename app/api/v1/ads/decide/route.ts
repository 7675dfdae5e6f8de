import { handleAdDecision } from '@/lib/ads/serve/handler';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/ads/decide — which banner creative an on-site ad slot shows (publishable or secret
 * key). The self-hosted server can answer this path on its fast path; this route serves the same
 * handler on Vercel and under `next dev`.
 */
export const GET = (req: Request) => handleAdDecision(req);
/** CORS preflight for storefronts. */
export const OPTIONS = (req: Request) => handleAdDecision(req);
