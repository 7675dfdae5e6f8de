// Placements through the services and the form actions: validation with field messages, unique
// keys, locales, permissions, audit and tenant isolation. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, tenants } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import {
  createPlacement,
  deletePlacement,
  ensureDefaultPlacements,
  getPlacement,
  listPlacements,
  setPlacementStatus,
  updatePlacement,
} from './service';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { createPlacementAction } = await import('./actions');

const body = (over: Record<string, unknown> = {}) => ({
  key: 'home-for-you',
  name: 'Home',
  scenario: 'for_you',
  count: 8,
  titles: { en: 'Picked for you' },
  ...over,
});

describe.each(testDrivers())('placements (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  beforeEach(() => {
    session.user = null;
  });

  it('creates, reads by id or key, updates, pauses and deletes, auditing each write', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-crud');
    const p = await createPlacement(db(), ctx, body({ rules: { excludeBrands: ['Acme'] } }));
    expect(p).toMatchObject({ key: 'home-for-you', scenario: 'for_you', count: 8, status: 'active' });
    expect(p.rules.excludeOutOfStock).toBe(true);
    expect(p.rules.excludeBrands).toEqual(['Acme']);
    expect((await getPlacement(db(), ctx, p.id))?.key).toBe('home-for-you');
    expect((await getPlacement(db(), ctx, 'home-for-you'))?.id).toBe(p.id);

    const u = await updatePlacement(
      db(),
      ctx,
      p.id,
      body({ key: 'home-picks', count: '12', rules: { excludeBrands: ['Acme'] } }),
    );
    expect(u).toMatchObject({ key: 'home-picks', count: 12 });
    expect((await setPlacementStatus(db(), ctx, { id: p.id, status: 'paused' })).status).toBe('paused');
    expect((await setPlacementStatus(db(), ctx, { id: p.id, status: 'active' })).status).toBe('active');
    await deletePlacement(db(), ctx, { id: p.id });
    expect(await listPlacements(db(), ctx)).toEqual([]);

    const actions = await db()
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.targetId, p.id)))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual([
      'placement.created',
      'placement.updated',
      'placement.paused',
      'placement.resumed',
      'placement.deleted',
    ]);
    expect(actions[1]?.details).toMatchObject({ changed: ['key', 'count'], previousKey: 'home-for-you' });
  });

  it('stores the widget layout (grid by default) and changes it on update', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-layout');
    const p = await createPlacement(db(), ctx, body());
    expect(p.layout).toBe('grid');
    const u = await updatePlacement(db(), ctx, p.id, body({ layout: 'carousel' }));
    expect(u.layout).toBe('carousel');
    expect((await getPlacement(db(), ctx, p.id))?.layout).toBe('carousel');
    const list = await createPlacement(db(), ctx, body({ key: 'cart-list', layout: 'list' }));
    expect(list.layout).toBe('list');
    await expect(
      createPlacement(db(), ctx, body({ key: 'bad-layout', layout: 'masonry' })),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { layout: ['Choose grid, carousel or list.'] },
    });
  });

  it('rejects bad keys, scenarios, counts and rules with field messages', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-val');
    for (const key of ['A', 'Home For You', 'home--you', '-home', 'x'.repeat(61)])
      await expect(createPlacement(db(), ctx, body({ key }))).rejects.toMatchObject({
        code: 'validation_failed',
        fieldErrors: { key: [expect.any(String)] },
      });
    await expect(
      createPlacement(
        db(),
        ctx,
        body({ scenario: 'magic', count: 51, rules: { priceRange: { minMinor: 500, maxMinor: 100 } } }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: {
        scenario: ['Choose one of the scenarios.'],
        count: ['Show at most 50 products.'],
        'rules.priceRange.maxMinor': ['The minimum price must not be above the maximum price.'],
      },
    });
    await expect(createPlacement(db(), ctx, body({ count: 0 }))).rejects.toMatchObject({
      fieldErrors: { count: ['Show at least 1 product.'] },
    });
  });

  it('says a key is already used, on the key field, per workspace only', async () => {
    const a = await createTestTenant(db(), 'pl-key-a');
    const b = await createTestTenant(db(), 'pl-key-b');
    const first = await createPlacement(db(), a.ctx, body());
    await expect(createPlacement(db(), a.ctx, body({ name: 'Other' }))).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { key: ['This key is already used by another placement.'] },
    });
    const second = await createPlacement(db(), a.ctx, body({ key: 'other' }));
    await expect(updatePlacement(db(), a.ctx, second.id, body())).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { key: ['This key is already used by another placement.'] },
    });
    // Another workspace may use the same key.
    expect((await createPlacement(db(), b.ctx, body())).id).not.toBe(first.id);
  });

  it('accepts titles only in the workspace languages', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-loc');
    await db()
      .update(tenants)
      .set({ supportedLocales: ['en', 'de'] })
      .where(eq(tenants.id, ctx.tenantId));
    const p = await createPlacement(db(), ctx, body({ titles: { en: 'For you', de: 'Für dich', fr: '' } }));
    expect(p.titles).toEqual({ en: 'For you', de: 'Für dich' });
    await expect(
      createPlacement(db(), ctx, body({ key: 'x1', titles: { fr: 'Pour vous' } })),
    ).rejects.toMatchObject({
      fieldErrors: { 'titles.fr': ['This workspace does not use the language “fr”.'] },
    });
  });

  it('hides another workspace’s placements and refuses to change them', async () => {
    const a = await createTestTenant(db(), 'pl-iso-a');
    const b = await createTestTenant(db(), 'pl-iso-b');
    const p = await createPlacement(db(), a.ctx, body());
    expect(await getPlacement(db(), b.ctx, p.id)).toBeNull();
    expect(await getPlacement(db(), b.ctx, p.key)).toBeNull();
    expect(await listPlacements(db(), b.ctx)).toEqual([]);
    const nf = { code: 'not_found' };
    await expect(updatePlacement(db(), b.ctx, p.id, body({ key: 'stolen' }))).rejects.toMatchObject(nf);
    await expect(setPlacementStatus(db(), b.ctx, { id: p.id, status: 'paused' })).rejects.toMatchObject(nf);
    await expect(deletePlacement(db(), b.ctx, { id: p.id })).rejects.toMatchObject(nf);
    expect(await getPlacement(db(), a.ctx, p.id)).toMatchObject({ key: 'home-for-you', status: 'active' });
  });

  it('lets marketers manage placements, viewers and analysts only read them', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-perm');
    const marketer = await createTestMember(db(), ctx, 'marketer');
    const analyst = await createTestMember(db(), ctx, 'analyst');
    const p = await createPlacement(db(), marketer, body());
    expect((await listPlacements(db(), analyst)).map((x) => x.id)).toEqual([p.id]);
    await expect(createPlacement(db(), analyst, body({ key: 'x2' }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(deletePlacement(db(), analyst, { id: p.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('creates the default placements once, with titles in the workspace languages', async () => {
    const { ctx } = await createTestTenant(db(), 'pl-def');
    await db()
      .update(tenants)
      .set({ supportedLocales: ['en', 'de'] })
      .where(eq(tenants.id, ctx.tenantId));
    const created = await ensureDefaultPlacements(db(), ctx);
    expect(created.map((p) => [p.key, p.scenario, p.count])).toEqual([
      ['home-for-you', 'for_you', 8],
      ['product-similar', 'similar', 8],
      ['cart-bought-together', 'bought_together', 4],
      ['trending', 'trending', 8],
      ['buy-again', 'buy_again', 8],
    ]);
    expect(created[0]?.titles).toEqual({ en: 'Picked for you', de: 'Für dich ausgewählt' });
    expect(await ensureDefaultPlacements(db(), ctx)).toEqual([]);
    expect(await listPlacements(db(), ctx)).toHaveLength(5);
  });

  it('saves the placement form: dotted fields, checkboxes, line lists, prices in major units', async () => {
    const owner = await createTestTenant(db(), 'pl-form');
    session.user = { id: owner.userId, email: owner.email } as SessionUser;
    const fd = new FormData();
    const fields: [string, string][] = [
      ['tenant', owner.slug],
      ['key', 'cart-extras'],
      ['name', 'Cart extras'],
      ['scenario', 'bought_together'],
      ['count', '4'],
      ['titles.en', 'Goes well with'],
      ['rules.excludePurchased.enabled', 'on'],
      ['rules.excludePurchased.repurchaseWindowDays', '30'],
      ['rules.includeCategories', 'Apparel / Shirts\n\nHome'],
      ['rules.excludeBrands', 'Acme\nGlobex'],
      ['priceMin', '12,50'],
      ['priceMax', ''],
      ['rules.boosts.0.attribute', 'brand'],
      ['rules.boosts.0.equals', 'Initech'],
      ['rules.boosts.0.factor', '1.5'],
      ['rules.boosts.1.attribute', ''],
      ['rules.boosts.1.equals', ''],
      ['rules.boosts.1.factor', ''],
      ['rules.pins.0.productId', 'p-1'],
      ['rules.pins.0.position', '2'],
      ['rules.diversity.maxPerBrand', '2'],
      ['rules.diversity.mmrLambda', '0.7'],
    ];
    for (const [k, v] of fields) fd.append(k, v);
    const r = await createPlacementAction(null, fd);
    expect(r).toMatchObject({ ok: true, data: { key: 'cart-extras' } });
    const p = await getPlacement(db(), owner.ctx, 'cart-extras');
    expect(p?.rules).toMatchObject({
      excludeOutOfStock: false,
      excludePurchased: { enabled: true, repurchaseWindowDays: 30 },
      includeCategories: [['Apparel', 'Shirts'], ['Home']],
      excludeBrands: ['Acme', 'Globex'],
      priceRange: { minMinor: 1250 },
      boosts: [{ attribute: 'brand', equals: 'Initech', factor: 1.5 }],
      pins: [{ productId: 'p-1', position: 2 }],
      diversity: { maxPerBrand: 2, mmrLambda: 0.7 },
      newOnly: false,
    });

    fd.set('key', 'cart-extras-2');
    fd.set('priceMin', 'cheap');
    fd.set('rules.boosts.0.factor', '1');
    const bad = await createPlacementAction(null, fd);
    expect(bad).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: {
        'rules.priceRange.minMinor': ['Enter a price such as 12.50 (EUR).'],
        'rules.boosts.0.factor': [expect.stringContaining('A factor of 1 changes nothing')],
      },
    });
  });
});
