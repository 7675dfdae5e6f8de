import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyRequests, shoppers } from '@/db/schema';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { seedErasureWorkspace, type SeededWorkspace } from '@/lib/privacy/erasure/testing';
import type { ShopperExport } from '@/lib/privacy/subject-types';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { CliContext } from '../command';
import { runCliCaptured, testCliContext } from '../testing/in-process';
import { privacyErase, privacyExport } from './privacy';

describe('tailor privacy flags', () => {
  it('needs --workspace and --shopper and names the regulations', async () => {
    const run = (...argv: string[]) => runCliCaptured(argv, [privacyExport, privacyErase]);
    const missing = await run('privacy', 'export', '--workspace', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --shopper.');
    const { code, stderr } = await run(
      'privacy',
      'erase',
      '--workspace',
      'x',
      '--shopper',
      'a',
      '--regulation',
      'hipaa',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--regulation must be one of gdpr, uk_gdpr, ccpa, got "hipaa".');
  });
});

describe.each(testDrivers())('tailor privacy against a workspace (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let seeded: SeededWorkspace;
  const out: string[] = [];
  const err: string[] = [];
  const ctx = (): CliContext => testCliContext(() => h().db, out, err);
  const requests = (kind: 'access' | 'erasure') =>
    h()
      .db.select()
      .from(privacyRequests)
      .where(
        and(
          eq(privacyRequests.tenantId, shop.tenantId),
          eq(privacyRequests.kind, kind),
          eq(privacyRequests.source, 'cli'),
        ),
      );

  beforeAll(async () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    shop = (await createTestTenant(h().db, 'cli-privacy')).ctx;
    seeded = await seedErasureWorkspace(h().db, shop, { events: 8 });
  }, 60_000);
  afterAll(() => setTestEncryptionKeys(null));

  it('exports a shopper to stdout or a file and records completed access requests', async () => {
    out.length = 0;
    expect(await privacyExport.run(ctx(), { workspace: shop.slug, shopper: seeded.subject.externalId })).toBe(
      0,
    );
    const exp = JSON.parse(out.join('\n')) as ShopperExport;
    expect(exp.shopper.email).toBe(seeded.subject.email);
    expect(exp.sections.find((s) => s.name === 'events')?.rows.length).toBeGreaterThanOrEqual(8);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-privacy-'));
    const file = path.join(dir, 'export.json');
    out.length = 0;
    expect(
      await privacyExport.run(ctx(), { workspace: shop.slug, shopper: seeded.subject.id, out: file }),
    ).toBe(0);
    expect(out).toEqual([]);
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as ShopperExport).shopper.email).toBe(
      seeded.subject.email,
    );
    fs.rmSync(dir, { recursive: true, force: true });

    const rows = await requests('access');
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'completed' && r.source === 'cli')).toBe(true);
    expect(rows[0]?.verification).toMatchObject({ method: 'cli_operator' });

    await expect(
      privacyExport.run(ctx(), { workspace: shop.slug, shopper: 'nobody@example.test' }),
    ).rejects.toThrow('No shopper matches email "nobody@example.test" in this workspace.');
    await expect(privacyExport.run(ctx(), { workspace: 'no-such-ws', shopper: 'x' })).rejects.toThrow(
      'Workspace not found: no-such-ws',
    );
  });

  it('erases a shopper and prints what was removed per table and artefact', async () => {
    out.length = 0;
    expect(await privacyErase.run(ctx(), { workspace: shop.slug, shopper: seeded.subject.id })).toBe(0);
    expect(out[0]).toMatch(/^TARGET\s+ACTION\s+COUNT\s+NOTE$/);
    expect(out.some((l) => /^events\s+deleted\s+\d+/.test(l))).toBe(true);
    expect(out.at(-2)).toMatch(/^Scan: \d+ tables searched, 0 references left\.$/);
    expect(out.at(-1)).toMatch(/^Erasure request [0-9a-f-]{36} completed\.$/);
    const gone = await h()
      .db.select({ id: shoppers.id })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, shop.tenantId), eq(shoppers.id, seeded.subject.id)));
    expect(gone).toEqual([]);
    const [erasure] = await requests('erasure');
    expect(erasure).toMatchObject({ status: 'completed', source: 'cli', shopperId: null });

    out.length = 0;
    expect(
      await privacyErase.run(ctx(), { workspace: shop.slug, shopper: seeded.other.id, json: true }),
    ).toBe(0);
    const body = JSON.parse(out.join('')) as {
      status: string;
      steps: unknown[];
      verification: { remaining: number };
    };
    expect(body.status).toBe('completed');
    expect(body.verification.remaining).toBe(0);
    expect(body.steps.length).toBeGreaterThan(0);
  });
});
