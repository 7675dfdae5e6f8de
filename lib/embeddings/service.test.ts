// The Models page and CLI services: overview figures, switching embedder (permission, audit,
// re-embedding into the new space while the old one answers queries, then its clean-up),
// starting a run with dedupe, and workspaces that never see each other's figures.
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, products, productTexts } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { JobRunner } from '@/lib/jobs/runner';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { LEXICAL_SPACE } from './lexical';
import {
  getEmbeddingOverview,
  getProductEmbedding,
  querySpace,
  setWorkspaceEmbedder,
  startEmbedding,
} from './service';
import { searchVectors } from './vector-index';

const TINY = 'model:tailor/tiny-bert';
const TINY_SPACE = 'tailor/tiny-bert@q8';

async function runUntilDone(db: Db, tenantId: string, jobId: string) {
  const runner = new JobRunner(db, { leaseMs: 5_000, pollMs: 20, progressIntervalMs: 20, scheduleMs: 0 });
  runner.start();
  try {
    return await waitForStatus(db, tenantId, jobId, 'succeeded', 'failed');
  } finally {
    await runner.stop();
  }
}

async function seed(db: Db, tenantId: string) {
  const rows: (typeof products.$inferInsert)[] = [];
  for (let i = 0; i < 30; i++) {
    rows.push({
      tenantId,
      externalId: `sku-${i}`,
      title: { en: `${['red', 'blue', 'green'][i % 3]} ${['shirt', 'dress', 'coat'][i % 3]} ${i}` },
      description: { en: 'A soft cotton garment for every day.' },
      priceMinor: 1000,
      currency: 'EUR',
    });
  }
  rows.push({ tenantId, externalId: 'empty', title: {}, priceMinor: 1, currency: 'EUR' });
  await db.insert(products).values(rows);
}

