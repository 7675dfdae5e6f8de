import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, forbidden } from '@/lib/errors';
import { ErasureIncompleteError, eraseShopper as eraseShopperDefault } from '@/lib/privacy/erasure/service';
import { getPrivacySettings } from '@/lib/privacy/settings';
import type { PrivacySettings } from '@/lib/privacy/settings-schemas';
import type { ErasureReport } from '@/lib/privacy/subject-types';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import {
  deleteOldEvents,
  deleteOldImportRejections,
  deleteOldJobs,
  deleteOldWebhookDeliveries,
  insertRetentionRun,
  listInactiveShopperIds,
  type RetentionRunRow,
} from './queries';
import { cutoffs, type RetentionPolicy, policyOf } from './policy';

export type RetentionTrigger = 'schedule' | 'manual' | 'cli';

/** Where a run stands: saved as the job's checkpoint, so a resumed run continues with the same cutoffs. */
export type RetentionState = {
  /** The run's clock (ISO), fixed at its start. */
  now: string;
  /** Index into PHASES of the phase in progress. */
  phase: number;
  /** Shoppers phase: the last shopper id handled. */
  afterShopper?: string;
  /** Rows removed so far, per table (shopper erasures also per erased table and action). */
  removed: Record<string, number>;
};

export interface RunRetentionOptions {
  trigger: RetentionTrigger;
  /** The clock for the cutoffs (tests pin it); default now. */
  now?: Date;
  /** Continue a run that stopped (the job's checkpoint). */
  resume?: RetentionState | null;
  /** Rows per delete batch (1..50,000, default 5,000) and shoppers per listing. */
  batchSize?: number;
  /** After each batch, with the transaction that removed it (null for shopper erasures). */
  onBatch?: (state: RetentionState, tx: Executor | null) => Promise<void> | void;
  /** The erasure engine (default lib/privacy/erasure); tests may observe it. */
  eraseShopper?: (db: Db, ctx: TenantContext, shopperId: string) => Promise<ErasureReport>;
}

export interface RetentionReport {
  policy: RetentionPolicy;
  removed: Record<string, number>;
  /** The stored run, or null when no policy is set and the run was scheduled (nothing to record). */
  run: RetentionRunRow | null;
}

type Deleter = (exec: Executor, ctx: TenantContext, cutoff: Date, limit: number) => Promise<number>;

/** Table purges in order; `shoppers` (erasure) sits between events and the logs. */
const PHASES: { table: string; policy: keyof RetentionPolicy; remove: Deleter | 'erase' }[] = [
  { table: 'events', policy: 'rawEventsDays', remove: deleteOldEvents },
  { table: 'shoppers', policy: 'inactiveShopperMonths', remove: 'erase' },
  { table: 'jobs', policy: 'logsDays', remove: deleteOldJobs },
  { table: 'webhook_deliveries', policy: 'logsDays', remove: deleteOldWebhookDeliveries },
  { table: 'import_rejections', policy: 'logsDays', remove: deleteOldImportRejections },
];

/**
 * Applies the workspace's retention policies: deletes events that occurred more than
 * `rawEventsDays` ago, erases (through the erasure engine, so nothing about them stays) shoppers
 * with no activity for `inactiveShopperMonths`, and deletes finished job rows, webhook delivery
 * records and import rejections older than `logsDays`. The audit log is never purged: it is
 * append-only and hash-chained, and removing entries would break the chain.
 * Works in bounded batches and reports each through `onBatch`, so a stopped run resumes from its
 * state. Stores a `retention_runs` row (what was removed per table) and an audit entry.
 * @throws AppError forbidden without privacy.manage.
 */
export async function runRetention(
  db: Db,
  ctx: TenantContext,
  opts: RunRetentionOptions,
): Promise<RetentionReport> {
  if (!hasPermission(ctx, 'privacy.manage')) throw forbidden('Your role does not allow running retention.');
  const settings: PrivacySettings = await getPrivacySettings(db, ctx);
  const policy = policyOf(settings);
  const state: RetentionState = opts.resume
    ? { ...opts.resume, removed: { ...opts.resume.removed } }
    : { now: (opts.now ?? new Date()).toISOString(), phase: 0, removed: {} };
  const limit = Math.min(Math.max(Math.trunc(opts.batchSize ?? 5_000), 1), 50_000);
  const cut = cutoffs(policy, new Date(state.now));
  const erase = opts.eraseShopper ?? eraseShopperDefault;
  const add = (key: string, n: number) => {
    if (n > 0) state.removed[key] = (state.removed[key] ?? 0) + n;
  };

  for (; state.phase < PHASES.length; state.phase++, state.afterShopper = undefined) {
    const phase = PHASES[state.phase]!;
    const cutoff = cut[phase.policy];
    if (!cutoff) continue;
    if (phase.remove === 'erase') {
      for (;;) {
        const ids = await listInactiveShopperIds(db, ctx, cutoff, limit, state.afterShopper);
        for (const id of ids) {
          const report = await eraseOne(erase, db, ctx, id);
          if (report === 'gone') {
            // Erased with an earlier shopper (a visitor stitched to a customer goes with them).
          } else if (report === 'incomplete') {
            add('shoppers not erased (left for the next run)', 1);
          } else {
            add('shoppers', 1);
            for (const step of report.steps)
              if (step.target !== 'shoppers' && step.action !== 'invalidated')
                add(`${step.target} (${step.action})`, step.count);
          }
          state.afterShopper = id;
          await opts.onBatch?.(state, null);
        }
        if (ids.length < limit) break;
      }
      continue;
    }
    const remove = phase.remove;
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const removed = await remove(tx, ctx, cutoff, limit);
        add(phase.table, removed);
        await opts.onBatch?.(state, tx);
        return removed;
      });
      if (n < limit) break;
    }
  }

  const anyPolicy = Object.values(policy).some((v) => v !== null);
  if (!anyPolicy && opts.trigger === 'schedule') return { policy, removed: state.removed, run: null };
  const run = await db.transaction(async (tx) => {
    const row = await insertRetentionRun(tx, ctx, {
      policy: { ...policy },
      removed: state.removed,
      trigger: opts.trigger,
      ranAt: new Date(),
    });
    await recordAudit(tx, ctx, {
      action: 'privacy.retention_ran',
      targetType: 'privacy',
      targetId: row.id,
      details: { trigger: opts.trigger, removed: state.removed },
    });
    return row;
  });
  return { policy, removed: state.removed, run };
}

/**
 * One erasure; an erasure whose proof scan still finds the shopper rolls back, and is counted and
 * retried by the next run rather than stopping this one.
 */
async function eraseOne(
  erase: NonNullable<RunRetentionOptions['eraseShopper']>,
  db: Db,
  ctx: TenantContext,
  id: string,
): Promise<ErasureReport | 'gone' | 'incomplete'> {
  try {
    return await erase(db, ctx, id);
  } catch (e) {
    if (e instanceof ErasureIncompleteError) return 'incomplete';
    if (e instanceof AppError && e.code === 'not_found') return 'gone';
    throw e;
  }
}
