// The second wall (architecture.md): inside withTenantTx, Postgres row-level security hides
// other tenants' rows even from a query that forgot its tenant filter.
//
// RLS does not apply to superusers. On real Postgres the tests connect as an ordinary role
// (scripts/pg-test-server.mjs creates `tailor`), exactly like a production deployment should;
// PGlite always runs as a superuser, so there each transaction switches to an ordinary role
// with SET LOCAL ROLE — the policies under test are the same.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tx, rowsOf } from '@/db/client';
import { products, tenants } from '@/db/schema';
import { withTenantTx } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';

const APP_ROLE = 'tailor_rls_app';

function errorText(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e; cur instanceof Error; cur = cur.cause) parts.push(cur.message);
  return parts.join(' ← ');
}

describe.each(testDrivers())('row-level security on %s', (driver) => {
  const handle = useTestDatabase(driver);
  let a = '';
  let b = '';

  /** withTenantTx as the application runs it: never as a superuser. */
  function asTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withTenantTx(handle().db, { tenantId }, async (tx) => {
      if (driver === 'pglite') await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return fn(tx);
    });
  }

  async function setting(tx: Tx | ReturnType<typeof handle>['db']): Promise<string> {
    const r = rowsOf<{ v: string | null }>(
      await tx.execute(sql`select current_setting('app.tenant_id', true) as v`),
    );
    return r[0]?.v ?? '';
  }

  beforeAll(async () => {
    const db = handle().db;
    if (driver === 'pglite') {
      await db.execute(sql.raw(`create role ${APP_ROLE} nosuperuser nobypassrls`));
      await db.execute(
        sql.raw(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`),
      );
      await db.execute(sql.raw(`grant usage on all sequences in schema public to ${APP_ROLE}`));
    }
    const suffix = Date.now().toString(36);
    const [ta, tb] = await db
      .insert(tenants)
      .values([
        { slug: `rls-a-${suffix}`, name: 'RLS A' },
        { slug: `rls-b-${suffix}`, name: 'RLS B' },
      ])
      .returning({ id: tenants.id });
    a = ta!.id;
    b = tb!.id;
    const product = (tenantId: string, externalId: string) => ({
      tenantId,
      externalId,
      title: { en: externalId },
      priceMinor: 1000,
      currency: 'EUR',
    });
    await db.insert(products).values([product(a, 'a-1'), product(a, 'a-2'), product(b, 'b-1')]);
  });

  it.runIf(driver === 'postgres')('connects as an ordinary role, so RLS is not bypassed', async () => {
    const r = rowsOf<{ rolsuper: boolean; rolbypassrls: boolean }>(
      await handle().db.execute(
        sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect(
      r[0],
      'TEST_DATABASE_URL connects as a superuser or BYPASSRLS role; RLS tests would prove nothing. ' +
        'Use scripts/pg-test-server.mjs, which creates an ordinary role.',
    ).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('withTenantTx sets app.tenant_id for its transaction only', async () => {
    const inside = await withTenantTx(handle().db, { tenantId: a }, (tx) => setting(tx));
    expect(inside).toBe(a);
    expect(await setting(handle().db)).toBe('');
    await expect(
      withTenantTx(handle().db, { tenantId: b }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await setting(handle().db)).toBe('');
  });

  it('queries still work on a pooled connection after a tenant transaction (app.tenant_id = "")', async () => {
    // After withTenantTx commits, the connection keeps app.tenant_id defined but empty. The
    // policy must not cast '' to uuid (Postgres does not short-circuit OR), or every later
    // query on that connection fails with "invalid input syntax for type uuid".
    const n = await handle().db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', '', true)`);
      if (driver === 'pglite') await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from products`))[0]?.n;
    });
    expect(n).toBe(3);
  });

  it('a select without a tenant filter sees only the current tenant', async () => {
    const seenByA = await asTenant(a, (tx) => tx.select().from(products));
    expect(seenByA.map((p) => p.externalId).sort()).toEqual(['a-1', 'a-2']);
    const seenByB = await asTenant(b, (tx) => tx.select().from(products));
    expect(seenByB.map((p) => p.externalId)).toEqual(['b-1']);
    const count = await asTenant(a, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from products`)),
    );
    expect(count[0]?.n).toBe(2);
  });

  it("refuses to insert a row into another tenant's data", async () => {
    const err = await asTenant(a, (tx) =>
      tx
        .insert(products)
        .values({ tenantId: b, externalId: 'sneaky', title: { en: 'x' }, priceMinor: 1, currency: 'EUR' }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(errorText(err)).toMatch(/row-level security/);
  });

  it('an update without a tenant filter changes only the current tenant', async () => {
    const changed = await asTenant(a, (tx) =>
      tx.update(products).set({ stock: 7 }).returning({ id: products.id }),
    );
    expect(changed).toHaveLength(2);
    const all = await handle().db.select().from(products);
    expect(all.filter((p) => p.tenantId === b).map((p) => p.stock)).toEqual([null]);
  });

  it('a delete without a tenant filter removes only the current tenant', async () => {
    const removed = await asTenant(a, (tx) => tx.delete(products).returning({ id: products.id }));
    expect(removed).toHaveLength(2);
    const left = await handle().db.select().from(products);
    expect(left.map((p) => p.externalId)).toEqual(['b-1']);
  });

  it('outside a tenant transaction (migrations, maintenance) the policy does not filter', async () => {
    // Documents the current policy: an unset app.tenant_id means "no tenant scope".
    const r = rowsOf<{ n: number }>(await handle().db.execute(sql`select count(*)::int as n from tenants`));
    expect(r[0]?.n).toBeGreaterThanOrEqual(2);
    expect((await handle().db.select().from(products)).length).toBe(1);
  });
});
