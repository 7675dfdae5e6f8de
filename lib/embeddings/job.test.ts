// The embed job through the real runner with the lexical embedder: batches, progress, skip
// reasons, the batch → one-by-one fallback, nothing re-embedded for unchanged text, resumption
// from a checkpoint, the 15-minute schedule only for workspaces with work.
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { jobSchedules, jobs, productEmbeddings, products, productTexts, tenants } from '@/db/schema';
import { JobRunner } from '@/lib/jobs/runner';
import { runDueSchedules } from '@/lib/jobs/schedule';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { type EmbedCheckpoint, runEmbedding } from './embed-run';
import { embedChangedProducts, enqueueEmbedding, setEmbedJobResolver } from './job';
import { LEXICAL_SPACE, createLexicalEmbedder } from './lexical';
import { pendingEmbeddingTenants } from './pending-tenants';
import { buildProductText } from './product-text';
import type { Embedder, EmbedderStatus } from './types';

const FAST = {
  leaseMs: 5_000,
  pollMs: 20,
  progressIntervalMs: 20,
  backoffBaseMs: 10,
  backoffMaxMs: 50,
  graceMs: 500,
  scheduleMs: 0,
};

const lexical = createLexicalEmbedder();
const lexicalStatus: EmbedderStatus = {
  requested: 'lexical',
  space: lexical.space,
  label: lexical.label,
  kind: 'lexical',
  dimensions: lexical.dimensions,
  fallback: false,
};

/** The lexical embedder, except that any call containing "EXPLODE" throws (a model choking on a text). */
const explosive: Embedder = {
  ...lexical,
  async embed(texts, role) {
    if (texts.some((t) => t.includes('EXPLODE'))) throw new Error('tokenizer overflow');
    return lexical.embed(texts, role);
  },
};

async function runJob(db: Db, tenantId: string, full = false) {
  const { job } = await enqueueEmbedding(db, { tenantId }, { full });
  const runner = new JobRunner(db, FAST);
  runner.start();
  try {
    return await waitForStatus(db, tenantId, job.id, 'succeeded', 'failed');
  } finally {
    await runner.stop();
  }
}

const COLORS = ['red', 'blue', 'green', 'black', 'white', 'yellow'];
const KINDS = ['linen shirt', 'wool sweater', 'leather boots', 'cotton scarf', 'denim jacket'];

