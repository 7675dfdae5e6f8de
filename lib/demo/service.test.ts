import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { jobs, memberships, products, tenants, users } from '@/db/schema';
import { generateDemoStore } from '@/db/seed/generate';
import { verifyCredentials } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createWorkspace } from '@/lib/workspace/service';
import { type InsertMethod, insertInChunks } from './bulk-insert';
import { countTenantRows, DEMO_LOADING } from './queries';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_SLUG,
  isDemoSeeded,
  type SeedProgress,
  seedDemoWorkspace,
} from './service';

const AWKWARD = [
  'plain',
  'with "quotes", commas, and\nnew lines',
  'back\\slash {braces} ,',
  '',
  '日本語のタイトル',
  'NULL',
];

function rowsFor(tenantId: string, method: string): (typeof products.$inferInsert)[] {
  return AWKWARD.map((text, i) => ({
    tenantId,
    externalId: `${method}-${i}`,
    title: { en: text, ja: '和風 "引用"' },
    description: {},
    categoryPath: [text, 'b,c', '"q"'],
    brand: i % 2 ? null : text,
    priceMinor: 9_007_199_254 + i,
    currency: 'EUR',
    stock: i % 3 ? null : 0,
    attributes: { text, n: i, flag: i % 2 === 0 },
    imageUrls: [],
    status: 'active',
    publishedAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 123 + i)),
  }));
}

const NOW = new Date('2026-03-15T10:30:00Z');
const SCALE = 0.05;

