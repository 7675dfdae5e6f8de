// Processing requests end to end with the real engines: access export and its downloads, erasure
// with its proof, rectification (sealed), opt-out (consent + flag), and a subject we hold nothing on.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, consentState, privacyRequests, shoppers } from '@/db/schema';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { AppError } from '@/lib/errors';
import { seedErasureWorkspace, type SeededWorkspace } from '@/lib/privacy/erasure/testing';
import { lookupHash, openPii } from '@/lib/privacy/pii';
import type { ShopperExport } from '@/lib/privacy/subject-types';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { downloadRequestExport } from './export';
import { DO_NOT_SELL_FLAG, completeRequest } from './process';
import { createRequest, verifyRequest } from './service';
import { insertTestShopper } from './testing';

const DAY = 86_400_000;

async function rejects(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
}

describe.each(testDrivers())('processing privacy requests (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const db = () => h().db;
  let owner: TenantContext;
  let seeded: SeededWorkspace;

  const file = async (input: Record<string, unknown>) => {
    const r = await createRequest(db(), owner, { regulation: 'gdpr', ...input });
    await verifyRequest(db(), owner, { id: r.id, method: 'email_link' });
    return r;
  };

  beforeAll(async () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    owner = (await createTestTenant(db(), 'dsr-run')).ctx;
    seeded = await seedErasureWorkspace(db(), owner, { events: 12 });
  }, 60_000);
  afterAll(() => setTestEncryptionKeys(null));

  it('access: exports, keeps a summary, serves JSON and CSV downloads for 30 days, audited', async () => {
    const r = await file({
      kind: 'access',
      identifierType: 'external_id',
      identifier: seeded.subject.externalId,
      contact: 'reply@example.test',
    });
    const done = await completeRequest(db(), owner, { id: r.id });
    expect(done).toMatchObject({
      status: 'completed',
      shopperId: seeded.subject.id,
      contact: null,
      hasContact: false,
    });
    const sections = (done.result?.sections ?? []) as { name: string; rows: number }[];
    expect(sections.find((s) => s.name === 'events')?.rows).toBeGreaterThanOrEqual(12);

    const json = await downloadRequestExport(db(), owner, r.id, { kind: 'json' });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    const exp = JSON.parse(json.body) as ShopperExport;
    expect(exp.shopper.email).toBe(seeded.subject.email);
    const events = exp.sections.find((s) => s.name === 'events');
    expect(events?.rows.length).toBe(sections.find((s) => s.name === 'events')?.rows);
    const csv = await downloadRequestExport(db(), owner, r.id, { kind: 'csv', section: 'events' });
    expect(csv.name).toBe(`privacy-request-${r.id.slice(0, 8)}-events.csv`);
    expect(csv.body.split('\r\n').filter(Boolean).length).toBe((events?.rows.length ?? 0) + 1);
    await rejects(downloadRequestExport(db(), owner, r.id, { kind: 'csv', section: 'nope' }), 'not_found');

    const analyst = await createTestMember(db(), owner, 'analyst');
    await rejects(downloadRequestExport(db(), analyst, r.id, { kind: 'json' }), 'forbidden');
    const other = (await createTestTenant(db(), 'dsr-run-other')).ctx;
    await rejects(downloadRequestExport(db(), other, r.id, { kind: 'json' }), 'not_found');

    const downloads = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, owner.tenantId), eq(auditLog.action, 'privacy.request_export_downloaded')),
      );
    expect(downloads.map((d) => d.details.format)).toEqual(['json', 'csv']);
    expect(JSON.stringify(downloads)).not.toContain(seeded.subject.id);

    await db()
      .update(privacyRequests)
      .set({ completedAt: new Date(Date.now() - 31 * DAY) })
      .where(eq(privacyRequests.id, r.id));
    await rejects(downloadRequestExport(db(), owner, r.id, { kind: 'json' }), 'conflict', /expired/);
  });

  it('erasure: refuses before verification, then erases, keeps the proof and forgets the shopper id', async () => {
    const r = await createRequest(db(), owner, {
      kind: 'erasure',
      regulation: 'ccpa',
      identifierType: 'shopper_id',
      identifier: seeded.subject.id,
    });
    await rejects(
      completeRequest(db(), owner, { id: r.id }),
      'conflict',
      /can be completed only when verified or in progress/,
    );
    await verifyRequest(db(), owner, { id: r.id, method: 'account_login' });
    const done = await completeRequest(db(), owner, { id: r.id });
    expect(done).toMatchObject({ status: 'completed', shopperId: null });
    const result = done.result as {
      steps: { target: string; action: string; count: number }[];
      verification: { remaining: number };
    };
    expect(result.verification.remaining).toBe(0);
    expect(result.steps).toContainEqual(expect.objectContaining({ target: 'events', action: 'deleted' }));
    expect(done.history.map((e) => e.status)).toEqual(['received', 'verified', 'in_progress', 'completed']);
    const left = await db()
      .select({ id: shoppers.id })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, owner.tenantId), eq(shoppers.id, seeded.subject.id)));
    expect(left).toEqual([]);
    const survivor = await db()
      .select({ id: shoppers.id })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, owner.tenantId), eq(shoppers.id, seeded.other.id)));
    expect(survivor).toHaveLength(1);
    const [completed] = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, r.id), eq(auditLog.action, 'privacy.request_completed')));
    expect(completed?.details).toMatchObject({
      kind: 'erasure',
      subject: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    // An erasure about nobody we know completes with that as its answer.
    const nobody = await file({ kind: 'erasure', identifierType: 'email', identifier: 'ghost@example.test' });
    expect((await completeRequest(db(), owner, { id: nobody.id })).result).toMatchObject({ noSubject: true });
  });

  it('rectification writes sealed values and records field names only; opt-out withdraws advertising', async () => {
    const id = await insertTestShopper(db(), owner, {
      email: 'old@example.test',
      name: 'Old Name',
      externalId: 'r-1',
    });
    const r = await file({
      kind: 'rectification',
      identifierType: 'external_id',
      identifier: 'r-1',
      newEmail: 'New@Example.test',
      newCountry: 'at',
    });
    const done = await completeRequest(db(), owner, { id: r.id });
    expect(done.result).toEqual({
      fields: [
        { field: 'email', before: 'set', after: 'set' },
        { field: 'country', before: 'empty', after: 'set' },
      ],
    });
    const [row] = await db().select().from(shoppers).where(eq(shoppers.id, id));
    expect(await openPii(db(), owner.tenantId, row?.emailEnc ?? null)).toBe('new@example.test');
    expect(row?.emailHash).toBe(await lookupHash(db(), owner.tenantId, 'new@example.test'));
    expect(row).toMatchObject({ email: null, country: 'AT', piiKeyVersion: 1 });
    const [stored] = await db().select().from(privacyRequests).where(eq(privacyRequests.id, r.id));
    expect(JSON.stringify(stored)).not.toMatch(/new@example\.test/i);
    expect(stored?.details).not.toHaveProperty('changesEnc');

    const o = await file({
      kind: 'opt_out',
      regulation: 'ccpa',
      identifierType: 'shopper_id',
      identifier: id,
    });
    const opted = await completeRequest(db(), owner, { id: o.id });
    expect(opted.result).toEqual({ consent: { advertising: false }, doNotSellOrShare: true });
    const consent = await db()
      .select({ purpose: consentState.purpose, granted: consentState.granted, source: consentState.source })
      .from(consentState)
      .where(and(eq(consentState.tenantId, owner.tenantId), eq(consentState.shopperId, id)));
    expect(consent).toEqual([{ purpose: 'advertising', granted: false, source: 'request' }]);
    const [flagged] = await db().select({ a: shoppers.attributes }).from(shoppers).where(eq(shoppers.id, id));
    expect(flagged?.a[DO_NOT_SELL_FLAG]).toBe(true);
  });
});
