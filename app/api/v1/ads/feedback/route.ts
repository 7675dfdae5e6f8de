import { handleAdFeedback } from '@/lib/ads/serve/handler';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/ads/feedback — an impression, click or conversion of a served ad, named by its
 * decision token. Written before answering here (serverless-safe); the self-hosted fast path uses
 * the buffered variant.
 */
export const POST = (req: Request) => handleAdFeedback(req);
/** CORS preflight for storefronts. */
export const OPTIONS = (req: Request) => handleAdFeedback(req);
