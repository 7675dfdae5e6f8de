/**
 * Tenant-scoped SQL of the prediction models (`prediction_models`) and the live scores
 * (`shopper_scores`). Every statement filters by the tenant, updates and deletes included, so
 * another workspace's model or shopper is simply not found.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { predictionModels, shopperScores } from '@/db/schema';
import type { PredictionKind } from '@/db/schema/shoppers';
import { slicesWithTurns } from '@/lib/compute/pages';
import { piiClearFor, shopperPii } from '@/lib/privacy/pii';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type PredictionModelRow = typeof predictionModels.$inferSelect;
export type ModelPatch = Partial<
  Pick<
    PredictionModelRow,
    'status' | 'method' | 'horizonDays' | 'asOf' | 'trainedAt' | 'shoppers' | 'metrics' | 'artefact' | 'error'
  >
>;

/** Ready versions kept with their artefact per kind besides the live one; older ones are retired. */
export const KEEP_VERSIONS = 5;
/** Scores per upsert: ~25 ms of the embedded database's (the server's) thread each. */
const SCORE_BATCH = 250;

/** Adds a 'training' row with the next version number of its kind. */
export async function insertTrainingRow(
  exec: Executor,
  ctx: Tenant,
  values: { kind: PredictionKind; method: string; horizonDays: number; asOf: Date; jobId?: string | null },
): Promise<PredictionModelRow> {
  const [row] = await exec
    .insert(predictionModels)
    .values({
      tenantId: ctx.tenantId,
      ...values,
      jobId: values.jobId ?? null,
      version: sql`(select coalesce(max(version), 0) + 1 from prediction_models
        where tenant_id = ${ctx.tenantId} and kind = ${values.kind})`,
    })
    .returning();
  if (!row) throw new Error('insert into prediction_models returned no row');
  return row;
}

export async function updateModelRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
  patch: ModelPatch,
): Promise<PredictionModelRow | null> {
  const [row] = await exec
    .update(predictionModels)
    .set(patch)
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.id, id)))
    .returning();
  return row ?? null;
}

/** One model by id, or null (also for another tenant's id). */
export async function getModelRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<PredictionModelRow | null> {
  const [row] = await exec
    .select()
    .from(predictionModels)
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.id, id)))
    .limit(1);
  return row ?? null;
}

/** Newest first (by creation, then version); at most `limit` rows. */
export function listModelRows(
  exec: Executor,
  ctx: Tenant,
  kind?: PredictionKind,
  limit = 50,
): Promise<PredictionModelRow[]> {
  return exec
    .select()
    .from(predictionModels)
    .where(and(tenantFilter(ctx, predictionModels), kind ? eq(predictionModels.kind, kind) : undefined))
    .orderBy(desc(predictionModels.createdAt), desc(predictionModels.version))
    .limit(limit);
}

/** The live model of each kind (kinds without one are absent). */
export function listLiveRows(exec: Executor, ctx: Tenant): Promise<PredictionModelRow[]> {
  return exec
    .select()
    .from(predictionModels)
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.live, true)));
}

/** Makes `id` the live model of its kind (the previous live one stays ready, not live). */
export async function setLiveRow(
  exec: Executor,
  ctx: Tenant,
  kind: PredictionKind,
  id: string,
): Promise<void> {
  await exec
    .update(predictionModels)
    .set({ live: false })
    .where(
      and(
        tenantFilter(ctx, predictionModels),
        eq(predictionModels.kind, kind),
        eq(predictionModels.live, true),
        ne(predictionModels.id, id),
      ),
    );
  await exec
    .update(predictionModels)
    .set({ live: true })
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.id, id)));
}

/** Retires ready versions of `kind` beyond the newest KEEP_VERSIONS (never the live one): artefact dropped. */
export async function retireOldRows(exec: Executor, ctx: Tenant, kind: PredictionKind): Promise<void> {
  const keep = await exec
    .select({ id: predictionModels.id })
    .from(predictionModels)
    .where(
      and(
        tenantFilter(ctx, predictionModels),
        eq(predictionModels.kind, kind),
        eq(predictionModels.status, 'ready'),
      ),
    )
    .orderBy(desc(predictionModels.version))
    .limit(KEEP_VERSIONS);
  await exec
    .update(predictionModels)
    .set({ status: 'retired', artefact: null })
    .where(
      and(
        tenantFilter(ctx, predictionModels),
        eq(predictionModels.kind, kind),
        eq(predictionModels.status, 'ready'),
        eq(predictionModels.live, false),
        keep.length
          ? sql`${predictionModels.id} not in (${sql.join(
              keep.map((k) => sql`${k.id}::uuid`),
              sql`, `,
            )})`
          : undefined,
      ),
    );
}

export interface ScoreRow {
  shopperId: string;
  score: number;
  detail: Record<string, unknown>;
}

