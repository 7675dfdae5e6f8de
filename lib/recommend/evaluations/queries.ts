/**
 * Tenant-scoped SQL of the stored offline evaluations (`recommend_evaluations`): one row per
 * protocol and run. Every statement filters by the tenant, so another workspace's evaluation is
 * simply not found.
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { events, orders, recommendEvaluations } from '@/db/schema';
import type { EvaluationProtocol } from '@/db/schema/recommend';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type EvaluationRecord = typeof recommendEvaluations.$inferSelect;

/** Adds a 'running' evaluation for one protocol; returns the row. */
export async function insertEvaluation(
  exec: Executor,
  ctx: Tenant,
  values: { cutoff: Date; protocol: EvaluationProtocol; jobId?: string | null },
): Promise<EvaluationRecord> {
  const [row] = await exec
    .insert(recommendEvaluations)
    .values({ tenantId: ctx.tenantId, ...values, jobId: values.jobId ?? null })
    .returning();
  if (!row) throw new Error('insert into recommend_evaluations returned no row');
  return row;
}

/** Stores the report of a running evaluation and marks it ready; null when not found here. */
export async function finishEvaluation(
  exec: Executor,
  ctx: Tenant,
  id: string,
  report: Record<string, unknown>,
): Promise<EvaluationRecord | null> {
  const [row] = await exec
    .update(recommendEvaluations)
    .set({ status: 'ready', report, error: null, finishedAt: new Date() })
    .where(and(tenantFilter(ctx, recommendEvaluations), eq(recommendEvaluations.id, id)))
    .returning();
  return row ?? null;
}

/** Marks an evaluation failed with a message safe to show; null when not found here. */
export async function failEvaluation(
  exec: Executor,
  ctx: Tenant,
  id: string,
  error: string,
): Promise<EvaluationRecord | null> {
  const [row] = await exec
    .update(recommendEvaluations)
    .set({ status: 'failed', error, finishedAt: new Date() })
    .where(and(tenantFilter(ctx, recommendEvaluations), eq(recommendEvaluations.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Fails the rows a job left 'running' (an attempt that crashed or timed out), so a rerun of the
 * same job does not leave them spinning forever. Returns how many were closed.
 */
export async function failRunningOfJob(
  exec: Executor,
  ctx: Tenant,
  jobId: string,
  error: string,
): Promise<number> {
  const rows = await exec
    .update(recommendEvaluations)
    .set({ status: 'failed', error, finishedAt: new Date() })
    .where(
      and(
        tenantFilter(ctx, recommendEvaluations),
        eq(recommendEvaluations.jobId, jobId),
        eq(recommendEvaluations.status, 'running'),
      ),
    )
    .returning({ id: recommendEvaluations.id });
  return rows.length;
}

/** One evaluation by id, or null (also for another tenant's id). */
export async function getEvaluation(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<EvaluationRecord | null> {
  const [row] = await exec
    .select()
    .from(recommendEvaluations)
    .where(and(tenantFilter(ctx, recommendEvaluations), eq(recommendEvaluations.id, id)))
    .limit(1);
  return row ?? null;
}

/** The newest evaluations of any status, newest first; `limit` 1..100 (default 20). */
export function listEvaluations(exec: Executor, ctx: Tenant, limit = 20): Promise<EvaluationRecord[]> {
  return exec
    .select()
    .from(recommendEvaluations)
    .where(tenantFilter(ctx, recommendEvaluations))
    .orderBy(desc(recommendEvaluations.createdAt), desc(recommendEvaluations.id))
    .limit(Math.min(100, Math.max(1, Math.floor(limit))));
}

/** The newest ready evaluation of each protocol (a protocol never evaluated is absent). */
export async function latestReadyByProtocol(
  exec: Executor,
  ctx: Tenant,
): Promise<Partial<Record<EvaluationProtocol, EvaluationRecord>>> {
  const rows = await exec
    .selectDistinctOn([recommendEvaluations.protocol])
    .from(recommendEvaluations)
    .where(and(tenantFilter(ctx, recommendEvaluations), eq(recommendEvaluations.status, 'ready')))
    .orderBy(
      recommendEvaluations.protocol,
      desc(recommendEvaluations.finishedAt),
      desc(recommendEvaluations.createdAt),
    );
  return Object.fromEntries(rows.map((r) => [r.protocol, r]));
}

/**
 * First and last interaction time (paid orders with a shopper, and product view / cart / purchase events),
 * as the evaluation reads them; nulls when the workspace has none.
 */
export async function getInteractionSpan(
  exec: Executor,
  ctx: Tenant,
): Promise<{ first: Date | null; last: Date | null }> {
  const ms = (col: typeof orders.placedAt | typeof events.occurredAt) =>
    sql<number | null>`(extract(epoch from min(${col})) * 1000)::float8`;
  const msMax = (col: typeof orders.placedAt | typeof events.occurredAt) =>
    sql<number | null>`(extract(epoch from max(${col})) * 1000)::float8`;
  const [[o], [e]] = await Promise.all([
    exec
      .select({ first: ms(orders.placedAt), last: msMax(orders.placedAt) })
      .from(orders)
      .where(and(tenantFilter(ctx, orders), eq(orders.status, 'paid'), isNotNull(orders.shopperId))),
    exec
      .select({ first: ms(events.occurredAt), last: msMax(events.occurredAt) })
      .from(events)
      .where(
        and(
          tenantFilter(ctx, events),
          isNotNull(events.productId),
          inArray(events.type, ['view', 'add_to_cart', 'purchase']),
        ),
      ),
  ]);
  const firsts = [o?.first, e?.first].filter((x): x is number => typeof x === 'number');
  const lasts = [o?.last, e?.last].filter((x): x is number => typeof x === 'number');
  return {
    first: firsts.length ? new Date(Math.min(...firsts)) : null,
    last: lasts.length ? new Date(Math.max(...lasts)) : null,
  };
}
