// The segments REST API with a secret key: list with sizes, one segment, members CSV; another
// workspace's segment is 404 and a missing key 401.
import { describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/apikeys/service';
import { createSegment } from '@/lib/segments/service';
import { seedShoppers } from '@/lib/segments/testing/seed';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { GET as getOne } from './[id]/route';
import { GET as getCsv } from './[id]/members.csv/route';
import { GET as list } from './route';

const req = (path: string, key: string | null) =>
  new Request(`http://x/api/v1/segments${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(testDrivers())('segments API (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('lists, reads and exports with a secret key, scoped to its workspace', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'segapi-a');
    const b = await createTestTenant(db, 'segapi-b');
    await seedShoppers(db, a.ctx.tenantId, [{ country: 'DE', name: '@risky' }, { country: 'FR' }]);
    const s = await createSegment(db, a.ctx, {
      name: 'Germany',
      rules: { conditions: [{ field: 'country', op: 'eq', value: 'DE' }] },
    });
    const keyA = (await createApiKey(db, a.ctx, { kind: 'secret', name: 'server' })).key;
    const keyB = (await createApiKey(db, b.ctx, { kind: 'secret', name: 'server' })).key;

    const all = await list(req('', keyA));
    expect(all.status).toBe(200);
    const body = (await all.json()) as { data: { id: string; name: string; size: number; kind: string }[] };
    expect(body.data).toEqual([
      expect.objectContaining({ id: s.id, name: 'Germany', size: 1, kind: 'rules' }),
    ]);

    const one = await getOne(req(`/${s.id}`, keyA), params(s.id));
    expect(((await one.json()) as { data: { size: number } }).data.size).toBe(1);

    const csv = await getCsv(req(`/${s.id}/members.csv`, keyA), params(s.id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="germany-members.csv"');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'@risky,");

    expect((await getOne(req(`/${s.id}`, keyB), params(s.id))).status).toBe(404);
    expect((await getCsv(req(`/${s.id}/members.csv`, keyB), params(s.id))).status).toBe(404);
    expect(((await (await list(req('', keyB))).json()) as { data: unknown[] }).data).toEqual([]);
    expect((await list(req('', null))).status).toBe(401);
  });
});