/**
 * Replaces the scores of `kind` with `rows` (all from `modelId`, as of `scoredAt`): upserts in
 * batches, then deletes the scores of shoppers not in `rows` (no longer eligible). Gives the event
 * loop back between batches: on the embedded database (the server's thread) building and
 * running the demo's scores in one go was a half-second block.
 */
export async function replaceScores(
  exec: Executor,
  ctx: Tenant,
  kind: PredictionKind,
  modelId: string,
  scoredAt: Date,
  rows: readonly ScoreRow[],
): Promise<void> {
  for await (const batch of slicesWithTurns(rows, SCORE_BATCH)) {
    await exec
      .insert(shopperScores)
      .values(
        batch.map((r) => ({
          tenantId: ctx.tenantId,
          shopperId: r.shopperId,
          kind,
          modelId,
          score: r.score,
          detail: r.detail,
          scoredAt,
        })),
      )
      .onConflictDoUpdate({
        target: [shopperScores.tenantId, shopperScores.shopperId, shopperScores.kind],
        set: {
          modelId: sql`excluded.model_id`,
          score: sql`excluded.score`,
          detail: sql`excluded.detail`,
          scoredAt: sql`excluded.scored_at`,
        },
      });
  }
  // Every eligible shopper was just written with this model id: any other row of the kind is stale.
  await exec
    .delete(shopperScores)
    .where(
      and(tenantFilter(ctx, shopperScores), eq(shopperScores.kind, kind), ne(shopperScores.modelId, modelId)),
    );
}

/** A shopper's scores of every kind (empty when the shopper is not in this workspace). */
export function getScoreRows(exec: Executor, ctx: Tenant, shopperId: string) {
  return exec
    .select()
    .from(shopperScores)
    .where(and(tenantFilter(ctx, shopperScores), eq(shopperScores.shopperId, shopperId)));
}

/** True when the shopper exists in this workspace. */
export async function shopperExists(exec: Executor, ctx: Tenant, shopperId: string): Promise<boolean> {
  const rows = rowsOf<{ one: number }>(
    await exec.execute(
      sql`select 1 as one from shoppers where tenant_id = ${ctx.tenantId} and id = ${shopperId}::uuid limit 1`,
    ),
  );
  return rows.length > 0;
}

/**
 * Highest or lowest scores of a kind, with the shopper's name, email (decrypted; masked unless
 * `ctx` carries `shoppers.pii`) and country.
 */
export async function listTopScores(
  exec: Executor,
  ctx: Tenant & Partial<TenantContext>,
  kind: PredictionKind,
  order: 'asc' | 'desc',
  limit: number,
) {
  const rows = rowsOf<{
    shopper_id: string;
    name: string | null;
    email: string | null;
    emailEnc: string | null;
    nameEnc: string | null;
    country: string | null;
    score: number;
    detail: Record<string, unknown> | null;
  }>(
    await exec.execute(sql`
      select x.shopper_id, s.name, s.email, s.email_enc as "emailEnc", s.name_enc as "nameEnc", s.country,
        x.score, x.detail
      from shopper_scores x
      join shoppers s on s.tenant_id = x.tenant_id and s.id = x.shopper_id
      where x.tenant_id = ${ctx.tenantId} and x.kind = ${kind}
      order by x.score ${sql.raw(order === 'asc' ? 'asc' : 'desc')}, x.shopper_id asc
      limit ${limit}`),
  );
  const pii = await shopperPii(exec, ctx.tenantId, rows, piiClearFor(ctx));
  return pii.map((r) => ({
    shopperId: r.shopper_id,
    name: r.name,
    email: r.email,
    country: r.country,
    score: Number(r.score),
    detail: r.detail ?? {},
  }));
}

/** Count of scores per equal-width bin over [lo, hi] (the last bin includes hi). */
export async function countScoreBins(
  exec: Executor,
  ctx: Tenant,
  kind: PredictionKind,
  lo: number,
  hi: number,
  bins: number,
): Promise<Map<number, number>> {
  const width = (hi - lo) / bins;
  const rows = rowsOf<{ bin: number; n: number }>(
    await exec.execute(sql`
      select least(greatest(floor((score - ${lo}::float8) / ${width}::float8), 0), ${bins - 1})::int as bin,
        count(*)::int as n
      from shopper_scores where tenant_id = ${ctx.tenantId} and kind = ${kind}
      group by 1`),
  );
  return new Map(rows.map((r) => [Number(r.bin), Number(r.n)]));
}

/** Highest score of a kind, or null without scores. */
export async function maxScore(exec: Executor, ctx: Tenant, kind: PredictionKind): Promise<number | null> {
  const [row] = await exec
    .select({ max: sql<number | null>`max(${shopperScores.score})` })
    .from(shopperScores)
    .where(and(tenantFilter(ctx, shopperScores), eq(shopperScores.kind, kind)));
  return row?.max == null ? null : Number(row.max);
}
