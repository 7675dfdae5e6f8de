import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { events, ingestDaily, products } from '@/db/schema';
import { ApiKeyCache } from '@/lib/api/key-cache';
import { createApiKey } from '@/lib/apikeys/service';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { createEventsHandler } from './handler';

/** mulberry32: the same "random" inputs on every run, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const FIELDS = [
  'type',
  'eventId',
  'anonymousId',
  'customerId',
  'productId',
  'quantity',
  'priceMinor',
  'currency',
  'timestamp',
  'context',
  'consent',
  'query',
];

function garbage(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 12 : 15)) {
    case 0:
      return null;
    case 1:
      return r.pick([true, false]);
    case 2:
      return r.pick([-1, 0, -0, 1.5, -99999, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER]);
    case 3:
      return '';
    case 4:
      return 'x'.repeat(r.pick([201, 501, 3000, 100_000]));
    case 5:
      return `nul\u0000byte`;
    case 6:
      return r.pick(['\ud800', 'a\udc00b', '\udbff\udfff', '😀']);
    case 7:
      return r.pick(['2026-13-45T99:99:99Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'now', 'NaN']);
    case 8:
      return r.pick(['EUR', 'eur', 'EURO', 'ZZZ', ' EUR']);
    case 9:
      return r.pick(['view', 'purchase', 'VIEW', 'page-view', '__proto__', 'constructor']);
    case 10:
      return `  spaced  `;
    case 11:
      return '\t\n\r';
    case 12:
      return Array.from({ length: r.int(4) }, () => garbage(r, depth + 1));
    case 13:
      return { __proto__: { polluted: true }, constructor: 'x', nested: garbage(r, depth + 1) };
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [`k${i}`, garbage(r, depth + 1)]));
  }
}

function validEvent(r: Rng, n: number): Record<string, unknown> {
  const type = r.pick(['page_view', 'view', 'add_to_cart', 'search', 'purchase', 'rec_impression']);
  const e: Record<string, unknown> = {
    type,
    eventId: `fz-${r.int(400)}`, // reused ids: duplicates across requests
    anonymousId: `anon-${r.int(30)}`,
    timestamp: new Date(Date.now() - r.int(86_400_000)).toISOString(),
    context: { url: `https://shop.test/${n}`, locale: r.pick(['en', 'de-DE', 'fr']) },
  };
  if (r.next() < 0.3) e.customerId = `cust-${r.int(10)}`;
  if (type !== 'page_view' && type !== 'search') e.productId = r.pick(['P1', 'P2', 'P3', 'UNKNOWN-9']);
  if (type === 'search') e.query = 'linen';
  if (type === 'purchase')
    Object.assign(e, { quantity: 1 + r.int(3), priceMinor: r.int(10_000), currency: 'EUR' });
  return e;
}

function mutatedEvent(r: Rng, n: number): unknown {
  if (r.next() < 0.08) return garbage(r);
  const e = validEvent(r, n);
  for (let i = r.int(3); i > 0; i--) {
    const field = r.pick(FIELDS);
    if (r.next() < 0.2) delete e[field];
    else e[field] = garbage(r);
  }
  if (r.next() < 0.1) e.context = { userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1)' };
  return e;
}

/** A request body: mostly batches of mutated events, sometimes broken at the byte level. */
function body(r: Rng, n: number): BodyInit {
  const roll = r.next();
  const batch = () => Array.from({ length: 1 + r.int(40) }, () => mutatedEvent(r, n));
  if (roll < 0.55) return JSON.stringify({ events: batch() });
  if (roll < 0.65) return JSON.stringify(batch());
  if (roll < 0.7) return JSON.stringify({ events: batch() }).slice(0, r.int(200)); // truncated
  if (roll < 0.74) return new Uint8Array(Array.from({ length: 1 + r.int(300) }, () => r.int(256))); // bytes
  if (roll < 0.77) return Buffer.from(JSON.stringify({ events: batch() }), 'utf16le'); // wrong encoding
  if (roll < 0.8) return `${'['.repeat(20_000)}${']'.repeat(20_000)}`; // deep nesting
  if (roll < 0.83) return JSON.stringify(garbage(r));
  if (roll < 0.86) return JSON.stringify({ events: Array.from({ length: 501 + r.int(50) }, () => ({})) });
  if (roll < 0.88) return `{"events":[{"type":"view","eventId":"${'y'.repeat(1_100_000)}"}]}`; // > 1 MB
  if (roll < 0.91) return '{"events":[{"type":"page_view","eventId":"lone","anonymousId":"\\ud800"}]}';
  if (roll < 0.94) return '{"events":[{"type":"page_view","eventId":"nul\\u0000","anonymousId":"a"}]}';
  return JSON.stringify({ events: [{ ...validEvent(r, n), context: garbage(r) }] });
}

describe.each(testDrivers())('events API fuzz (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('answers every malformed request with 202/400/413, never 500, and the database stays consistent', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'fuzz');
    for (const sku of ['P1', 'P2', 'P3']) {
      await db.insert(products).values({
        tenantId: ctx.tenantId,
        externalId: sku,
        title: { en: sku },
        priceMinor: 100,
        currency: 'EUR',
      });
    }
    const { key } = await createApiKey(db, ctx, { kind: 'secret', name: 'fuzz' });
    const handle = createEventsHandler({
      keys: new ApiKeyCache(),
      keyLimiter: new TokenBucketLimiter({ ratePerSecond: 1e6, burst: 1e6 }),
    });
    const r = rng(driver === 'pglite' ? 20260331 : 424242);
    const totals = { accepted: 0, duplicates: 0, rejected: 0, bots: 0 };
    const statuses = new Map<number, number>();
    for (let n = 0; n < 250; n++) {
      const res = await handle(
        new Request('http://tailor.test/api/v1/events', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}` },
          body: body(r, n),
        }),
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const out = await res.json();
      expect([202, 400, 413], JSON.stringify(out).slice(0, 300)).toContain(res.status);
      if (res.status !== 202) {
        expect(typeof out.error.message).toBe('string');
        continue;
      }
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += out[k];
      expect(out.errors).toHaveLength(out.rejected);
      for (const e of out.errors) expect(typeof e.reason).toBe('string');
    }
    // Every kind of answer happened (the seeded mix is fixed, so these never flake).
    expect(statuses.get(202)).toBeGreaterThan(100);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(10);
    expect(totals.accepted).toBeGreaterThan(50);

    const [{ stored }] = (await db
      .select({ stored: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.tenantId, ctx.tenantId))) as [{ stored: number }];
    expect(stored).toBe(totals.accepted);
    const [daily] = await db
      .select()
      .from(ingestDaily)
      .where(and(eq(ingestDaily.tenantId, ctx.tenantId), eq(ingestDaily.source, 'api')));
    expect(daily).toMatchObject(totals);
    expect(Object.values(daily!.reasons).reduce((a, b) => a + b, 0)).toBe(totals.rejected);
    // Every stored event is well-formed.
    const bad = await db.execute(sql`
      select count(*)::int as n from events where tenant_id = ${ctx.tenantId}
      and (shopper_id is null or (type in ('view','add_to_cart','purchase') and product_id is null)
           or (price_minor is not null and (price_minor < 0 or currency is null)))`);
    expect(rowsOf<{ n: number }>(bad)[0]?.n).toBe(0);
  });
});
