import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { DATA_MAP } from '@/db/schema/data-map';
import { PRIVACY_DEFAULTS } from './settings-schemas';
import { dataMapByTable, dataMapGaps, type TableColumns } from './data-map';

function schemaTables(): TableColumns[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => {
      const c = getTableConfig(t);
      return { table: c.name, columns: c.columns.map((col) => col.name) };
    });
}

describe('data map', () => {
  it('annotates every personal-looking column and every column of shopper-linked tables', () => {
    const { missing, stale } = dataMapGaps(schemaTables());
    expect(missing, 'annotate these in db/schema/data-map.ts (or list them in NOT_PERSONAL)').toEqual([]);
    expect(stale, 'these annotations name columns that no longer exist').toEqual([]);
  });

  it('catches a new personal column, a new shopper-linked table and a stale annotation', () => {
    const tables = [
      ...schemaTables(),
      { table: 'wishlists', columns: ['tenant_id', 'shopper_id', 'product_id'] },
      { table: 'newsletter', columns: ['tenant_id', 'id', 'phone_number'] },
    ].filter((t) => t.table !== 'identity_links');
    const { missing, stale } = dataMapGaps(tables);
    expect(missing).toEqual(['wishlists.shopper_id', 'wishlists.product_id', 'newsletter.phone_number']);
    expect(stale).toContain('identity_links.anonymous_id');
  });

  it('has no column annotated twice', () => {
    const keys = DATA_MAP.flatMap((e) => e.columns.map((c) => `${e.table}.${c}`));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('groups by table with the retention setting in words and the protected share', () => {
    const tables = dataMapByTable({ ...PRIVACY_DEFAULTS, rawEventsDays: 90 });
    expect(tables.map((t) => t.table)).toEqual([...tables.map((t) => t.table)].sort());
    const shoppers = tables.find((t) => t.table === 'shoppers');
    expect(shoppers?.columns.find((c) => c.column === 'email_enc')).toMatchObject({
      encrypted: 'yes',
      category: 'contact',
    });
    expect(shoppers?.columns.find((c) => c.column === 'email_hash')?.encrypted).toBe('hash');
    const events = tables.find((t) => t.table === 'events');
    expect(events?.columns[0]?.retention).toBe('90 days (raw events)');
    expect(shoppers?.columns[0]?.retention).toMatch(/keep forever/);
    expect(shoppers!.protectedShare).toBeGreaterThan(0);
    expect(shoppers!.protectedShare).toBeLessThan(1);
  });
});
