/**
 * The two storefront ad endpoints as framework-agnostic Web handlers (mounted as Next route
 * handlers and, in the self-hosted server, on the fast path), behind the same key, CORS and rate
 * limit gate as recommendations (lib/api/storefront-gate.ts):
 *
 * - `GET /api/v1/ads/decide?placement=&visitor=&locale=&device=` → 200 `{ decision: AdDecision }`,
 *   or **204 No Content** when no live campaign has a creative for this request (unknown
 *   placement, campaign paused or out of its dates, nothing approved): the storefront renders
 *   nothing. A publishable key is personal only through `visitor=` (the browser's anonymous id);
 *   a secret key may name `shopper=` (customer id or anonymous id).
 * - `POST /api/v1/ads/feedback` `{ token, type: impression|click|conversion }` → 202
 *   `{ counted: boolean }` (false for a repeat of the same token and type). A forged or foreign
 *   token is 422, an expired one (24 h) 422, a malformed body 400/422, in the API error envelope.
 */
import { z } from 'zod';
import { type Db, getDbNow } from '@/db/client';
import { type ApiKeyCache, apiKeyCache } from '@/lib/api/key-cache';
import { errorResponse, readJson } from '@/lib/api/respond';
import { createStorefrontGate } from '@/lib/api/storefront-gate';
import type { AdDecision } from '@/lib/ads/types';
import { AppError } from '@/lib/errors';
import { TokenBucketLimiter, type TokenBucketOptions } from '@/lib/ratelimit/token-bucket';
import { getServedSettings, getShopper, getVisitor } from '@/lib/recommend/serve/lookups';
import { isSegmentMember } from '@/lib/segments/membership';
import { productUrl } from '@/lib/storefront/service';
import { parseOrThrow } from '@/lib/validation';
import { getAdServingState } from './cache';
import { decideAd } from './decide';
import { FEEDBACK_TYPES, feedbackSeen, recordFeedback } from './feedback';
import { type AdStatsBuffer, adStatsBuffer } from './stats-buffer';
import { signAdToken, verifyAdToken } from './token';

/** Requests per second: one decision and up to three feedback calls per ad slot and page view. */
export const AD_RATE_LIMITS = {
  perKey: { ratePerSecond: 2_000, burst: 4_000 },
  perClient: { ratePerSecond: 30, burst: 90 },
} as const satisfies Record<string, TokenBucketOptions>;

const id = z.string().trim().min(1).max(200);
const decideSchema = z.object({
  placement: z
    .string()
    .trim()
    .min(1, 'Name the ad placement.')
    .max(100)
    .regex(/^[\w.:-]+$/, 'Letters, digits, - _ . : only.'),
  visitor: id.optional(),
  shopper: id.optional(),
  locale: z
    .string()
    .trim()
    .max(35)
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'A language tag like de or de-CH.')
    .optional(),
  device: z.enum(['mobile', 'desktop', 'tablet']).optional(),
});
const feedbackSchema = z.object({ token: z.string().min(1).max(2_000), type: z.enum(FEEDBACK_TYPES) });

export interface AdHandlerOptions {
  keys?: ApiKeyCache;
  keyLimiter?: TokenBucketLimiter;
  clientLimiter?: TokenBucketLimiter;
  db?: () => Db | Promise<Db>;
  /** Where feedback is buffered (default: the process-wide buffer). */
  stats?: AdStatsBuffer;
  /**
   * Write feedback before answering (default true): right for serverless and Next's route, where
   * nothing runs after the response. The long-lived server's fast path passes false and relies on
   * the buffer's one-second flush plus flushAdStats() on shutdown.
   */
  writeThrough?: boolean;
  /** Uniform source for the bandits (tests pin it). */
  rng?: () => number;
  now?: () => number;
}

const g = globalThis as unknown as {
  __tailorAdLimiters?: { perKey: TokenBucketLimiter; perClient: TokenBucketLimiter };
};
function sharedLimiters() {
  g.__tailorAdLimiters ??= {
    perKey: new TokenBucketLimiter(AD_RATE_LIMITS.perKey),
    perClient: new TokenBucketLimiter(AD_RATE_LIMITS.perClient),
  };
  return g.__tailorAdLimiters;
}

function gateFor(method: 'GET' | 'POST', opts: AdHandlerOptions) {
  return createStorefrontGate({
    method,
    allowHeaders: method === 'GET' ? 'X-Tailor-Key' : 'Content-Type, X-Tailor-Key',
    permission: method === 'GET' ? 'data.read' : 'data.write',
    forbidden: method === 'GET' ? 'This key may not ask for ads.' : 'This key may not send ad feedback.',
    wrongMethod: method === 'GET' ? 'Use GET for ad decisions.' : 'Use POST for ad feedback.',
    keys: opts.keys ?? apiKeyCache,
    keyLimiter: opts.keyLimiter ?? sharedLimiters().perKey,
    clientLimiter: opts.clientLimiter ?? sharedLimiters().perClient,
    db: opts.db ?? getDbNow,
  });
}

