import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { events } from '@/db/schema';
import { createApiKey } from '@/lib/apikeys/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { tryFastPath } from '@/server/fast-path';
import { flushEventCounters } from './counters';

/** POST /api/v1/events over real HTTP through the custom server's fast path. */
describe.each(testDrivers())('events over HTTP on the fast path (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void Promise.resolve(tryFastPath(req, res)).then((done) => {
        if (!done) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('accepts a batch, answers preflights, and cuts an endless body off at 1 MB with a 413', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'http');
    const { key } = await createApiKey(db, ctx, { kind: 'secret', name: 'http' });
    const auth = { authorization: `Bearer ${key}` };
    const ok = await fetch(`${base}/api/v1/events`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ events: [{ type: 'page_view', eventId: 'h1', anonymousId: 'v' }] }),
    });
    expect(ok.status).toBe(202);
    // The base security headers Next's proxy would add (plain http here: no HSTS).
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(ok.headers.get('strict-transport-security')).toBeNull();
    expect(await ok.json()).toMatchObject({ accepted: 1 });

    const pre = await fetch(`${base}/api/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await pre.text()).toBe('');

    // 2 MB streamed without Content-Length: refused once 1 MB has arrived.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= 2_000_000) return c.close();
        sent += 64_000;
        c.enqueue(new Uint8Array(64_000).fill(0x20));
      },
    });
    const big = await fetch(`${base}/api/v1/events`, {
      method: 'POST',
      headers: auth,
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');

    await flushEventCounters();
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(eq(events.tenantId, ctx.tenantId))) as [{ n: number }];
    expect(n).toBe(1);
    const daily = await db.execute(sql`select accepted from ingest_daily where tenant_id = ${ctx.tenantId}`);
    expect(rowsOf<{ accepted: number }>(daily)).toEqual([{ accepted: 1 }]);
  });
});
