import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { shopperCache } from '@/lib/events/shopper-cache';
import { getServingModel } from '@/lib/recommend/serve/registry';
import { deserializeArtefact } from '@/lib/recommend/train/artefact';
import type { ModelArtefact } from '@/lib/recommend/train/model-artefact';
import { inviteMember } from '@/lib/members/service';
import { isSegmentMember } from '@/lib/segments/membership';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { scanForShopper } from './scan';
import { ErasureIncompleteError, eraseShopper } from './service';
import { seedErasureWorkspace } from './testing';
import { count, footprint, independentScan, lineTotals, needlesOf, orderTotals } from './testing-scan';

describe.each(testDrivers())('erasure reaches everything (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('erases one shopper from every table and model, keeps the accounts, and leaves others untouched', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'erase');
    const b = await createTestTenant(db, 'erase-other');
    const w = await seedErasureWorkspace(db, a.ctx);
    const wb = await seedErasureWorkspace(db, b.ctx, { tag: 'same-tag-in-b' });
    shopperCache.setCustomer(a.ctx.tenantId, w.subject.externalId, w.subject.id);
    shopperCache.setAnonymous(a.ctx.tenantId, w.subject.anonymousId, {
      shopperId: w.subject.id,
      linked: true,
    });
    shopperCache.setCustomer(a.ctx.tenantId, w.other.externalId, w.other.id);

    // Before: the independent scan and the service's scan both see the shopper in many places.
    const before = await independentScan(db, a.ctx.tenantId, needlesOf(w.subject));
    for (const table of [
      'shoppers.',
      'events.',
      'orders.',
      'shopper_profiles.',
      'shopper_scores.',
      'consent_records.',
      'consent_state.',
      'identity_links.',
      'webhook_deliveries.',
      'import_rejections.',
      'jobs.',
      'imports.',
      'privacy_requests.',
      'recommend_models.artefact',
    ])
      expect(
        before.some((f) => f.startsWith(table)),
        table,
      ).toBe(true);
    const serviceBefore = await scanForShopper(db, a.ctx, [
      w.subject.id,
      w.subject.externalId,
      w.subject.email,
    ]);
    expect(serviceBefore.map((x) => x.table)).toEqual(
      expect.arrayContaining(['events', 'orders', 'recommend_models']),
    );

    // Serving caches warmed with the shopper in them.
    expect(await isSegmentMember(db, a.ctx.tenantId, w.segmentId, w.subject.id)).toBe(true);
    expect((await getServingModel(db, a.ctx.tenantId))?.shopperIndex.has(w.subject.id)).toBe(true);

    const otherBefore = await footprint(db, a.ctx.tenantId, w.other);
    const tenantBBefore = await footprint(db, b.ctx.tenantId, wb.subject);
    const totals = [await orderTotals(db, a.ctx.tenantId), await lineTotals(db, a.ctx.tenantId)];
    const ordersBefore = await count(
      db,
      sql`select count(*)::int as n from orders where tenant_id = ${a.ctx.tenantId}::uuid`,
    );

    const report = await eraseShopper(db, a.ctx, w.subject.id);

    // After: nothing anywhere points to the shopper, by a scan that does not share the erasure's code.
    expect(await independentScan(db, a.ctx.tenantId, needlesOf(w.subject))).toEqual([]);
    expect(report.verification.remaining).toBe(0);
    expect(report.verification.tablesScanned).toBeGreaterThan(30);
    expect(report.subject).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.stringify(report)).not.toContain(w.subject.id);
    const step = (target: string, action: string) =>
      report.steps.find((s) => s.target === target && s.action === action)?.count;
    expect(step('events', 'deleted')).toBe(32); // 30 + the identifier-less one of its session + the visitor's
    expect(step('orders', 'anonymized')).toBe(2);
    expect(step('shoppers', 'deleted')).toBe(2); // the customer and its stitched visitor
    expect(step('shopper_profiles', 'deleted')).toBe(1);
    expect(step('shopper_scores', 'deleted')).toBe(1);
    expect(step('consent_records', 'deleted')).toBe(6);
    expect(step('consent_state', 'deleted')).toBe(3);
    expect(step('identity_links', 'deleted')).toBe(1);
    expect(step('recommend_model', 'scrubbed')).toBe(1);
    expect(step('recommend_model', 'retrain_queued')).toBe(1);
    expect(step('prediction_models', 'flagged')).toBe(1);
    expect(step('webhook_deliveries', 'deleted')).toBe(1);
    expect(step('import_rejections', 'deleted')).toBe(1);
    expect(step('privacy_requests', 'anonymized')).toBe(1);
    expect(step('jobs', 'anonymized')).toBe(1);
    expect(step('cache:events_identity', 'invalidated')).toBe(1);
    expect(new Set(report.steps.map((s) => `${s.target}/${s.action}`)).size).toBe(report.steps.length);

    // Accounting: every order row and line kept with unchanged totals; the subject's orders anonymous.
    expect(
      await count(db, sql`select count(*)::int as n from orders where tenant_id = ${a.ctx.tenantId}::uuid`),
    ).toBe(ordersBefore);
    expect([await orderTotals(db, a.ctx.tenantId), await lineTotals(db, a.ctx.tenantId)]).toEqual(totals);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from orders where tenant_id = ${a.ctx.tenantId}::uuid and shopper_id is null and country is null and external_id like ${`order-${w.subject.sessionId.slice(5, -5)}-%`}`,
      ),
    ).toBe(2);

    // The other shopper and the other workspace: exactly as before.
    expect(await footprint(db, a.ctx.tenantId, w.other)).toEqual(otherBefore);
    expect(await footprint(db, b.ctx.tenantId, wb.subject)).toEqual(tenantBBefore);

    // The model: same version, the subject blanked with an empty history, the other shopper intact.
    const [m] = rowsOf<{ artefact: Uint8Array; version: number; live: boolean }>(
      await db.execute(
        sql`select artefact, version, live from recommend_models where tenant_id = ${a.ctx.tenantId}::uuid`,
      ),
    );
    const art = deserializeArtefact<ModelArtefact>(new Uint8Array(m!.artefact));
    expect([m!.version, m!.live]).toEqual([1, true]);
    expect(art.shopperIds).toEqual(['', w.other.id, '']);
    expect(art.history.ptr[1]! - art.history.ptr[0]!).toBe(0);
    expect(art.history.ptr[2]! - art.history.ptr[1]!).toBe(3);
    expect(Array.from(art.buyAgain.ptr)).toEqual([0, 0, 1, 1]);
    expect(art.shopperCountry[0]).toBe(-1);

    // Retraining queued for both model families; caches forget the shopper, not the others.
    const queued = rowsOf<{ type: string }>(
      await db.execute(
        sql`select type from jobs where tenant_id = ${a.ctx.tenantId}::uuid and status = 'queued' order by type`,
      ),
    ).map((r) => r.type);
    expect(queued).toEqual(expect.arrayContaining(['predict.train', 'recommend.train']));
    expect(shopperCache.customer(a.ctx.tenantId, w.subject.externalId)).toBeUndefined();
    expect(shopperCache.anonymous(a.ctx.tenantId, w.subject.anonymousId)).toBeUndefined();
    expect(shopperCache.customer(a.ctx.tenantId, w.other.externalId)).toBe(w.other.id);
    expect(await isSegmentMember(db, a.ctx.tenantId, w.segmentId, w.subject.id)).toBe(false);
    expect(await isSegmentMember(db, a.ctx.tenantId, w.segmentId, w.other.id)).toBe(true);
    const served = await getServingModel(db, a.ctx.tenantId);
    expect(served?.shopperIndex.has(w.subject.id)).toBe(false);
    expect(served?.shopperIndex.has(w.other.id)).toBe(true);

    // The erasure is audited by pseudonym; a second erasure of the same id finds nothing.
    const audit = rowsOf<{ target_id: string }>(
      await db.execute(
        sql`select target_id from audit_log where tenant_id = ${a.ctx.tenantId}::uuid and action = 'privacy.shopper_erased'`,
      ),
    );
    expect(audit.map((x) => x.target_id)).toEqual([report.subject]);
    await expect(eraseShopper(db, a.ctx, w.subject.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('treats another workspace’s shopper as not found', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'erase-a');
    const b = await createTestTenant(db, 'erase-b');
    const wb = await seedErasureWorkspace(db, b.ctx);
    await expect(eraseShopper(db, a.ctx, wb.subject.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(eraseShopper(db, a.ctx, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    expect(await footprint(db, b.ctx.tenantId, wb.subject)).toMatchObject({
      shoppers: 1,
      events: 30,
      orders: 2,
    });
  });

  it('covers a table added later: its shopper_id rows are erased, its free text is scanned', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'erase-new-table');
    const w = await seedErasureWorkspace(db, a.ctx);
    await db.execute(
      sql`create table if not exists loyalty_points (tenant_id uuid not null, shopper_id uuid, points int, note text)`,
    );
    await db.execute(sql`insert into loyalty_points values (${a.ctx.tenantId}::uuid, ${w.subject.id}::uuid, 10, 'welcome'),
      (${a.ctx.tenantId}::uuid, ${w.other.id}::uuid, 20, 'welcome')`);
    const report = await eraseShopper(db, a.ctx, w.subject.id);
    expect(report.steps).toContainEqual({ target: 'loyalty_points', action: 'deleted', count: 1 });
    expect(
      await count(
        db,
        sql`select count(*)::int as n from loyalty_points where shopper_id = ${w.other.id}::uuid`,
      ),
    ).toBe(1);

    // The same new table holding the other shopper's email in free text: the scan refuses.
    await db.execute(
      sql`insert into loyalty_points values (${a.ctx.tenantId}::uuid, null, 0, ${`referred by ${w.other.email}`})`,
    );
    await expect(eraseShopper(db, a.ctx, w.other.id)).rejects.toThrow(/loyalty_points\.note \(1\)/);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from loyalty_points where shopper_id = ${w.other.id}::uuid`,
      ),
    ).toBe(1);
  });

  it('does not mistake a same-numbered order or product, or a staff invitation, for the shopper', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'erase-short-id');
    const w = await seedErasureWorkspace(db, a.ctx);
    const t = a.ctx.tenantId;
    await db.execute(
      sql`update shoppers set external_id = '42' where tenant_id = ${t}::uuid and id = ${w.subject.id}::uuid`,
    );
    await db.execute(sql`update orders set external_id = '42' where tenant_id = ${t}::uuid and id =
      (select id from orders where tenant_id = ${t}::uuid and shopper_id = ${w.other.id}::uuid limit 1)`);
    await db.execute(
      sql`update products set external_id = '42' where tenant_id = ${t}::uuid and id = ${w.productIds[1]!}::uuid`,
    );
    // The shopper is also invited as a team member: the staff invitation is not shopper data.
    await inviteMember(db, a.ctx, { email: w.subject.email, role: 'analyst' }, 'http://app.test');
    const report = await eraseShopper(db, a.ctx, w.subject.id);
    expect(report.verification.remaining).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from invitations where tenant_id = ${t}::uuid and email = ${w.subject.email}`,
      ),
    ).toBe(1);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from orders where tenant_id = ${t}::uuid and external_id = '42' and shopper_id = ${w.other.id}::uuid`,
      ),
    ).toBe(1);
    // A whole-value mention elsewhere still counts: a segment named like the customer "43".
    await db.execute(
      sql`update shoppers set external_id = '43' where tenant_id = ${t}::uuid and id = ${w.other.id}::uuid`,
    );
    await db.execute(
      sql`insert into segments (tenant_id, name, rules) values (${t}::uuid, '43', '{}'::jsonb)`,
    );
    await expect(eraseShopper(db, a.ctx, w.other.id)).rejects.toThrow(/segments\.name \(1\)/);
  });

  it('rolls everything back and names the table when the scan still finds the shopper', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'erase-leak');
    const w = await seedErasureWorkspace(db, a.ctx);
    // A place no erasure rule knows about: a segment description quoting the shopper's email.
    await db.execute(
      sql`update segments set description = ${`VIP list, ask ${w.subject.email}`} where tenant_id = ${a.ctx.tenantId}::uuid`,
    );
    const error = await eraseShopper(db, a.ctx, w.subject.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErasureIncompleteError);
    expect((error as Error).message).toContain('segments.description');
    expect((error as Error).message).not.toContain(w.subject.email);
    expect(await footprint(db, a.ctx.tenantId, w.subject)).toMatchObject({
      shoppers: 1,
      events: 30,
      orders: 2,
      profiles: 1,
    });

    // The audit log cannot be cleaned (append-only): an entry naming the shopper by id blocks too.
    await db.execute(sql`update segments set description = null where tenant_id = ${a.ctx.tenantId}::uuid`);
    await recordAudit(db, a.ctx, { action: 'shopper.viewed', targetType: 'shopper', targetId: w.subject.id });
    await expect(eraseShopper(db, a.ctx, w.subject.id)).rejects.toThrow(/audit_log\.target_id \(1\)/);
  });
});
