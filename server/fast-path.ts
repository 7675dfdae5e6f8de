import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { getEnv } from '@/lib/env';
import { eventCounterBuffer } from '@/lib/events/counters';
import { handleAdDecision, handleAdFeedbackBuffered } from '@/lib/ads/serve/handler';
import { createEventsHandler } from '@/lib/events/handler';
import { MAX_BODY_BYTES } from '@/lib/events/schemas';
import { healthResponse } from '@/lib/health';
import type { HeaderReader, PlainResponse, RequestLike } from '@/lib/http';
import { handlePlainRecommendRequest } from '@/lib/recommend/handler';
import { baseSecurityHeaders, requestIsHttps } from '@/lib/security/headers';

/**
 * Hot endpoints served before Next's router (architecture.md, "Hot storefront endpoints"):
 * framework-agnostic handlers (Web Request → Response) that are also mounted as Next route
 * handlers, so Vercel deployments serve the same code. A handler used only here may instead
 * return a plain {status, headers, body} (lib/http.ts), which is written without a web stream;
 * a bodiless `light` route gets a RequestLike view of Node's request instead of a Web Request.
 */
type Answer = Response | PlainResponse;

type FastRoute =
  | {
      handler: (req: Request) => Promise<Answer> | Answer;
      light?: false;
      /** Largest body the handler accepts: reading stops one byte past it and the handler answers 413. */
      maxBody?: number;
    }
  | { handler: (req: RequestLike) => Promise<Answer> | Answer; light: true };

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
  // Models, catalogs and keys are cached in memory (lib/recommend/serve): no body, no ORM per
  // request, no Web Request or Response around it.
  'GET /api/v1/recommendations': { handler: handlePlainRecommendRequest, light: true },
  'OPTIONS /api/v1/recommendations': { handler: handlePlainRecommendRequest, light: true },
  // On-site ad decisions from the in-memory serving state (lib/ads/serve/cache.ts); feedback
  // counts in memory and is written by the stats buffer every second.
  'GET /api/v1/ads/decide': { handler: handleAdDecision },
  'OPTIONS /api/v1/ads/decide': { handler: handleAdDecision },
  'POST /api/v1/ads/feedback': { handler: handleAdFeedbackBuffered, maxBody: 4096 },
  'OPTIONS /api/v1/ads/feedback': { handler: handleAdFeedbackBuffered, maxBody: 4096 },
};

// The request URL built below is always http://, so only X-Forwarded-Proto (when trusted) can
// make it https; the base headers are therefore one of two fixed lists, computed once each.
const HTTP_URL = new URL('http://localhost/');
const baseHeaders = new Map<boolean, [string, string][]>();

function baseHeaderList(https: boolean): [string, string][] {
  let list = baseHeaders.get(https);
  if (!list) {
    list = Object.entries(baseSecurityHeaders(https));
    baseHeaders.set(https, list);
  }
  return list;
}

const baseFlat = new Map<boolean, string[]>();

/** The base headers as a flat [name, value, …] list, for writeHead. */
function baseHeaderFlat(https: boolean): readonly string[] {
  let flat = baseFlat.get(https);
  if (!flat) {
    flat = baseHeaderList(https).flat();
    baseFlat.set(https, flat);
  }
  return flat;
}

/**
 * Returns true when the request was answered here. Synchronous when the handler answers
 * synchronously (a light route with everything cached): no promise per request on the hot path.
 */
export function tryFastPath(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const route = ROUTES[`${req.method} ${q < 0 ? url : url.slice(0, q)}`];
  if (!route) return false;
  if (!route.light) return answerWithBody(route, req, res);
  const request = lightRequest(req);
  const response = route.handler(request);
  return response instanceof Promise
    ? response.then((r) => send(res, request, r, false))
    : send(res, request, response, false);
}

async function answerWithBody(
  route: Extract<FastRoute, { light?: false }>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const { request, truncated } = await toWebRequest(req, route.maxBody ?? Number.POSITIVE_INFINITY);
  return send(res, request, await route.handler(request), truncated);
}

/** Writes the answer; a plain one at once, a Response once its body is read. */
function send(
  res: ServerResponse,
  request: RequestLike,
  response: Answer,
  truncated: boolean,
): boolean | Promise<boolean> {
  // Next's proxy (proxy.ts) never sees these requests: add the same base security headers here.
  const https = requestIsHttps(HTTP_URL, request.headers, getEnv().TRUST_PROXY ?? false);
  if (!isWebResponse(response) && typeof response.body === 'string')
    return sendPlain(res, response, https, truncated);
  res.statusCode = response.status;
  for (const [k, v] of baseHeaderList(https)) res.setHeader(k, v);
  if (isWebResponse(response)) for (const [k, v] of response.headers) res.setHeader(k, v);
  else for (const [k, v] of Object.entries(response.headers)) res.setHeader(k, v);
  // The rest of an oversized body was never read: close rather than drain it.
  if (truncated) res.setHeader('Connection', 'close');
  if (!isWebResponse(response)) {
    res.end(response.body ?? undefined);
    return true;
  }
  return bodyOf(response).then((body) => {
    res.end(body);
    return true;
  });
}

/**
 * A plain answer with a text body, written with one writeHead of a flat header list (the base
 * headers, then the answer's, which never repeat them) and its length: no header map is built,
 * which setHeader per header did on every storefront request.
 */
export function sendPlain(
  res: ServerResponse,
  response: PlainResponse,
  https: boolean,
  truncated: boolean,
): true {
  const body = response.body as string;
  const head = [...baseHeaderFlat(https)];
  for (const k in response.headers) head.push(k, response.headers[k]!);
  if (truncated) head.push('Connection', 'close');
  head.push('Content-Length', String(Buffer.byteLength(body)));
  res.writeHead(response.status, head);
  res.end(body);
  return true;
}

// By shape rather than instanceof: a Response made in another module graph (Next's bundle, a
// polyfill) is still one.
const isWebResponse = (r: Answer): r is Response =>
  typeof (r as Partial<Response>).arrayBuffer === 'function';

/** A Response's bytes; a body-less one (204, OPTIONS) skips the stream entirely. */
async function bodyOf(response: Response): Promise<Uint8Array | undefined> {
  if (response.body === null) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

/** Node's request headers read like a Web Headers' `get` (names are lower-case in Node). */
class NodeHeaders implements HeaderReader {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
}

/** A bodiless request as the light routes read it: method, absolute URL, headers. */
function lightRequest(req: IncomingMessage): RequestLike {
  return {
    method: req.method ?? 'GET',
    url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    headers: new NodeHeaders(req.headers),
  };
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
