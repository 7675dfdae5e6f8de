import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { ApiKeyCache, forgetCachedKeys } from '@/lib/api/key-cache';
import { createApiKey, revokeApiKey } from '@/lib/apikeys/service';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { createEventsHandler } from './handler';

const SHOP = 'https://shop.example';
const URL_ = 'http://tailor.test/api/v1/events';
const ok = [{ type: 'page_view', eventId: 'h-1', anonymousId: 'v' }];
const generous = () => new TokenBucketLimiter({ ratePerSecond: 1e6, burst: 1e6 });

function post(body: BodyInit | null, headers: Record<string, string> = {}, url = URL_) {
  return new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}
const json = (v: unknown) => JSON.stringify(v);
const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

describe.each(testDrivers())('POST /api/v1/events handler (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const handler = (over: Parameters<typeof createEventsHandler>[0] = {}) =>
    createEventsHandler({
      keys: new ApiKeyCache(),
      keyLimiter: generous(),
      clientLimiter: generous(),
      ...over,
    });

  async function keys() {
    const db = h().db;
    const t = await createTestTenant(db, 'evh');
    const sk = await createApiKey(db, t.ctx, { kind: 'secret', name: 'server' });
    const pk = await createApiKey(db, t.ctx, { kind: 'publishable', name: 'shop', allowedOrigins: SHOP });
    return { ...t, sk: sk.key, pk: pk.key, skId: sk.id };
  }

  it('401 without a key, with an unknown key, or with a secret key in the URL', async () => {
    const { sk } = await keys();
    const handle = handler();
    const none = await handle(post(json(ok)));
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthenticated');
    expect((await handle(post(json(ok), bearer('sk_nope-nope-nope-nope-nope-nope-nope')))).status).toBe(401);
    expect((await handle(post(json(ok), bearer('hello')))).status).toBe(401);
    const inUrl = await handle(post(json(ok), {}, `${URL_}?key=${sk}`));
    expect(inUrl.status).toBe(401);
    expect((await inUrl.json()).error.message).toContain('never in a URL');
  });

  it('202 with a secret key: counts, errors, no CORS headers', async () => {
    const { sk, ctx } = await keys();
    const res = await handler()(
      post(json({ events: [...ok, { type: 'view', eventId: 'h-2', anonymousId: 'v' }] }), bearer(sk)),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: 1,
      bots: 0,
      errors: [
        {
          index: 1,
          eventId: 'h-2',
          reason: 'missing_product',
          message: "A view event needs productId (the store's product id).",
        },
      ],
    });
    const stored = await h().db.select().from(events).where(eq(events.tenantId, ctx.tenantId));
    expect(stored.map((e) => e.eventId)).toEqual(['h-1']);
  });

  it('publishable keys: the Origin must be allowed; CORS headers are per request', async () => {
    const { pk } = await keys();
    const handle = handler();
    const noOrigin = await handle(post(json(ok), {}, `${URL_}?key=${pk}`));
    expect(noOrigin.status).toBe(403);
    const wrong = await handle(post(json(ok), { origin: 'https://evil.example' }, `${URL_}?key=${pk}`));
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('access-control-allow-origin')).toBeNull();
    expect((await wrong.json()).error.code).toBe('forbidden');

    // text/plain (sendBeacon, no preflight) and the key in a header both work.
    const viaUrl = await handle(
      post(json(ok), { origin: SHOP, 'content-type': 'text/plain' }, `${URL_}?key=${pk}`),
    );
    expect(viaUrl.status).toBe(202);
    expect(viaUrl.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(viaUrl.headers.get('vary')).toBe('Origin');
    const viaHeader = await handle(
      post(json([{ ...ok[0], eventId: 'h-3' }]), { origin: SHOP, 'x-tailor-key': pk }),
    );
    expect(viaHeader.status).toBe(202);
    expect(await viaHeader.json()).toMatchObject({ accepted: 1 });

    // Errors after the origin check carry CORS headers too, so the storefront can read them.
    const bad = await handle(post('{', { origin: SHOP }, `${URL_}?key=${pk}`));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('answers CORS preflights', async () => {
    const { pk } = await keys();
    const handle = handler();
    const pre = (origin: string | null, url = URL_) =>
      handle(
        new Request(url, {
          method: 'OPTIONS',
          headers: origin ? { origin, 'access-control-request-method': 'POST' } : {},
        }),
      );
    const allowed = await pre(SHOP, `${URL_}?key=${pk}`);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('X-Tailor-Key');
    const refused = await pre('https://evil.example', `${URL_}?key=${pk}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // Key in a header: checked with the real request.
    expect((await pre('https://any.example')).status).toBe(204);
    expect((await pre(null)).status).toBe(204);
  });

  it('400 for malformed bodies, 413 for oversized ones, never a 500', async () => {
    const { sk } = await keys();
    const handle = handler({ maxBytes: 10_000 });
    const status = async (body: BodyInit | null, extra: Record<string, string> = {}) => {
      const res = await handle(post(body, { ...bearer(sk), ...extra }));
      const b = await res.json();
      return [res.status, b.error?.message ?? b] as const;
    };
    expect(await status('{"events": [')).toEqual([400, 'The body is not valid JSON.']);
    expect(await status('')).toEqual([400, 'The body is empty: send a JSON batch of events.']);
    expect(await status(null)).toEqual([400, 'The body is empty: send a JSON batch of events.']);
    expect(await status(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual([
      400,
      'The body is not valid UTF-8.',
    ]);
    expect((await status('"events"'))[0]).toBe(400);
    expect((await status(json({ events: {} })))[0]).toBe(400);
    const tooMany = await status(
      json(Array.from({ length: 501 }, (_, i) => ({ ...ok[0], eventId: `${i}` }))),
      {},
    );
    // 501 tiny events are > 10 KB here; with the real 1 MB limit they are a 400 (see below).
    expect(tooMany[0]).toBe(413);
    expect((await status('x'.repeat(10_001)))[0]).toBe(413);
    expect((await status('[]', { 'content-length': '20000000' }))[0]).toBe(413);
    // A streamed body without Content-Length is cut off at the limit.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        c.close();
      },
    });
    expect((await status(stream))[0]).toBe(413);

    const big = await handler()(
      post(json(Array.from({ length: 501 }, (_, i) => ({ ...ok[0], eventId: `${i}` }))), bearer(sk)),
    );
    expect(big.status).toBe(400);
    expect((await big.json()).error.message).toContain('Too many events: 501');
  });

  it('429 with Retry-After when the key’s bucket is empty', async () => {
    const { sk, pk } = await keys();
    let t = 0;
    const handle = handler({
      keyLimiter: new TokenBucketLimiter({ ratePerSecond: 0.5, burst: 2, now: () => t }),
    });
    expect((await handle(post(json(ok), bearer(sk)))).status).toBe(202);
    expect((await handle(post(json(ok), bearer(sk)))).status).toBe(202);
    const limited = await handle(post(json(ok), bearer(sk)));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await limited.json()).error.code).toBe('rate_limited');
    t += 2_000;
    expect((await handle(post(json(ok), bearer(sk)))).status).toBe(202);

    // Publishable keys are also limited per client IP, and the 429 is readable cross-origin.
    const perClient = handler({
      clientLimiter: new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: () => t }),
    });
    const from = (ip: string) =>
      perClient(post(json(ok), { origin: SHOP, 'x-forwarded-for': ip }, `${URL_}?key=${pk}`));
    expect((await from('1.1.1.1')).status).toBe(202);
    const again = await from('1.1.1.1');
    expect(again.status).toBe(429);
    expect(again.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect((await from('2.2.2.2')).status).toBe(202);
  });

  it('a revoked key stops working once the cache forgets it', async () => {
    const { sk, skId, ctx } = await keys();
    const cache = new ApiKeyCache();
    const handle = handler({ keys: cache });
    expect((await handle(post(json(ok), bearer(sk)))).status).toBe(202);
    await revokeApiKey(h().db, ctx, { id: skId });
    cache.forgetTenant(ctx.tenantId);
    forgetCachedKeys(ctx.tenantId); // the process-wide cache, as the revoke path should call it
    expect((await handle(post(json(ok), bearer(sk)))).status).toBe(401);
  });
});
