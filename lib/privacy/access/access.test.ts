import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedErasureWorkspace } from '@/lib/privacy/erasure/testing';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { ShopperExport } from '../subject-types';
import { exportToCsvFiles } from './csv';
import { EXPORT_COLUMNS, exportShopper } from './service';

describe('exportToCsvFiles', () => {
  const exp: ShopperExport = {
    generatedAt: '2026-01-01T00:00:00.000Z',
    workspace: { slug: 'shop', name: 'Shop' },
    shopper: { id: 's1', name: '=HYPERLINK("http://evil","x")', email: '@SUM(A1)' },
    sections: [
      {
        name: 'events',
        columns: ['event_id', 'query', 'context', 'quantity', 'ok'],
        rows: [
          { event_id: 'e1', query: '+1, "quoted"\nline', context: { a: [1, 2] }, quantity: -3, ok: true },
        ],
      },
      { name: 'consent records!', columns: ['purpose'], rows: [] },
    ],
  };

  it('writes one file per section, neutralizes formulas, quotes and keeps JSON as text', () => {
    const files = exportToCsvFiles(exp);
    expect(files.map((f) => f.name)).toEqual(['shopper.csv', 'events.csv', 'consent_records_.csv']);
    const [shopper, events, consent] = files.map((f) => f.csv);
    expect(shopper).toBe('\uFEFFid,name,email\r\ns1,"\'=HYPERLINK(""http://evil"",""x"")",\'@SUM(A1)\r\n');
    expect(events).toBe(
      '\uFEFFevent_id,query,context,quantity,ok\r\ne1,"\'+1, ""quoted""\nline","{""a"":[1,2]}",-3,true\r\n',
    );
    expect(consent).toBe('\uFEFFpurpose\r\n');
  });
});

describe.each(testDrivers())('exportShopper (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('exports everything about the shopper, decrypted, in stable sections, and nothing about others', async () => {
    const { db } = h();
    const { ctx } = await createTestTenant(db, 'access');
    const w = await seedErasureWorkspace(db, ctx);
    const exp = await exportShopper(db, ctx, w.subject.id);

    expect(exp.workspace.slug).toBe(ctx.slug);
    expect(exp.shopper).toMatchObject({
      id: w.subject.id,
      email: w.subject.email,
      name: w.subject.name,
      external_id: w.subject.externalId,
    });
    expect(Object.keys(exp.shopper)).toEqual([...EXPORT_COLUMNS.shopper]);
    expect(exp.sections.map((s) => s.name)).toEqual([
      'profile',
      'events',
      'orders',
      'order_lines',
      'consent_records',
      'consent_state',
      'segments',
      'predictions',
      'identity_links',
    ]);
    for (const s of exp.sections) {
      expect(s.columns).toEqual([...EXPORT_COLUMNS[s.name as keyof typeof EXPORT_COLUMNS]]);
      for (const r of s.rows) expect(Object.keys(r)).toEqual(s.columns);
    }
    const rows = Object.fromEntries(exp.sections.map((s) => [s.name, s.rows]));
    expect(rows.events).toHaveLength(31); // 30 + the stitched visitor's
    expect(rows.orders!.map((o) => o.total_minor)).toEqual(expect.arrayContaining([1999, 2999]));
    expect(rows.order_lines).toHaveLength(2);
    expect(rows.consent_records).toHaveLength(6);
    expect(rows.consent_state!.map((c) => [c.purpose, c.granted])).toEqual([
      ['advertising', true],
      ['analytics', true],
      ['personalization', false],
    ]);
    expect(rows.segments).toEqual([
      { segment_id: w.segmentId, name: expect.stringContaining('Big spenders'), kind: 'rules' },
    ]);
    expect(rows.predictions).toEqual([
      expect.objectContaining({
        kind: 'churn',
        score: 0.42,
        model_version: 1,
        detail: { explanation: [{ feature: 'recency', contribution: 0.3 }] },
      }),
    ]);
    expect(rows.profile![0]).toMatchObject({
      orders: 2,
      interest: [expect.closeTo(0.6, 5), expect.closeTo(0.8, 5)],
    });
    expect(rows.identity_links).toEqual([
      { anonymous_id: w.subject.anonymousId, linked_at: expect.any(String) },
    ]);

    const text = JSON.stringify(exp);
    for (const n of [w.other.id, w.other.externalId, w.other.email, w.other.name])
      expect(text).not.toContain(n);

    // A segment the shopper does not meet is not listed.
    await db.execute(
      sql`update shopper_profiles set orders = 0 where tenant_id = ${ctx.tenantId}::uuid and shopper_id = ${w.subject.id}::uuid`,
    );
    const after = await exportShopper(db, ctx, w.subject.id);
    expect(after.sections.find((s) => s.name === 'segments')!.rows).toEqual([]);

    const files = exportToCsvFiles(exp);
    expect(
      files
        .find((f) => f.name === 'events.csv')!
        .csv.trimEnd()
        .split('\r\n'),
    ).toHaveLength(32);
    expect(files.find((f) => f.name === 'shopper.csv')!.csv).toContain(w.subject.email);
  });

  it('treats another workspace’s shopper as not found', async () => {
    const { db } = h();
    const a = await createTestTenant(db, 'access-a');
    const b = await createTestTenant(db, 'access-b');
    const wb = await seedErasureWorkspace(db, b.ctx);
    await expect(exportShopper(db, a.ctx, wb.subject.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
