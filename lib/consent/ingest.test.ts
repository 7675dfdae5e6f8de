// Consent at event ingestion (lib/events/service.ts → ./enforce.ts): declared decisions are
// recorded once, and events without analytics consent are anonymized or withheld per workspace.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { consentRecords, events, ingestDaily, shoppers } from '@/db/schema';
import { ingestEvents } from '@/lib/events/service';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';

const NOW = new Date('2026-03-31T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

const stored = (db: Db, tenantId: string) =>
  db.select().from(events).where(eq(events.tenantId, tenantId)).orderBy(events.eventId);
const records = (db: Db, tenantId: string) =>
  db.select().from(consentRecords).where(eq(consentRecords.tenantId, tenantId)).orderBy(consentRecords.id);
const customer = async (db: Db, tenantId: string, externalId: string) =>
  (
    await db
      .select()
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, tenantId), eq(shoppers.externalId, externalId)))
  )[0]!.id;

describe.each(testDrivers())('consent at ingestion (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const ingest = (db: Db, tenantId: string, raw: unknown[], source: 'api' | 'snippet' = 'api') =>
    ingestEvents(db, { tenantId }, raw, { source, now: NOW });

  it('anonymize (default, opt_out): records declared consent once and strips identifiers after a denial', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'cin-anon');
    const r = await ingest(db, ctx.tenantId, [
      {
        type: 'page_view',
        eventId: 'a',
        customerId: 'c-1',
        anonymousId: 'v-1',
        sessionId: 's-1',
        timestamp: at(3),
        consent: { analytics: false, marketing: true, ads: false },
        context: { url: 'https://s/', userAgent: 'Mozilla/5.0', referrer: 'https://r/' },
      },
      { type: 'page_view', eventId: 'b', customerId: 'c-1', timestamp: at(2) },
      { type: 'page_view', eventId: 'c', customerId: 'c-2', timestamp: at(2) },
      { type: 'page_view', eventId: 'd', customerId: 'c-3', timestamp: at(1), consent: { analytics: true } },
    ]);
    expect(r).toMatchObject({ accepted: 4, duplicates: 0, rejected: 0 });
    expect(r).not.toHaveProperty('withheld');
    const [a, b, c, d] = await stored(db, ctx.tenantId);
    expect(a).toMatchObject({ shopperId: null, anonymousId: null, sessionId: null });
    expect(a!.context).toEqual({
      url: 'https://s/',
      consent: { analytics: false, marketing: true, ads: false },
    });
    // No declaration on b, but c-1's stored denial applies; c-2 never decided (opt_out allows).
    expect(b).toMatchObject({ shopperId: null, anonymousId: null });
    expect(c!.shopperId).toBe(await customer(db, ctx.tenantId, 'c-2'));
    expect(d!.shopperId).toBe(await customer(db, ctx.tenantId, 'c-3'));

    const c1 = await customer(db, ctx.tenantId, 'c-1');
    const recs = await records(db, ctx.tenantId);
    expect(
      recs.map((x) => [x.shopperId === c1 ? 'c-1' : 'c-3', x.purpose, x.granted, x.source]).sort(),
    ).toEqual([
      ['c-1', 'advertising', false, 'api'],
      ['c-1', 'analytics', false, 'api'],
      ['c-3', 'analytics', true, 'api'],
    ]);
    // The storefront repeats the same consent on every event: no new records.
    await ingest(
      db,
      ctx.tenantId,
      [{ type: 'page_view', eventId: 'e', customerId: 'c-3', consent: { analytics: true } }],
      'snippet',
    );
    expect(await records(db, ctx.tenantId)).toHaveLength(3);
    // A withdrawal is recorded with its source and applies from that event on.
    await ingest(
      db,
      ctx.tenantId,
      [
        { type: 'page_view', eventId: 'f', customerId: 'c-3', consent: { analytics: false } },
        { type: 'page_view', eventId: 'g', customerId: 'c-3' },
      ],
      'snippet',
    );
    expect((await records(db, ctx.tenantId)).at(-1)).toMatchObject({
      purpose: 'analytics',
      granted: false,
      source: 'snippet',
    });
    const rows = await stored(db, ctx.tenantId);
    expect(rows.filter((x) => ['f', 'g'].includes(x.eventId)).map((x) => x.shopperId)).toEqual([null, null]);
  });

  it('drop: events without analytics consent are counted as withheld, not stored, not rejected', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'cin-drop');
    await updatePrivacySettings(db, ctx, { unconsentedEvents: 'drop' });
    const r = await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 'a', customerId: 'c-1', consent: { analytics: false } },
      { type: 'page_view', eventId: 'b', customerId: 'c-1' },
      { type: 'page_view', eventId: 'c', consent: { analytics: false } },
      { type: 'page_view', eventId: 'd', customerId: 'c-2' },
    ]);
    expect(r).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0, withheld: 3 });
    expect((await stored(db, ctx.tenantId)).map((x) => x.eventId)).toEqual(['d']);
    const [day] = await db.select().from(ingestDaily).where(eq(ingestDaily.tenantId, ctx.tenantId));
    expect(day).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
    // Sending the batch again: the stored event is a duplicate, the withheld ones stay withheld.
    const again = await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 'b', customerId: 'c-1' },
      { type: 'page_view', eventId: 'd', customerId: 'c-2' },
    ]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1, withheld: 1 });
  });

  it('opt_in: identified events need a recorded or declared grant', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'cin-optin');
    await updatePrivacySettings(db, ctx, { consentMode: 'opt_in' });
    await ingest(
      db,
      ctx.tenantId,
      [
        { type: 'page_view', eventId: 'a', customerId: 'c-1' },
        {
          type: 'page_view',
          eventId: 'b',
          customerId: 'c-2',
          timestamp: at(2),
          consent: { analytics: true },
        },
        { type: 'page_view', eventId: 'c', customerId: 'c-2', timestamp: at(1) },
      ],
      'snippet',
    );
    const [a, b, c] = await stored(db, ctx.tenantId);
    const c2 = await customer(db, ctx.tenantId, 'c-2');
    expect(a!.shopperId).toBeNull();
    expect([b!.shopperId, c!.shopperId]).toEqual([c2, c2]);
    expect((await records(db, ctx.tenantId)).map((x) => [x.purpose, x.granted, x.source])).toEqual([
      ['analytics', true, 'snippet'],
    ]);
    // The grant is remembered: later events without a declaration stay identified.
    await ingest(db, ctx.tenantId, [{ type: 'page_view', eventId: 'd', customerId: 'c-2' }]);
    expect((await stored(db, ctx.tenantId)).at(-1)!.shopperId).toBe(c2);
  });
});
