/**
 * Tenant-scoped SQL of the recommendation fairness reports (`fairness_reports`, subject
 * 'recommendations') and of the product facts the report groups by. Every statement filters by the
 * tenant, so another workspace's report is simply not found.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fairnessReports, products, recommendModels } from '@/db/schema';
import { slicesWithTurns } from '@/lib/compute/pages';
import { matchKey } from '@/lib/recommend/rules/catalog';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ItemFacts } from './measure';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type FairnessReportRecord = typeof fairnessReports.$inferSelect;
const SUBJECT = 'recommendations' as const;
const mine = (ctx: Tenant) => and(tenantFilter(ctx, fairnessReports), eq(fairnessReports.subject, SUBJECT));

/** Adds a 'running' recommendation report with the settings it measures. */
export async function insertReport(
  exec: Executor,
  ctx: Tenant,
  values: { settings: Record<string, unknown>; jobId: string | null },
): Promise<FairnessReportRecord> {
  const [row] = await exec
    .insert(fairnessReports)
    .values({ tenantId: ctx.tenantId, subject: SUBJECT, ...values })
    .returning();
  if (!row) throw new Error('insert into fairness_reports returned no row');
  return row;
}

/** Stores the report and marks it ready; null when not found here. */
export async function finishReport(
  exec: Executor,
  ctx: Tenant,
  id: string,
  report: Record<string, unknown>,
): Promise<FairnessReportRecord | null> {
  const [row] = await exec
    .update(fairnessReports)
    .set({ status: 'ready', report, error: null, computedAt: new Date() })
    .where(and(mine(ctx), eq(fairnessReports.id, id)))
    .returning();
  return row ?? null;
}

/** Marks a report failed with a message safe to show; null when not found here. */
export async function failReport(
  exec: Executor,
  ctx: Tenant,
  id: string,
  error: string,
): Promise<FairnessReportRecord | null> {
  const [row] = await exec
    .update(fairnessReports)
    .set({ status: 'failed', error, computedAt: new Date() })
    .where(and(mine(ctx), eq(fairnessReports.id, id)))
    .returning();
  return row ?? null;
}

/** Fails the rows an earlier attempt of `jobId` left running (the retry measures again). */
export async function failRunningOfJob(
  exec: Executor,
  ctx: Tenant,
  jobId: string,
  error: string,
): Promise<void> {
  await exec
    .update(fairnessReports)
    .set({ status: 'failed', error, computedAt: new Date() })
    .where(and(mine(ctx), eq(fairnessReports.jobId, jobId), eq(fairnessReports.status, 'running')));
}

/** The newest recommendation report (any status), or null. */
export async function getLatestReport(exec: Executor, ctx: Tenant): Promise<FairnessReportRecord | null> {
  const [row] = await exec
    .select()
    .from(fairnessReports)
    .where(mine(ctx))
    .orderBy(desc(fairnessReports.createdAt))
    .limit(1);
  return row ?? null;
}

/** The newest ready recommendation report, or null. */
export async function getLatestReadyReport(
  exec: Executor,
  ctx: Tenant,
): Promise<FairnessReportRecord | null> {
  const [row] = await exec
    .select()
    .from(fairnessReports)
    .where(and(mine(ctx), eq(fairnessReports.status, 'ready')))
    .orderBy(desc(fairnessReports.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Brand, price, publication date and category of `itemIds` (dataset order); items that are not
 * products (external order lines, deleted products) get NaN / −1 / null.
 */
export async function loadItemFacts(
  exec: Executor,
  ctx: Tenant,
  itemIds: readonly string[],
): Promise<ItemFacts> {
  const n = itemIds.length;
  const topCategory = new Array<string | null>(n).fill(null);
  const facts = {
    brandId: new Int32Array(n).fill(-1),
    priceMinor: new Float64Array(n).fill(Number.NaN),
    publishedAt: new Float64Array(n).fill(Number.NaN),
    categoryId: new Int32Array(n).fill(-1),
  } satisfies Omit<ItemFacts, 'brandNames' | 'topCategory'>;
  const names: string[] = [];
  const brands = new Map<string, number>();
  const categories = new Map<string, number>();
  const index = new Map(itemIds.map((id, j) => [id, j]));
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = itemIds.filter((id) => uuid.test(id));
  // The embedded database answers on the server's thread: a turn for requests between batches.
  for await (const slice of slicesWithTurns(ids, 1000)) {
    const rows = await exec
      .select({
        id: products.id,
        brand: products.brand,
        price: products.priceMinor,
        published: products.publishedAt,
        created: products.createdAt,
        path: products.categoryPath,
      })
      .from(products)
      .where(and(tenantFilter(ctx, products), inArray(products.id, slice)));
    for (const r of rows) {
      const j = index.get(r.id)!;
      if (r.brand?.trim()) {
        const key = matchKey(r.brand);
        if (!brands.has(key)) brands.set(key, names.push(r.brand.trim()) - 1);
        facts.brandId[j] = brands.get(key)!;
      }
      facts.priceMinor[j] = r.price;
      facts.publishedAt[j] = (r.published ?? r.created).getTime();
      if (r.path.length > 0) {
        const key = r.path.map(matchKey).join('\u0000');
        if (!categories.has(key)) categories.set(key, categories.size);
        facts.categoryId[j] = categories.get(key)!;
        topCategory[j] = r.path[0]!;
      }
    }
  }
  return { ...facts, brandNames: names, topCategory };
}

/** The live recommendation model's version and training time, or null when none is trained. */
export async function getLiveModel(
  exec: Executor,
  ctx: Tenant,
): Promise<{ version: number; trainedAt: Date | null } | null> {
  const [row] = await exec
    .select({ version: recommendModels.version, trainedAt: recommendModels.trainedAt })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.live, true)))
    .limit(1);
  return row ?? null;
}