describe.each(testDrivers())('demo seeding (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('creates the demo user, workspace and data, matching the generator', async () => {
    const db = h().db;
    expect(await isDemoSeeded(db)).toBe(false);
    const phases = new Set<string>();
    const result = await seedDemoWorkspace(db, {
      now: NOW,
      scale: SCALE,
      onProgress: (p: SeedProgress) => phases.add(p.phase),
    });
    expect(result.created).toBe(true);
    expect(result.login).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(result.slug).toBe(DEMO_SLUG);
    expect(await isDemoSeeded(db)).toBe(true);
    expect([...phases]).toEqual([
      'generating',
      'products',
      'shoppers',
      'orders',
      'order_lines',
      'events',
      'done',
    ]);

    const expected = generateDemoStore({ tenantId: result.tenantId, now: NOW, scale: SCALE });
    const counts = await countTenantRows(db, result.tenantId);
    expect(counts).toEqual({
      products: expected.products.length,
      shoppers: expected.shoppers.length,
      orders: expected.orders.length,
      orderLines: expected.orderLines.length,
      events: expected.events.length,
    });
    expect(result.counts).toEqual(counts);

    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, result.tenantId));
    expect(tenant).toMatchObject({
      name: 'Demo Store',
      slug: 'demo',
      currency: 'EUR',
      locale: 'en',
      supportedLocales: ['en', 'de', 'fr', 'es', 'ja', 'zh'],
      timeZone: 'Europe/Berlin',
    });
    expect(JSON.parse(tenant!.isDemo!)).toMatchObject({ seed: 2026, scale: SCALE });

    const login = await verifyCredentials(db, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(login.ok).toBe(true);
    const [member] = await db
      .select()
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, result.tenantId), eq(users.email, DEMO_EMAIL)));
    expect(member?.memberships.role).toBe('owner');

    // The first evaluation is queued, a minute out so the first training runs before it.
    const [evaluation] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, result.tenantId), eq(jobs.type, 'recommend.evaluate')));
    expect(evaluation).toMatchObject({ status: 'queued', payload: { protocols: ['all', 'new-items'] } });
    expect(evaluation!.runAfter.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it('stores rows faithfully (arrays, JSON, unicode, money, timestamps)', async () => {
    const db = h().db;
    const tenantId = (await db.select().from(tenants).where(eq(tenants.slug, DEMO_SLUG)))[0]!.id;
    const expected = generateDemoStore({ tenantId, now: NOW, scale: SCALE });
    const sample = expected.products.find((p) => Object.keys(p.title).length === 6)!;
    const r = await db.execute(
      sql`select title, description, category_path, price_minor, attributes, image_urls, published_at from products where tenant_id = ${tenantId} and id = ${sample.id}`,
    );
    const row = rowsOf<Record<string, unknown>>(r)[0]!;
    expect(row.title).toEqual(sample.title);
    expect(row.description).toEqual(sample.description);
    expect(row.category_path).toEqual(sample.categoryPath);
    expect(Number(row.price_minor)).toBe(sample.priceMinor);
    expect(row.attributes).toEqual(sample.attributes);
    expect(row.image_urls).toEqual([]);
    expect(new Date(row.published_at as string).getTime()).toBe(sample.publishedAt!.getTime());

    const purchases = await db.execute(sql`
      select count(*)::int as n from events e
      join order_lines l on l.tenant_id = e.tenant_id and l.order_id = (e.context->>'orderId')::uuid
        and l.line_no = (e.context->>'lineNo')::int and l.product_id = e.product_id
      where e.tenant_id = ${tenantId} and e.type = 'purchase'`);
    expect(rowsOf<{ n: number }>(purchases)[0]!.n).toBe(expected.orderLines.length);
    const last = await db.execute(
      sql`select max(occurred_at) as t from events where tenant_id = ${tenantId}`,
    );
    expect(new Date(rowsOf<{ t: string }>(last)[0]!.t).getTime()).toBe(
      expected.events.at(-1)!.occurredAt.getTime(),
    );
  });

  it('is idempotent without reset and rebuilds with reset', async () => {
    const db = h().db;
    const first = await seedDemoWorkspace(db, { now: NOW, scale: SCALE });
    expect(first.created).toBe(false);
    const again = await seedDemoWorkspace(db, { now: NOW, scale: SCALE });
    expect(again).toEqual(first);

    const reset = await seedDemoWorkspace(db, { now: NOW, scale: SCALE, reset: true });
    expect(reset.created).toBe(true);
    expect(reset.tenantId).not.toBe(first.tenantId);
    expect(reset.counts).toEqual(first.counts);
    expect(await countTenantRows(db, first.tenantId)).toEqual({
      products: 0,
      shoppers: 0,
      orders: 0,
      orderLines: 0,
      events: 0,
    });
    expect(await countTenantRows(db, reset.tenantId)).toEqual(reset.counts);
    const demoUsers = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    expect(demoUsers).toHaveLength(1);
  });

  it('rebuilds a half-loaded demo and restores a changed demo password', async () => {
    const db = h().db;
    await db.update(tenants).set({ isDemo: DEMO_LOADING }).where(eq(tenants.slug, DEMO_SLUG));
    await db.update(users).set({ passwordHash: 'x' }).where(eq(users.email, DEMO_EMAIL));
    expect(await isDemoSeeded(db)).toBe(false);
    const rebuilt = await seedDemoWorkspace(db, { now: NOW, scale: SCALE });
    expect(rebuilt.created).toBe(true);
    expect(await isDemoSeeded(db)).toBe(true);
    expect((await verifyCredentials(db, { email: DEMO_EMAIL, password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it('refuses to replace a real workspace that uses the demo address', async () => {
    const db = h().db;
    await db.delete(tenants).where(eq(tenants.slug, DEMO_SLUG));
    const [owner] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    await createWorkspace(db, {
      name: 'Not a demo',
      slug: DEMO_SLUG,
      ownerUserId: owner!.id,
      ownerLabel: DEMO_EMAIL,
    });
    await expect(seedDemoWorkspace(db, { now: NOW, scale: SCALE, reset: true })).rejects.toBeInstanceOf(
      AppError,
    );
    expect(await isDemoSeeded(db)).toBe(false);
  });

  // One database for the file: opening PGlite is the slowest part of these tests.
  const methods: InsertMethod[] =
    driver === 'pglite' ? ['copy', 'json', 'values', 'auto'] : ['json', 'values', 'auto'];

  it.each(methods)('round-trips awkward values with %s', async (method) => {
    const db = h().db;
    const [tenant] = await db
      .insert(tenants)
      .values({ slug: `bulk-${method}-${Date.now()}`, name: 'Bulk' })
      .returning();
    const rows = rowsFor(tenant!.id, method);
    const progress: number[] = [];
    await insertInChunks(db, products, rows, { method, chunkSize: 4, onChunk: (p) => progress.push(p.done) });
    expect(progress).toEqual([4, 6]);
    const back = await db
      .select()
      .from(products)
      .where(eq(products.tenantId, tenant!.id))
      .orderBy(asc(products.externalId));
    expect(back).toHaveLength(rows.length);
    back.forEach((row, i) => {
      const want = rows[i]!;
      expect(row).toMatchObject({
        title: want.title,
        categoryPath: want.categoryPath,
        brand: want.brand,
        priceMinor: want.priceMinor,
        stock: want.stock,
        attributes: want.attributes,
        imageUrls: [],
        publishedAt: want.publishedAt,
      });
    });
  });
});
