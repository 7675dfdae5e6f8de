// The privacy requests REST API with a secret key: file a request, read its status; validation,
// the scope, another workspace's request (404) and a missing key (401).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/apikeys/service';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { insertTestShopper } from '@/lib/privacy/requests/testing';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { GET } from './[id]/route';
import { POST } from './route';

const post = (key: string | null, body: unknown) =>
  new Request('http://x/api/v1/privacy/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (key: string, id: string) =>
  GET(
    new Request(`http://x/api/v1/privacy/requests/${id}`, { headers: { authorization: `Bearer ${key}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );

describe.each(testDrivers())('privacy requests API (%s)', (driver) => {
  const h = useTestDatabase(driver);
  beforeAll(() => setTestEncryptionKeys(TEST_KEY_V1));
  afterAll(() => setTestEncryptionKeys(null));

  it('files a request and reports its status, scoped to the key and its workspace', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'dsrapi-a');
    const b = await createTestTenant(db, 'dsrapi-b');
    await insertTestShopper(db, a.ctx, { email: 'grace@example.test', externalId: 'c-7' });
    const keyA = (await createApiKey(db, a.ctx, { kind: 'secret', name: 'server' })).key;
    const keyB = (await createApiKey(db, b.ctx, { kind: 'secret', name: 'server' })).key;
    const narrow = (await createApiKey(db, a.ctx, { kind: 'secret', name: 'reader', scopes: ['data:read'] }))
      .key;

    const res = await POST(
      post(keyA, {
        kind: 'erasure',
        regulation: 'ccpa',
        identifierType: 'email',
        identifier: 'Grace@Example.test',
        contact: 'grace@example.test',
      }),
    );
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      kind: 'erasure',
      status: 'received',
      regulation: 'ccpa',
      source: 'api',
      subjectFound: true,
      overdue: false,
      verifiedAt: null,
      result: null,
    });
    expect(JSON.stringify(data)).not.toContain('grace@example.test');
    const due = new Date(String(data.dueAt)).getTime() - new Date(String(data.receivedAt)).getTime();
    expect(due).toBe(45 * 86_400_000);

    const one = await get(keyA, String(data.id));
    expect(one.status).toBe(200);
    expect(((await one.json()) as { data: { id: string } }).data.id).toBe(data.id);
    expect((await get(keyB, String(data.id))).status).toBe(404);
    expect((await get(keyA, 'not-a-uuid')).status).toBe(404);

    const invalid = await POST(
      post(keyA, { kind: 'erasure', regulation: 'eu', identifierType: 'email', identifier: 'x@y.test' }),
    );
    expect(invalid.status).toBe(422);
    const err = (await invalid.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(err.error.code).toBe('validation_failed');
    expect(err.error.fields.regulation).toEqual(['Choose gdpr, uk_gdpr or ccpa.']);
    expect((await POST(post(keyA, '{oops'))).status).toBe(400);
    expect(
      (
        await POST(
          post(narrow, {
            kind: 'access',
            regulation: 'gdpr',
            identifierType: 'email',
            identifier: 'x@y.test',
          }),
        )
      ).status,
    ).toBe(403);
    expect((await POST(post(null, {}))).status).toBe(401);
  });
});
