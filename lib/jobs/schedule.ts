import { inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { jobSchedules, tenants } from '@/db/schema';
import { log } from '@/lib/log';
import { enqueueJob } from './enqueue';
import type { JobDefinition } from './types';

export interface ScheduleTenant {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
}

export interface ScheduleTiming {
  /** Period in minutes, 1 .. 44640 (31 days). Slots are aligned to the Unix epoch in UTC. */
  everyMinutes: number;
  /** Shifts the slot inside the period, e.g. everyMinutes 1440 + offsetMinutes 180 → daily at 03:00 UTC. */
  offsetMinutes?: number;
  /** Unique and stable (it keys the stored state); defaults to the job type. */
  name?: string;
}

interface Schedule {
  name: string;
  type: string;
  intervalSeconds: number;
  offsetSeconds: number;
  payloadFor: (tenant: ScheduleTenant) => object | null;
}

const g = globalThis as unknown as { __tailorJobSchedules?: Map<string, Schedule> };
g.__tailorJobSchedules ??= new Map();
const schedules = g.__tailorJobSchedules;

/**
 * Runs `job` for every workspace on a fixed period. Each tenant's next slot is a row in
 * `job_schedules`; the runner that moves it forward enqueues the job (dedupe key
 * `schedule:<name>`, so a slot never piles up behind a run still in progress). Missed slots
 * (server down) collapse into one run. `payloadPerTenant` returning null skips that tenant.
 */
export function scheduleJob<P extends object>(
  job: JobDefinition<P, never>,
  timing: ScheduleTiming,
  payloadPerTenant: (tenant: ScheduleTenant) => P | null = () => ({}) as P,
): void {
  const { everyMinutes, offsetMinutes = 0 } = timing;
  if (!Number.isInteger(everyMinutes) || everyMinutes < 1 || everyMinutes > 44_640) {
    throw new Error('everyMinutes must be an integer in 1..44640.');
  }
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < 0 || offsetMinutes >= everyMinutes) {
    throw new Error('offsetMinutes must be an integer in 0..everyMinutes-1.');
  }
  const name = timing.name ?? job.type;
  schedules.set(name, {
    name,
    type: job.type,
    intervalSeconds: everyMinutes * 60,
    offsetSeconds: offsetMinutes * 60,
    payloadFor: payloadPerTenant,
  });
}

export function listSchedules(): { name: string; type: string; intervalSeconds: number }[] {
  return [...schedules.values()].map(({ name, type, intervalSeconds }) => ({ name, type, intervalSeconds }));
}

/** Tests only. */
export function unscheduleJob(name: string): void {
  schedules.delete(name);
}

/** The first slot boundary strictly after now(), on the database clock. */
const nextSlot = (s: Schedule) =>
  sql`to_timestamp((floor((extract(epoch from now()) - ${s.offsetSeconds}::int) / ${s.intervalSeconds}::int) + 1) * ${s.intervalSeconds}::int + ${s.offsetSeconds}::int)`;

const BATCH = 100;

/**
 * Enqueues the jobs of every due schedule slot, for every tenant. Safe to call from several
 * processes at once (slots are claimed with SKIP LOCKED inside the transaction that enqueues).
 * Returns how many jobs were created.
 */
export async function runDueSchedules(db: Db): Promise<number> {
  let created = 0;
  for (const s of schedules.values()) {
    // New workspaces get their row (first run at the next slot); a changed period resets it.
    await db.execute(sql`
      insert into ${jobSchedules} (tenant_id, name, interval_seconds, next_run_at)
      select t.id, ${s.name}, ${s.intervalSeconds}::int, ${nextSlot(s)} from ${tenants} t
      on conflict (tenant_id, name) do update
        set interval_seconds = excluded.interval_seconds, next_run_at = excluded.next_run_at, updated_at = now()
        where ${jobSchedules.intervalSeconds} <> excluded.interval_seconds`);
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const due = rowsOf<{ tenant_id: string }>(
          await tx.execute(sql`
            update ${jobSchedules} set next_run_at = ${nextSlot(s)}, last_run_at = now(), updated_at = now()
            where (tenant_id, name) in (
              select tenant_id, name from ${jobSchedules}
              where name = ${s.name} and next_run_at <= now()
              limit ${BATCH} for update skip locked)
            returning tenant_id`),
        );
        if (due.length === 0) return 0;
        const rows = await tx
          .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, isDemo: tenants.isDemo })
          .from(tenants)
          .where(
            inArray(
              tenants.id,
              due.map((d) => d.tenant_id),
            ),
          );
        for (const t of rows) {
          let payload: object | null;
          try {
            payload = s.payloadFor({ ...t, isDemo: Boolean(t.isDemo) });
          } catch (error) {
            log('error', 'jobs.schedule_payload_failed', { schedule: s.name, tenantId: t.id, error });
            continue;
          }
          if (!payload) continue;
          const r = await enqueueJob(tx, { tenantId: t.id }, s.type, payload, {
            dedupeKey: `schedule:${s.name}`,
          });
          if (r.created) created += 1;
          await tx.execute(
            sql`update ${jobSchedules} set last_job_id = ${r.job.id} where tenant_id = ${t.id} and name = ${s.name}`,
          );
        }
        return due.length;
      });
      if (claimed < BATCH) break;
    }
  }
  return created;
}
