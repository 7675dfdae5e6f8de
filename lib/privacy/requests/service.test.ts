// The request workflow without the engines: intake (subject lookup by hash, sealed contact, due
// dates), the state machine and its errors, permissions, audit by pseudonym, tenant isolation.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, privacyRequests } from '@/db/schema';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { AppError } from '@/lib/errors';
import { pseudonymOf } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import {
  createRequest,
  getRequest,
  listRequests,
  rejectRequest,
  startRequest,
  verifyRequest,
} from './service';
import { insertTestShopper } from './testing';

const DAY = 86_400_000;

async function expectError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
  return e as AppError;
}

describe.each(testDrivers())('privacy requests workflow (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const db = () => h().db;
  let owner: TenantContext;
  let shopperId: string;

  beforeAll(async () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    owner = (await createTestTenant(db(), 'dsr')).ctx;
    shopperId = await insertTestShopper(db(), owner, {
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      externalId: '2001',
    });
  });
  afterAll(() => setTestEncryptionKeys(null));

  it('finds the subject by email hash, external id or shopper id; seals the contact; sets the due date', async () => {
    const byEmail = await createRequest(db(), owner, {
      kind: 'access',
      regulation: 'gdpr',
      identifierType: 'email',
      identifier: '  ADA@example.test ',
      contact: 'ada.private@example.test',
      note: 'Asked by email',
    });
    expect(byEmail).toMatchObject({
      status: 'received',
      shopperId,
      source: 'dashboard',
      contact: 'ada.private@example.test',
      hasContact: true,
      urgency: 'on_track',
    });
    expect(byEmail.dueAt.getTime() - byEmail.createdAt.getTime()).toBe(30 * DAY);
    const [raw] = await db().select().from(privacyRequests).where(eq(privacyRequests.id, byEmail.id));
    expect(raw?.contactEnc).toMatch(/^f1:/);
    expect(JSON.stringify(raw)).not.toContain('ada.private@example.test');

    const byExternal = await createRequest(db(), owner, {
      kind: 'opt_out',
      regulation: 'ccpa',
      identifierType: 'external_id',
      identifier: '2001',
    });
    expect(byExternal.shopperId).toBe(shopperId);
    expect(byExternal.dueAt.getTime() - byExternal.createdAt.getTime()).toBe(45 * DAY);
    const byId = await createRequest(db(), owner, {
      kind: 'erasure',
      regulation: 'uk_gdpr',
      identifierType: 'shopper_id',
      identifier: shopperId,
    });
    expect(byId.shopperId).toBe(shopperId);
    const unknown = await createRequest(db(), owner, {
      kind: 'erasure',
      regulation: 'gdpr',
      identifierType: 'email',
      identifier: 'nobody@example.test',
    });
    expect(unknown).toMatchObject({ shopperId: null, details: { subjectFound: false } });
    // Same identifier → same subject hash; different identifiers → different hashes.
    expect(unknown.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    expect(unknown.subjectHash).not.toBe(byEmail.subjectHash);

    const audit = await db()
      .select({ details: auditLog.details, targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, owner.tenantId), eq(auditLog.action, 'privacy.request_created')));
    expect(audit).toHaveLength(4);
    const pseudonym = await pseudonymOf(db(), owner.tenantId, shopperId);
    expect(audit.find((a) => a.targetId === byEmail.id)?.details).toMatchObject({
      kind: 'access',
      source: 'dashboard',
      subject: pseudonym,
    });
    expect(JSON.stringify(audit)).not.toContain(shopperId);
  });

  it('validates the form with clear messages', async () => {
    const e = await expectError(
      createRequest(db(), owner, {
        kind: 'delete',
        regulation: 'gdpr',
        identifierType: 'email',
        identifier: 'x',
      }),
      'validation_failed',
    );
    expect(e.fieldErrors?.kind).toEqual(['Choose access, erasure, rectification or opt_out.']);
    const email = await expectError(
      createRequest(db(), owner, {
        kind: 'access',
        regulation: 'gdpr',
        identifierType: 'email',
        identifier: 'x',
      }),
      'validation_failed',
    );
    expect(email.fieldErrors?.identifier).toEqual(['Enter a valid email address.']);
    const rect = await expectError(
      createRequest(db(), owner, {
        kind: 'rectification',
        regulation: 'gdpr',
        identifierType: 'shopper_id',
        identifier: shopperId,
        newEmail: '',
        newCountry: '',
      }),
      'validation_failed',
    );
    expect(rect.fieldErrors?.changes).toEqual(['Enter at least one corrected value.']);
    const badId = await expectError(
      createRequest(db(), owner, {
        kind: 'access',
        regulation: 'ccpa',
        identifierType: 'shopper_id',
        identifier: '42',
      }),
      'validation_failed',
    );
    expect(badId.fieldErrors?.identifier).toEqual(['A shopper id is a UUID.']);
  });

  it('moves received → verified → in progress, rejects with a reason, refuses illegal steps', async () => {
    const r = await createRequest(db(), owner, {
      kind: 'rectification',
      regulation: 'gdpr',
      identifierType: 'external_id',
      identifier: '2001',
      newCountry: 'fr',
      contact: 'ada@example.test',
    });
    expect(r.details).toMatchObject({ changeFields: ['country'] });
    expect(r.details).not.toHaveProperty('changesEnc');
    await expectError(
      startRequest(db(), owner, { id: r.id }),
      'conflict',
      /is received; it can be started only when verified/,
    );
    await expectError(verifyRequest(db(), owner, { id: r.id, method: 'telepathy' }), 'validation_failed');
    const v = await verifyRequest(db(), owner, {
      id: r.id,
      method: 'order_match',
      note: 'Order #1001 matched',
    });
    expect(v.status).toBe('verified');
    expect(v.verification).toMatchObject({
      method: 'order_match',
      note: 'Order #1001 matched',
      by: owner.actorLabel,
    });
    expect(v.verifiedAt).toBeInstanceOf(Date);
    await expectError(verifyRequest(db(), owner, { id: r.id, method: 'manual' }), 'conflict', /is verified/);
    const s = await startRequest(db(), owner, { id: r.id });
    expect(s.status).toBe('in_progress');
    const noReason = await expectError(
      rejectRequest(db(), owner, { id: r.id, reason: ' ' }),
      'validation_failed',
    );
    expect(noReason.fieldErrors?.reason).toEqual(['Give the reason for the rejection.']);
    const rej = await rejectRequest(db(), owner, { id: r.id, reason: 'Identity could not be confirmed' });
    expect(rej).toMatchObject({
      status: 'rejected',
      rejectedReason: 'Identity could not be confirmed',
      contact: null,
      hasContact: false,
      urgency: 'closed',
    });
    expect(rej.completedAt).toBeInstanceOf(Date);
    expect(rej.history.map((e) => e.status)).toEqual(['received', 'verified', 'in_progress', 'rejected']);
    const [raw] = await db().select().from(privacyRequests).where(eq(privacyRequests.id, r.id));
    expect(raw?.contactEnc).toBeNull();
    expect(raw?.details).not.toHaveProperty('changesEnc');
    await expectError(rejectRequest(db(), owner, { id: r.id, reason: 'again' }), 'conflict', /is rejected/);
    const actions = (
      await db()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, owner.tenantId), eq(auditLog.targetId, r.id)))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(actions).toEqual([
      'privacy.request_created',
      'privacy.request_verified',
      'privacy.request_started',
      'privacy.request_rejected',
    ]);
  });

  it('lists by urgency and filters; analysts read, only managers act; viewers see nothing', async () => {
    const late = await createRequest(db(), owner, {
      kind: 'access',
      regulation: 'gdpr',
      identifierType: 'email',
      identifier: 'late@example.test',
    });
    await db()
      .update(privacyRequests)
      .set({ dueAt: new Date(Date.now() - DAY) })
      .where(eq(privacyRequests.id, late.id));
    const all = await listRequests(db(), owner);
    expect(all[0]).toMatchObject({ id: late.id, urgency: 'overdue' });
    expect(all.at(-1)?.urgency).toBe('closed');
    const optOuts = await listRequests(db(), owner, { kind: 'opt_out' });
    expect(optOuts.map((r) => r.kind)).toEqual(['opt_out']);
    expect((await listRequests(db(), owner, { status: 'rejected' })).map((r) => r.status)).toEqual([
      'rejected',
    ]);
    await expectError(listRequests(db(), owner, { status: 'lost' }), 'validation_failed');

    const analyst = await createTestMember(db(), owner, 'analyst');
    const seen = await getRequest(db(), analyst, late.id);
    expect(seen?.id).toBe(late.id);
    await expectError(verifyRequest(db(), analyst, { id: late.id, method: 'manual' }), 'forbidden');
    await expectError(
      createRequest(db(), analyst, {
        kind: 'access',
        regulation: 'gdpr',
        identifierType: 'email',
        identifier: 'a@b.test',
      }),
      'forbidden',
    );
    const viewer = await createTestMember(db(), owner, 'viewer');
    await expectError(listRequests(db(), viewer), 'forbidden');
  });

  it("treats another workspace's request as not found", async () => {
    const other = (await createTestTenant(db(), 'dsr-other')).ctx;
    const mine = await createRequest(db(), owner, {
      kind: 'access',
      regulation: 'gdpr',
      identifierType: 'shopper_id',
      identifier: shopperId,
    });
    expect(await getRequest(db(), other, mine.id)).toBeNull();
    await expectError(verifyRequest(db(), other, { id: mine.id, method: 'manual' }), 'not_found');
    await expectError(rejectRequest(db(), other, { id: mine.id, reason: 'not mine' }), 'not_found');
    expect(await listRequests(db(), other)).toEqual([]);
    // Its subject is not found from another workspace either.
    const foreign = await createRequest(db(), other, {
      kind: 'access',
      regulation: 'gdpr',
      identifierType: 'shopper_id',
      identifier: shopperId,
    });
    expect(foreign.shopperId).toBeNull();
    expect(await getRequest(db(), owner, mine.id)).toMatchObject({ status: 'received' });
  });
});
