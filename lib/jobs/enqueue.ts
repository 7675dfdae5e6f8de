import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs } from '@/db/schema';
import { badRequest } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { tenantFilter } from '@/lib/tenant/context';
import { dispatchJob } from './dispatch';
import { getJobDefinition } from './registry';
import { ACTIVE_STATUSES, type JobDefinition, type JobRow, type JsonObject } from './types';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAfter?: Date;
  /**
   * At most one queued-or-running job per tenant and key: while one is active, enqueueing
   * again returns it (`created: false`) instead of adding a duplicate.
   */
  dedupeKey?: string;
  /** Overrides the type's maxAttempts (1..100). */
  maxAttempts?: number;
}

export interface EnqueueResult {
  job: JobRow;
  /** False when an active job with the same dedupe key already existed and was returned. */
  created: boolean;
}

type TenantRef = Pick<TenantContext, 'tenantId'>;

/**
 * Adds a job for a tenant: inserts the row the UI shows, then notifies the runners (a pg-boss
 * message on Postgres with separate workers, a wake-up in-process). Safe inside a transaction:
 * a runner that hears about the job before the commit retries until the row is visible.
 * Throws `bad_request` for an unknown type or a payload its schema rejects.
 */
export async function enqueueJob<P extends object>(
  exec: Executor,
  tenant: TenantRef,
  job: JobDefinition<P, never> | string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const type = typeof job === 'string' ? job : job.type;
  const definition = getJobDefinition(type);
  if (!definition) throw badRequest(`Unknown job type "${type}".`);
  let data: unknown = payload;
  if (definition.schema) {
    const parsed = definition.schema.safeParse(payload);
    if (!parsed.success) throw badRequest(`Invalid payload for job "${type}".`);
    data = parsed.data;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw badRequest(`The payload of job "${type}" must be an object.`);
  }
  const maxAttempts = options.maxAttempts ?? definition.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw badRequest('maxAttempts must be an integer in 1..100.');
  }
  const values = {
    tenantId: tenant.tenantId,
    type,
    payload: data as JsonObject,
    maxAttempts,
    dedupeKey: options.dedupeKey ?? null,
    ...(options.runAfter ? { runAfter: options.runAfter } : {}),
  };

  // Two tries: the active job holding the key may finish between our insert and our select.
  for (let i = 0; i < 2; i++) {
    const [inserted] = await exec.insert(jobs).values(values).onConflictDoNothing().returning();
    if (inserted) {
      await dispatchJob(inserted);
      return { job: inserted, created: true };
    }
    if (!options.dedupeKey) break;
    const [existing] = await exec
      .select()
      .from(jobs)
      .where(
        and(
          tenantFilter(tenant, jobs),
          eq(jobs.dedupeKey, options.dedupeKey),
          inArray(jobs.status, [...ACTIVE_STATUSES]),
        ),
      )
      .limit(1);
    if (existing) return { job: existing, created: false };
  }
  throw new Error(`Could not enqueue job "${type}".`);
}
