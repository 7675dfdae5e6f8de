import type { Executor } from '@/db/client';
import type { PrivacySettings } from '@/lib/privacy/settings-schemas';
import { getPrivacySettings } from '@/lib/privacy/settings';
import type { TenantContext } from '@/lib/tenant/context';
import { type OldestRows, oldestRows } from './queries';

/** The three retention periods; null keeps forever. */
export interface RetentionPolicy {
  rawEventsDays: number | null;
  inactiveShopperMonths: number | null;
  logsDays: number | null;
}

export type RetentionKey = keyof RetentionPolicy;

const DAY_MS = 86_400_000;
/**
 * The job runs daily, so a row may legitimately outlive its limit by up to a day before the next
 * run removes it: only older than limit + this grace counts as overdue.
 */
export const OVERDUE_GRACE_MS = DAY_MS;

export function policyOf(s: PrivacySettings): RetentionPolicy {
  return {
    rawEventsDays: s.rawEventsDays,
    inactiveShopperMonths: s.inactiveShopperMonths,
    logsDays: s.logsDays,
  };
}

/** `months` calendar months before `now` (UTC), clamped to the month's last day (31 Mar − 1 → 28/29 Feb). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The cutoff per policy: rows older than it are removed. Null where the policy keeps forever. */
export function cutoffs(p: RetentionPolicy, now: Date): Record<RetentionKey, Date | null> {
  return {
    rawEventsDays: p.rawEventsDays === null ? null : new Date(now.getTime() - p.rawEventsDays * DAY_MS),
    inactiveShopperMonths:
      p.inactiveShopperMonths === null ? null : monthsBefore(now, p.inactiveShopperMonths),
    logsDays: p.logsDays === null ? null : new Date(now.getTime() - p.logsDays * DAY_MS),
  };
}

export interface PolicyStatus {
  key: RetentionKey;
  label: string;
  /** The period (in `unit`), null = keep forever. */
  limit: number | null;
  unit: 'days' | 'months';
  cutoff: Date | null;
  /** The oldest row the policy governs (for shoppers: the least recent activity), null when none. */
  oldest: Date | null;
  /** `off`: keep forever; `compliant`: nothing older than the limit (+1 day grace); else `overdue`. */
  state: 'off' | 'compliant' | 'overdue';
}

const LABELS: Record<RetentionKey, { label: string; unit: 'days' | 'months'; oldest: keyof OldestRows }> = {
  rawEventsDays: { label: 'Raw events', unit: 'days', oldest: 'event' },
  inactiveShopperMonths: { label: 'Inactive shoppers', unit: 'months', oldest: 'shopperActivity' },
  logsDays: { label: 'Logs (jobs, webhook deliveries, import rejections)', unit: 'days', oldest: 'log' },
};

/** Pure: each policy's state from the oldest rows and the clock. */
export function statusOf(policy: RetentionPolicy, oldest: OldestRows, now: Date): PolicyStatus[] {
  const cut = cutoffs(policy, now);
  return (Object.keys(LABELS) as RetentionKey[]).map((key) => {
    const meta = LABELS[key];
    const cutoff = cut[key];
    const old = oldest[meta.oldest];
    const state =
      cutoff === null
        ? 'off'
        : old !== null && old.getTime() < cutoff.getTime() - OVERDUE_GRACE_MS
          ? 'overdue'
          : 'compliant';
    return { key, label: meta.label, limit: policy[key], unit: meta.unit, cutoff, oldest: old, state };
  });
}

/**
 * Per policy, the oldest row still present against the limit: compliant or overdue.
 * Reads only the workspace's rows.
 */
export async function retentionStatus(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  now: Date = new Date(),
): Promise<PolicyStatus[]> {
  const [settings, oldest] = await Promise.all([getPrivacySettings(exec, ctx), oldestRows(exec, ctx)]);
  return statusOf(policyOf(settings), oldest, now);
}

/** "30 days", "6 months", "Keep forever". */
export function limitText(s: Pick<PolicyStatus, 'limit' | 'unit'>): string {
  return s.limit === null
    ? 'Keep forever'
    : `${s.limit} ${s.limit === 1 ? s.unit.replace(/s$/, '') : s.unit}`;
}