/** `n` products with English (every third also German) titles and descriptions. */
async function seedCatalog(db: Db, tenantId: string, n: number) {
  const rows: (typeof products.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const color = COLORS[i % COLORS.length]!;
    rows.push({
      tenantId,
      externalId: `sku-${i}`,
      title:
        i % 3 === 0
          ? { en: `${color} ${kind} ${i}`, de: `${kind} in ${color} Nummer ${i}` }
          : { en: `${color} ${kind} ${i}` },
      description: { en: `<p>A comfortable <b>${kind}</b> for every day, model ${i}.</p>` },
      categoryPath: ['Apparel', kind.split(' ')[1]!],
      brand: i % 2 ? 'Acme' : 'Globex',
      priceMinor: 1000 + i,
      currency: 'EUR',
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(products).values(rows.slice(i, i + 500));
}

async function vectorCount(db: Db, tenantId: string, space = LEXICAL_SPACE): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(productEmbeddings)
    .where(and(eq(productEmbeddings.tenantId, tenantId), eq(productEmbeddings.space, space)));
  return Number(r?.n ?? 0);
}

describe.each(testDrivers())('embed job (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  afterEach(() => setEmbedJobResolver(undefined));

  async function lexicalTenant(label: string) {
    const t = await createTestTenant(db(), label);
    await db().update(tenants).set({ embedder: 'lexical' }).where(eq(tenants.id, t.ctx.tenantId));
    return t.ctx.tenantId;
  }

  it('embeds the catalog in batches with progress, then nothing while the text is unchanged', async () => {
    const tenantId = await lexicalTenant('embed');
    await seedCatalog(db(), tenantId, 620); // more than one analysis batch (500) and embed batch (256)
    await db()
      .insert(products)
      .values([
        {
          tenantId,
          externalId: 'empty',
          title: {},
          description: { en: '<p> </p>' },
          priceMinor: 1,
          currency: 'EUR',
        },
        {
          tenantId,
          externalId: 'gone',
          title: { en: 'Archived hat' },
          status: 'archived',
          priceMinor: 1,
          currency: 'EUR',
        },
      ]);

    const first = await runJob(db(), tenantId);
    expect(first.status).toBe('succeeded');
    expect(first.result).toMatchObject({ space: LEXICAL_SPACE, analyzed: 621, embedded: 620, failed: 0 });
    expect(first.progressMessage).toBe('Done');
    expect(await vectorCount(db(), tenantId)).toBe(620);

    const [empty] = await db()
      .select({ reason: productTexts.skipReason })
      .from(productTexts)
      .innerJoin(
        products,
        and(eq(products.tenantId, productTexts.tenantId), eq(products.id, productTexts.productId)),
      )
      .where(and(eq(productTexts.tenantId, tenantId), eq(products.externalId, 'empty')));
    expect(empty?.reason).toBe('no_text');

    const second = await runJob(db(), tenantId);
    expect(second.result).toMatchObject({ analyzed: 0, embedded: 0 });

    // One changed title: analysed and embedded again, alone. A price change re-analyses, embeds nothing.
    await db()
      .update(products)
      .set({ title: { en: 'Brand new title' }, updatedAt: new Date() })
      .where(and(eq(products.tenantId, tenantId), eq(products.externalId, 'sku-1')));
    await db()
      .update(products)
      .set({ priceMinor: 5, updatedAt: new Date() })
      .where(and(eq(products.tenantId, tenantId), eq(products.externalId, 'sku-2')));
    const third = await runJob(db(), tenantId);
    expect(third.result).toMatchObject({ analyzed: 2, embedded: 1 });
  });

  it('a model vector is the normalized mean of the locale vectors; lexical embeds one text', async () => {
    // The lexical embedder dressed up as a model: same vectors, but treated per locale.
    const model: Embedder = { ...lexical, kind: 'transformers', space: 'fake-model@q8' };
    const stored = async (tenantId: string, space: string) => {
      const [row] = await db()
        .select({ vector: productEmbeddings.vector })
        .from(productEmbeddings)
        .innerJoin(
          products,
          and(
            eq(products.tenantId, productEmbeddings.tenantId),
            eq(products.id, productEmbeddings.productId),
          ),
        )
        .where(
          and(
            eq(productEmbeddings.tenantId, tenantId),
            eq(productEmbeddings.space, space),
            eq(products.externalId, 'sku-0'),
          ),
        );
      return row!.vector;
    };
    const text = buildProductText({
      title: { en: 'red linen shirt 0', de: 'linen shirt in red Nummer 0' },
      description: { en: '<p>A comfortable <b>linen shirt</b> for every day, model 0.</p>' },
      categoryPath: ['Apparel', 'shirt'],
      brand: 'Globex',
      attributes: {},
    });

    const viaModel = await lexicalTenant('mean');
    await seedCatalog(db(), viaModel, 3);
    setEmbedJobResolver(async () => ({ embedder: model, status: { ...lexicalStatus, space: model.space } }));
    await runJob(db(), viaModel);
    const [de, en] = await lexical.embed([text.byLocale.de!, text.byLocale.en!]);
    const sum = en!.map((x, i) => x + de![i]!);
    const norm = Math.hypot(...sum);
    const mean = await stored(viaModel, model.space);
    expect(mean).toHaveLength(512);
    for (let i = 0; i < 512; i++) expect(mean[i]).toBeCloseTo(sum[i]! / norm, 5);

    setEmbedJobResolver(undefined);
    const viaLexical = await lexicalTenant('concat');
    await seedCatalog(db(), viaLexical, 3);
    await runJob(db(), viaLexical);
    const [one] = await lexical.embed([`${text.byLocale.de}\n${text.byLocale.en}`]);
    const single = await stored(viaLexical, LEXICAL_SPACE);
    for (let i = 0; i < 512; i++) expect(single[i]).toBeCloseTo(one![i]!, 5);
  });

  it('a text the embedder chokes on skips only its product, with a reason', async () => {
    const tenantId = await lexicalTenant('explode');
    await seedCatalog(db(), tenantId, 40);
    await db()
      .insert(products)
      .values({
        tenantId,
        externalId: 'bad',
        title: { en: 'EXPLODE this tokenizer' },
        priceMinor: 1,
        currency: 'EUR',
      });
    setEmbedJobResolver(async () => ({ embedder: explosive, status: lexicalStatus }));
    const done = await runJob(db(), tenantId);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ embedded: 40, failed: 1 });
    const reasons = await db()
      .select({ reason: productTexts.skipReason })
      .from(productTexts)
      .where(and(eq(productTexts.tenantId, tenantId), sql`${productTexts.skipReason} is not null`));
    expect(reasons).toEqual([{ reason: 'embed_failed' }]);
    // Not retried on the next run (same text), and archived products lose their vectors.
    await db()
      .update(products)
      .set({ status: 'archived', updatedAt: new Date() })
      .where(and(eq(products.tenantId, tenantId), eq(products.externalId, 'sku-0')));
    const again = await runJob(db(), tenantId);
    expect(again.result).toMatchObject({ embedded: 0, failed: 0, removedVectors: 1 });
    expect(await vectorCount(db(), tenantId)).toBe(39);
  });

  it('resumes after the last committed batch: nothing embedded twice', async () => {
    const tenantId = await lexicalTenant('resume');
    await seedCatalog(db(), tenantId, 600);
    let saved: EmbedCheckpoint | null = null;
    let embedCalls = 0;
    const counting: Embedder = {
      ...lexical,
      async embed(texts, role) {
        embedCalls += texts.length;
        return lexical.embed(texts, role);
      },
    };
    const hooks = (stopAfter: number) => {
      let checks = 0;
      return {
        db: db(),
        tenantId,
        full: false,
        checkpoint: saved,
        saveCheckpoint: async (value: EmbedCheckpoint) => {
          saved = value;
        },
        progress: () => {},
        throwIfCancelled: () => {
          checks += 1;
          if (checks > stopAfter) throw new Error('simulated crash');
        },
        resolve: async () => ({ embedder: counting, status: lexicalStatus }),
      };
    };
    // Crash after the two analysis batches and one embed batch (256 products).
    await expect(runEmbedding(hooks(4))).rejects.toThrow('simulated crash');
    expect(saved).toMatchObject({ phase: 'embed', embedded: 256 });
    expect(await vectorCount(db(), tenantId)).toBe(256);
    const result = await runEmbedding(hooks(1_000));
    expect(result).toMatchObject({ embedded: 600, analyzed: 600 });
    expect(await vectorCount(db(), tenantId)).toBe(600);
    // 600 products (the lexical embedder takes each product's locales as one text): each once.
    expect(embedCalls).toBe(600);
  });

  it('is scheduled every 15 minutes only for workspaces with work', async () => {
    const busy = await lexicalTenant('busy');
    const idle = await lexicalTenant('idle');
    await seedCatalog(db(), busy, 2);
    const live = async () => LEXICAL_SPACE;
    await pendingEmbeddingTenants.refresh(async () => db(), live);
    expect(pendingEmbeddingTenants.has(busy, async () => db(), live)).toBe(true);
    expect(pendingEmbeddingTenants.has(idle, async () => db(), live)).toBe(false);

    await runDueSchedules(db());
    await db()
      .update(jobSchedules)
      .set({ nextRunAt: sql`now() - interval '1 minute'` })
      .where(eq(jobSchedules.name, 'embeddings.embed'));
    await runDueSchedules(db());
    const embedJobs = (tenantId: string) =>
      db()
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.type, 'embeddings.embed')));
    const [scheduled] = await embedJobs(busy);
    expect(scheduled?.dedupeKey).toBe('schedule:embeddings.embed');
    expect(await embedJobs(idle)).toHaveLength(0);
    // A trigger while the scheduled run is queued joins it instead of adding a second job.
    const trigger = await enqueueEmbedding(db(), { tenantId: busy });
    expect(trigger).toMatchObject({ created: false, job: { id: scheduled!.id } });
    pendingEmbeddingTenants.reset();
  });

  it('imports, syncs and webhooks queue one run, and only when products changed', async () => {
    const tenantId = await lexicalTenant('trigger');
    const embedJobs = () =>
      db()
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.type, 'embeddings.embed')));
    await embedChangedProducts(db(), { tenantId }, { inserted: 0, updated: 0 });
    await embedChangedProducts(db(), { tenantId }, undefined);
    expect(await embedJobs()).toHaveLength(0);
    await embedChangedProducts(db(), { tenantId }, 1, { delayMs: 30_000 });
    await embedChangedProducts(db(), { tenantId }, { inserted: 3, updated: 2 });
    const queued = await embedJobs();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000); // a burst shares the delayed run
  });
});
