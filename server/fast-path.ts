import type { IncomingMessage, ServerResponse } from 'node:http';
import { getEnv } from '@/lib/env';
import { eventCounterBuffer } from '@/lib/events/counters';
import { createEventsHandler } from '@/lib/events/handler';
import { MAX_BODY_BYTES } from '@/lib/events/schemas';
import { healthResponse } from '@/lib/health';
import { handleRecommendRequest } from '@/lib/recommend/handler';
import { baseSecurityHeaders, requestIsHttps } from '@/lib/security/headers';

/**
 * Hot endpoints served before Next's router (architecture.md, "Hot storefront endpoints"):
 * framework-agnostic handlers (Web Request → Response) that are also mounted as Next route
 * handlers, so Vercel deployments serve the same code.
 */
type FastHandler = (req: Request) => Promise<Response>;

interface FastRoute {
  handler: FastHandler;
  /** Largest body the handler accepts: reading stops one byte past it and the handler answers 413. */
  maxBody?: number;
}

// This process lives on, so daily counters are buffered and written every 250 ms instead of by
// every batch (see CounterBuffer); flushEventCounters() must run on shutdown, before the database
// closes.
const events: FastRoute = {
  handler: createEventsHandler({ counters: eventCounterBuffer }),
  maxBody: MAX_BODY_BYTES,
};

const ROUTES: Record<string, FastRoute> = {
  'GET /api/health': { handler: () => healthResponse() },
  'POST /api/v1/events': events,
  'OPTIONS /api/v1/events': events,
  // Models, catalogs and keys are cached in memory (lib/recommend/serve): no body, no ORM per request.
  'GET /api/v1/recommendations': { handler: handleRecommendRequest },
  'OPTIONS /api/v1/recommendations': { handler: handleRecommendRequest },
};

/** Returns true when the request was answered here. */
export async function tryFastPath(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  const route = ROUTES[`${req.method} ${path}`];
  if (!route) return false;
  const { request, truncated } = await toWebRequest(req, route.maxBody ?? Number.POSITIVE_INFINITY);
  const response = await route.handler(request);
  res.statusCode = response.status;
  // Next's proxy (proxy.ts) never sees these requests: add the same base security headers here.
  const https = requestIsHttps(new URL(request.url), request.headers, getEnv().TRUST_PROXY ?? false);
  for (const [k, v] of Object.entries(baseSecurityHeaders(https))) res.setHeader(k, v);
  for (const [k, v] of response.headers) res.setHeader(k, v);
  // The rest of an oversized body was never read: close rather than drain it.
  if (truncated) res.setHeader('Connection', 'close');
  res.end(Buffer.from(await response.arrayBuffer()));
  return true;
}

async function toWebRequest(
  req: IncomingMessage,
  maxBody: number,
): Promise<{ request: Request; truncated: boolean }> {
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const read = hasBody ? await readAtMost(req, maxBody) : undefined;
  return {
    request: new Request(url, { method: req.method, headers, body: read?.body }),
    truncated: read?.truncated ?? false,
  };
}

/**
 * Reads the body up to `max` + 1 bytes (enough for the handler to see it is too large). Past that
 * it stops listening without destroying the request: the socket must stay open for the answer.
 */
function readAtMost(
  req: IncomingMessage,
  max: number,
): Promise<{ body: ReturnType<typeof Buffer.concat>; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (truncated: boolean) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (truncated) req.pause();
      resolve({ body: Buffer.concat(chunks, Math.min(size, max + 1)), truncated });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > max) done(true);
    };
    const onEnd = () => done(false);
    const onError = (e: Error) => reject(e);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
