import { index, integer, jsonb, pgTable, primaryKey, text, boolean } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz } from './columns';
import { tenantId } from './tenants';

/**
 * One row per background job: the source of truth for state and progress that the UI shows,
 * whichever runner executes it (in-process in embedded mode, pg-boss workers on Postgres).
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
  ],
);