/** Builds the decide handler (see the module comment). */
export function createAdDecisionHandler(opts: AdHandlerOptions = {}): (req: Request) => Promise<Response> {
  const gate = gateFor('GET', opts);
  const rng = opts.rng ?? Math.random;
  const now = opts.now ?? Date.now;
  return async (req) => {
    const url = new URL(req.url);
    const pass = await gate(req, url);
    if (pass instanceof Response) return pass;
    const { db, ctx, kind, cors } = pass;
    const { tenantId } = ctx;
    try {
      const q = parseOrThrow(decideSchema, Object.fromEntries(url.searchParams));
      const subject = kind === 'publishable' ? q.visitor : (q.shopper ?? q.visitor);
      const state = await getAdServingState(db, tenantId);
      const segmentOf = subject
        ? async (segmentIds: string[]) => {
            const who =
              kind === 'publishable'
                ? await getVisitor(db, tenantId, subject)
                : await getShopper(db, tenantId, subject);
            if (!who) return null;
            for (const s of segmentIds) if (await isSegmentMember(db, tenantId, s, who.id)) return s;
            return null;
          }
        : null;
      const at = now();
      const choice = await decideAd(state, {
        placement: q.placement,
        locale: q.locale ?? null,
        device: q.device ?? null,
        segmentOf,
        subject,
        now: at,
        rng,
      });
      const headers = new Headers(cors);
      headers.set('Cache-Control', 'no-store');
      if (!choice) return new Response(null, { status: 204, headers });
      const settings = await getServedSettings(db, tenantId);
      const p = choice.creative.product;
      const decision: AdDecision = {
        token: signAdToken({
          tenantId,
          campaignId: choice.campaign.id,
          creativeId: choice.creative.id,
          contextKey: choice.contextKey,
          issuedAt: at,
          ...(choice.experimentId ? { experimentId: choice.experimentId } : {}),
          ...(choice.x ? { x: choice.x, d: choice.d } : {}),
        }),
        creativeId: choice.creative.id,
        campaignId: choice.campaign.id,
        locale: choice.creative.locale,
        channel: 'banner',
        fields: choice.creative.fields,
        url: p ? productUrl(settings.productUrlTemplate, p) : null,
        imageUrl: p?.imageUrl ?? null,
        via: choice.via,
      };
      return Response.json({ decision }, { headers });
    } catch (error) {
      return errorResponse(error, tenantId, cors);
    }
  };
}

/** Builds the feedback handler (see the module comment). */
export function createAdFeedbackHandler(opts: AdHandlerOptions = {}): (req: Request) => Promise<Response> {
  const gate = gateFor('POST', opts);
  const stats = opts.stats ?? adStatsBuffer;
  const writeThrough = opts.writeThrough ?? true;
  const now = opts.now ?? Date.now;
  return async (req) => {
    const pass = await gate(req, new URL(req.url));
    if (pass instanceof Response) return pass;
    const { db, ctx, cors } = pass;
    try {
      // sendBeacon posts text/plain: the body is parsed as JSON whatever its content type says.
      const body = parseOrThrow(feedbackSchema, await readJson(req, 4_096));
      const token = verifyAdToken(body.token, now());
      if (typeof token === 'string' || token.tenantId !== ctx.tenantId) {
        const why =
          token === 'expired'
            ? 'The ad token has expired (tokens last 24 hours).'
            : 'The ad token is not valid.';
        throw new AppError('validation_failed', why, { token: [why] });
      }
      const counted = feedbackSeen.add(`${body.token.slice(-43)}|${body.type}`);
      if (counted) {
        recordFeedback(db, await getAdServingState(db, ctx.tenantId), stats, token, body.type);
        if (writeThrough) await stats.flush();
      }
      const headers = new Headers(cors);
      headers.set('Cache-Control', 'no-store');
      return Response.json({ counted }, { status: 202, headers });
    } catch (error) {
      return errorResponse(error, ctx.tenantId, cors);
    }
  };
}

/** GET /api/v1/ads/decide with the process-wide caches and limits. */
export const handleAdDecision: (req: Request) => Promise<Response> = createAdDecisionHandler();
/** POST /api/v1/ads/feedback, writing through (Next route handlers, serverless). */
export const handleAdFeedback: (req: Request) => Promise<Response> = createAdFeedbackHandler();
/** POST /api/v1/ads/feedback for the long-lived server's fast path: buffered, flushed every second. */
export const handleAdFeedbackBuffered: (req: Request) => Promise<Response> = createAdFeedbackHandler({
  writeThrough: false,
});
