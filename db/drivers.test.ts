// The two server drivers against a real Postgres (TEST_DATABASE_URL; CI starts one):
// - @vercel/postgres, which speaks Neon's WebSocket protocol, through a local WebSocket→TCP
//   proxy (lib/testing/ws-proxy.ts);
// - node-postgres, when several processes start at once against one empty database
//   (migrations are serialized by an advisory lock in db/client.ts).
// PGlite is covered by every other database test.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase, rowsOf } from '@/db/client';
import { products, tenants } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { withTenantTx } from '@/lib/tenant/context';
import { createScratchDatabase } from '@/lib/testing/scratch-db';
import { routeVercelPostgresToLocal, withLocalhost } from '@/lib/testing/vercel-postgres';

const hasServer = Boolean(getEnv().TEST_DATABASE_URL);

async function migrationCount(h: DbHandle): Promise<number> {
  const r = rowsOf<{ n: number }>(
    await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return r[0]?.n ?? 0;
}

describe.runIf(hasServer)('@vercel/postgres driver (through a local WebSocket proxy)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let route: Awaited<ReturnType<typeof routeVercelPostgresToLocal>>;
  let handle: DbHandle | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    route = await routeVercelPostgresToLocal();
  });
  afterAll(async () => {
    await handle?.close();
    await route?.restore();
    await scratch?.drop();
  });

  it('opens, applies the migrations, and reports the vector capability', async () => {
    handle = await openDatabase({ driver: 'vercel-postgres', url: withLocalhost(scratch.url) });
    expect(handle.driver).toBe('vercel-postgres');
    expect(await migrationCount(handle)).toBeGreaterThan(0);
    expect(typeof handle.hasPgvector).toBe('boolean');
    expect(route.proxy.connections).toBeGreaterThan(0); // really over WebSockets
  });

  it('round-trips a tenant and a product, inside a tenant transaction too', async () => {
    const db = handle!.db;
    const [tenant] = await db
      .insert(tenants)
      .values({ slug: `vercel-${Date.now()}`, name: 'Vercel driver' })
      .returning();
    await db.insert(products).values({
      tenantId: tenant!.id,
      externalId: 'sku-1',
      title: { en: 'Linen shirt', de: 'Leinenhemd' },
      priceMinor: 4990,
      currency: 'EUR',
      categoryPath: ['apparel', 'shirts'],
    });
    const rows = await withTenantTx(db, { tenantId: tenant!.id }, (tx) =>
      tx.select().from(products).where(eq(products.tenantId, tenant!.id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      externalId: 'sku-1',
      title: { en: 'Linen shirt', de: 'Leinenhemd' },
      priceMinor: 4990,
      categoryPath: ['apparel', 'shirts'],
    });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('opening again is a no-op for migrations', async () => {
    const before = await migrationCount(handle!);
    const again = await openDatabase({ driver: 'vercel-postgres', url: withLocalhost(scratch.url) });
    try {
      expect(await migrationCount(again)).toBe(before);
    } finally {
      await again.close();
    }
  });
});

describe.runIf(hasServer)('node-postgres driver: concurrent start', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('several handles opening one empty database at once migrate it exactly once', async () => {
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ driver: 'node-postgres', url: scratch.url })),
    );
    try {
      const counts = await Promise.all(handles.map(migrationCount));
      expect(new Set(counts).size).toBe(1);
      const hashes = rowsOf<{ n: number; d: number }>(
        await handles[0]!.db.execute(
          sql`select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations`,
        ),
      );
      expect(hashes[0]!.n).toBe(hashes[0]!.d); // no migration recorded twice
      // And no advisory lock is left behind for the next process.
      const locks = rowsOf<{ n: number }>(
        await handles[0]!.db.execute(
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`,
        ),
      );
      expect(locks[0]!.n).toBe(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
    const late = await openDatabase({ driver: 'node-postgres', url: scratch.url });
    try {
      expect(await migrationCount(late)).toBeGreaterThan(0);
    } finally {
      await late.close();
    }
  });
});

describe.runIf(hasServer)('node-postgres driver: a connection the server ends', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('an idle connection terminated by the server neither stops the process nor the next query', async () => {
    const handle = await openDatabase({ driver: 'node-postgres', url: scratch.url });
    const other = await openDatabase({ driver: 'node-postgres', url: scratch.url });
    try {
      const [me] = rowsOf<{ pid: number }>(await handle.db.execute(sql`select pg_backend_pid() as pid`));
      const [ended] = rowsOf<{ ok: boolean }>(
        await other.db.execute(sql`select pg_terminate_backend(${me!.pid}) as ok`),
      );
      expect(ended!.ok).toBe(true);
      // The idle client hears of it now: an unhandled pool error here would fail this run.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [again] = rowsOf<{ pid: number }>(await handle.db.execute(sql`select pg_backend_pid() as pid`));
      expect(again!.pid).not.toBe(me!.pid);
    } finally {
      await handle.close();
      await other.close();
    }
  });
});
