import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { products } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { ImportPlan } from './source';
import { createCheckpointTable, runWithCheckpoints, tempFile } from './testing/fixtures';

/** Seeded pseudo-random numbers (mulberry32): the same garbage on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE: ((r: () => number, i: number) => Buffer | string)[] = [
  (_r, i) => `ok-${i},Good product ${i},${(i % 50) + 0.99}`,
  (_r, i) => `neg-${i},Negative,-${i}`,
  (_r, i) => `nan-${i},Not a price,twelve`,
  () => `,Missing id,1`,
  (_r, i) => `short-${i},Too few fields`,
  (_r, i) => `long-${i},Too,many,fields,here`,
  (_r, i) => `q-${i},"broken ""quote,3`,
  (_r, i) => `q2-${i},"closed" then junk,3`,
  (_r, i) => `huge-${i},${'x'.repeat(70_000)},1`,
  (_r, i) => Buffer.concat([Buffer.from(`latin-${i},Caf`), Buffer.from([0xe9, 0xff]), Buffer.from(',2')]),
  (_r, i) => `nul-${i},Has \u0000 NUL,2`,
  (_r, i) => `dup-${i % 3},Duplicate id ${i},4`,
  (_r, i) => `ml-${i},"multi\nline\r\ntitle",5`,
  (r, i) => {
    const bytes = Buffer.alloc(20 + Math.floor(r() * 40));
    for (let k = 0; k < bytes.length; k++) bytes[k] = 32 + Math.floor(r() * 220);
    return Buffer.concat([Buffer.from(`rnd-${i},`), bytes]);
  },
  (_r, i) => `${'🙂'.repeat(3)}-${i},Emoji id,1.5`,
];

function fuzzFile(seed: number, rows: number): Buffer {
  const r = rng(seed);
  const parts: Buffer[] = [Buffer.from('sku,title,price\n')];
  // Clean rows first: binary sniffing looks at the first 4 KB only.
  for (let i = 0; i < 300; i++) parts.push(Buffer.from(`clean-${i},Clean ${i},1.00\n`));
  for (let i = 0; i < rows; i++) {
    const make = GARBAGE[Math.floor(r() * GARBAGE.length)]!;
    const line = make(r, i);
    parts.push(typeof line === 'string' ? Buffer.from(line) : line, Buffer.from(r() < 0.2 ? '\r\n' : '\n'));
  }
  return Buffer.concat(parts);
}

describe.each(testDrivers())('import fuzz (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it.each([1, 2, 3])(
    'malformed rows are each rejected with a reason and the database matches (seed %i)',
    async (seed) => {
      await createCheckpointTable(db());
      const { ctx } = await createTestTenant(db());
      const importId = `00000000-0000-4000-8000-00000000000${seed}`;
      const plan: ImportPlan = {
        importId,
        kind: 'products',
        format: 'csv',
        filePath: tempFile(fuzzFile(seed, 400), 'fuzz.csv'),
        fileName: 'fuzz.csv',
        mapping: { externalId: 'sku', title: 'title', price: 'price' },
        currency: 'EUR',
        locale: 'en',
        batchRows: 37,
      };
      const s = await runWithCheckpoints(db(), ctx.tenantId, plan, `fuzz-${seed}-${Date.now()}`);
      expect(s.accepted + s.rejected + s.skipped).toBe(s.rows);
      expect(s.rejected).toBeGreaterThan(0);
      expect(s.accepted).toBeGreaterThan(300);

      const stored = await db().select().from(products).where(eq(products.tenantId, ctx.tenantId));
      expect(stored).toHaveLength(s.counts.products);
      expect(s.inserted).toBe(s.counts.products);
      expect(stored.every((p) => p.priceMinor >= 0 && !p.externalId.includes('\u0000'))).toBe(true);

      const rejected = rowsOf<{ row_no: number; field: string; reason: string }>(
        await db().execute(
          sql`select row_no, field, reason from import_rejections where tenant_id = ${ctx.tenantId} and import_id = ${importId}`,
        ),
      );
      expect(new Set(rejected.map((r) => r.row_no)).size).toBe(s.rejected);
      for (const r of rejected) {
        expect(r.reason.length).toBeGreaterThan(3);
        expect(r.reason).not.toMatch(/\n\s+at /); // never a stack trace
      }
      // Every kind of damage is named somewhere.
      const all = rejected.map((r) => `${r.field}: ${r.reason}`).join('\n');
      for (const pattern of [
        /must not be negative/,
        /not a number/,
        /sku: is required/,
        /field/,
        /UTF-8/,
        /longer than/,
        /NUL/,
      ]) {
        expect(all).toMatch(pattern);
      }

      // Importing the same damaged file again: nothing new, nothing changed.
      const again = await runWithCheckpoints(db(), ctx.tenantId, plan, `fuzz-again-${seed}-${Date.now()}`);
      expect(again).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: s.counts.products,
        rejected: s.rejected,
      });
    },
  );
});