async function expectCode(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe.each(testDrivers())('embedding service (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const before = process.env.MODELS_DIR;

  beforeAll(() => {
    // The project's tiny BERT-shaped model stands in for an installed model.
    process.env.MODELS_DIR = path.join(import.meta.dirname, 'testing/models');
    resetEnvCache();
  });
  afterAll(() => {
    if (before === undefined) delete process.env.MODELS_DIR;
    else process.env.MODELS_DIR = before;
    resetEnvCache();
  });

  it('reports the catalog, then re-embeds into a new space on a switch while the old one answers', async () => {
    const { ctx } = await createTestTenant(db(), 'models');
    await seed(db(), ctx.tenantId);
    const first = await setWorkspaceEmbedder(db(), ctx, { embedder: 'lexical' });
    expect(first).toMatchObject({ embedder: 'lexical', changed: true });
    expect((await runUntilDone(db(), ctx.tenantId, first.jobId!)).status).toBe('succeeded');

    const o = await getEmbeddingOverview(db(), ctx);
    expect(o.status).toMatchObject({ requested: 'lexical', space: LEXICAL_SPACE, fallback: false });
    expect(o.products).toEqual({ active: 31, embedded: 30, stale: 0, missing: 0, skipped: { no_text: 1 } });
    expect(o.lastEmbeddedAt).toBeInstanceOf(Date);
    expect(o.spaces).toEqual([
      expect.objectContaining({ space: LEXICAL_SPACE, dims: 512, vectors: 30, live: true }),
    ]);
    expect(o.job).toMatchObject({ id: first.jobId, status: 'succeeded', progressMessage: 'Done' });
    expect(o.models.find((m) => m.id === 'tailor/tiny-bert')).toMatchObject({
      installed: true,
      dimensions: 32,
    });

    // A text that changed after its vector was made counts as stale.
    const [p0] = await db()
      .select()
      .from(products)
      .where(and(eq(products.tenantId, ctx.tenantId), eq(products.externalId, 'sku-0')));
    await db()
      .update(productTexts)
      .set({ textHash: 'changed' })
      .where(and(eq(productTexts.tenantId, ctx.tenantId), eq(productTexts.productId, p0!.id)));
    expect((await getEmbeddingOverview(db(), ctx)).products).toMatchObject({ embedded: 29, stale: 1 });
    expect(await getProductEmbedding(db(), ctx, p0!.id)).toMatchObject({
      space: LEXICAL_SPACE,
      stale: true,
      skipReason: null,
      running: false,
    });

    // Switch: the new space is empty, so searches stay in the lexical one until it fills.
    const audited = await db().select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId));
    const switched = await setWorkspaceEmbedder(db(), ctx, { embedder: TINY });
    expect(switched).toMatchObject({ embedder: TINY, changed: true });
    const during = await querySpace(db(), ctx);
    expect(during).toMatchObject({ space: LEXICAL_SPACE, live: false, vectors: 30 });
    expect(during.status.reason).toContain('being embedded');
    expect((await getEmbeddingOverview(db(), ctx)).products).toMatchObject({ embedded: 0, missing: 30 });
    const entries = await db().select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId));
    expect(entries.length).toBe(audited.length + 1);
    expect(entries.at(-1)).toMatchObject({
      action: 'settings.embedder_changed',
      details: { from: 'lexical', to: TINY },
    });

    expect((await runUntilDone(db(), ctx.tenantId, switched.jobId!)).status).toBe('succeeded');
    const after = await querySpace(db(), ctx);
    expect(after).toMatchObject({ space: TINY_SPACE, live: true, vectors: 30 });
    expect(after.status).toMatchObject({
      space: TINY_SPACE,
      kind: 'transformers',
      dimensions: 32,
      fallback: false,
    });
    // The new space covers the catalog: the lexical one is gone.
    expect((await getEmbeddingOverview(db(), ctx)).spaces.map((s) => s.space)).toEqual([TINY_SPACE]);
    const [q] = await after.embedder.embed(['red shirt'], 'query');
    const hits = await searchVectors(db(), { tenantId: ctx.tenantId, space: after.space, k: 5, query: q! });
    expect(hits).toHaveLength(5);

    // The same setting again changes nothing and queues nothing.
    expect(await setWorkspaceEmbedder(db(), ctx, { embedder: TINY })).toEqual({
      embedder: TINY,
      changed: false,
      jobId: null,
    });
  });

  it('checks permissions and validates the setting', async () => {
    const { ctx } = await createTestTenant(db(), 'perm');
    const marketer = await createTestMember(db(), ctx, 'marketer');
    const viewer = await createTestMember(db(), ctx, 'viewer');
    await expectCode(setWorkspaceEmbedder(db(), marketer, { embedder: 'lexical' }), 'forbidden');
    await expectCode(startEmbedding(db(), viewer, {}), 'forbidden');
    await expectCode(setWorkspaceEmbedder(db(), ctx, { embedder: 'model:../etc' }), 'validation_failed');
    await expectCode(setWorkspaceEmbedder(db(), ctx, { embedder: 'bert' }), 'validation_failed');

    // One run at a time: a second start returns the queued job; "false" from a form is false.
    const a = await startEmbedding(db(), marketer, { full: 'false' });
    const b = await startEmbedding(db(), ctx, { full: 'on' });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, jobId: a.jobId });
    const o = await getEmbeddingOverview(db(), ctx);
    expect(o.job).toMatchObject({ id: a.jobId, status: 'queued' });
  });

  it('shows a workspace only its own figures', async () => {
    const a = await createTestTenant(db(), 'iso-a');
    const b = await createTestTenant(db(), 'iso-b');
    await seed(db(), a.ctx.tenantId);
    await setWorkspaceEmbedder(db(), b.ctx, { embedder: 'lexical' });
    const { jobId } = await setWorkspaceEmbedder(db(), a.ctx, { embedder: 'lexical' });
    await runUntilDone(db(), a.ctx.tenantId, jobId!);
    const ob = await getEmbeddingOverview(db(), b.ctx);
    expect(ob.products).toEqual({ active: 0, embedded: 0, stale: 0, missing: 0, skipped: {} });
    expect(ob.spaces).toEqual([]);
    expect(ob.job?.id).not.toBe(jobId);
    const [pa] = await db().select().from(products).where(eq(products.tenantId, a.ctx.tenantId)).limit(1);
    expect(await getProductEmbedding(db(), b.ctx, pa!.id)).toMatchObject({ embeddedAt: null, languages: {} });
  });
});
