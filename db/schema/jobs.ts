import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/**
 * One row per background job: the source of truth for state and progress that the UI shows,
 * whichever runner executes it (in-process in embedded mode, pg-boss workers on Postgres).
 * A claim sets `locked_by` and increments `attempts`; every later write of the runner is fenced
 * on that pair, so a worker that lost its lease can no longer change the row.
 */
export const jobs = pgTable(
  'jobs',
  {
    tenantId: tenantId(),
    id: idColumn(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('queued'), // queued | running | succeeded | failed | cancelled
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    progressMessage: text('progress_message'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: tstz('run_after').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: tstz('locked_until'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** Handler-owned checkpoint so a retried or resumed job continues where it stopped. */
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('jobs_status_idx').on(t.status, t.runAfter),
    index('jobs_tenant_time_idx').on(t.tenantId, t.createdAt),
    // At most one active (queued or running) job per tenant and dedupe key; finished jobs free the key.
    uniqueIndex('jobs_dedupe_active_key')
      .on(t.tenantId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.status} in ('queued', 'running')`),
  ],
);

/**
 * Recurring schedules, one row per (tenant, schedule name) holding that tenant's next slot.
 * Whichever runner first moves `next_run_at` forward enqueues the slot's job, so several
 * workers never run one slot twice. Rows are created by the scheduler for every workspace.
 */
export const jobSchedules = pgTable(
  'job_schedules',
  {
    tenantId: tenantId(),
    name: text('name').notNull(),
    intervalSeconds: integer('interval_seconds').notNull(),
    nextRunAt: tstz('next_run_at').notNull(),
    lastRunAt: tstz('last_run_at'),
    lastJobId: uuid('last_job_id'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.name] }),
    index('job_schedules_due_idx').on(t.name, t.nextRunAt),
  ],
);
