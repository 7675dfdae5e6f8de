import type { PrivacyRegulation, PrivacyRequestStatus } from '@/db/schema';

/**
 * Statutory response windows. GDPR art. 12(3) and UK GDPR give one month (we count 30 days, the
 * stricter reading of "one month"); CCPA §1798.130 gives 45 days. Extensions are not modelled:
 * a request that needs one is answered late on purpose, and the overdue warning is the reminder.
 */
export const DUE_DAYS: Record<PrivacyRegulation, number> = { gdpr: 30, uk_gdpr: 30, ccpa: 45 };

/** A request due within this many days shows as "due soon". */
export const DUE_SOON_DAYS = 7;

/** How long an access export stays downloadable after the request closes, in days. */
export const EXPORT_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

export type Urgency = 'overdue' | 'due_soon' | 'on_track' | 'closed';

/** The due date of a request received at `receivedAt` under `regulation` (UTC, to the millisecond). */
export function dueDateFor(regulation: PrivacyRegulation, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + DUE_DAYS[regulation] * DAY_MS);
}

export function isOpen(status: PrivacyRequestStatus): boolean {
  return status !== 'completed' && status !== 'rejected';
}

/**
 * How pressing a request is at `now`: closed requests are `closed`; open ones are `overdue` once
 * past due, `due_soon` within 7 days of it, else `on_track`.
 */
export function urgencyOf(req: { status: PrivacyRequestStatus; dueAt: Date }, now = new Date()): Urgency {
  if (!isOpen(req.status)) return 'closed';
  const left = req.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS * DAY_MS) return 'due_soon';
  return 'on_track';
}

/** Whole days until due (negative when overdue), rounded toward "less time left". */
export function daysLeft(dueAt: Date, now = new Date()): number {
  return Math.floor((dueAt.getTime() - now.getTime()) / DAY_MS);
}

const RANK: Record<Urgency, number> = { overdue: 0, due_soon: 1, on_track: 2, closed: 3 };

/** Most urgent first: overdue, due soon, on track (each by due date), then closed, newest first. */
export function compareUrgency(
  a: { status: PrivacyRequestStatus; dueAt: Date; createdAt: Date },
  b: { status: PrivacyRequestStatus; dueAt: Date; createdAt: Date },
  now = new Date(),
): number {
  const ra = RANK[urgencyOf(a, now)];
  const rb = RANK[urgencyOf(b, now)];
  if (ra !== rb) return ra - rb;
  if (ra === RANK.closed) return b.createdAt.getTime() - a.createdAt.getTime();
  return a.dueAt.getTime() - b.dueAt.getTime();
}

/**
 * Until when an access export can be downloaded: open requests always; closed ones for 30 days
 * after they closed. Returns null while the request is open (no limit yet).
 */
export function exportAvailableUntil(closedAt: Date | null): Date | null {
  return closedAt ? new Date(closedAt.getTime() + EXPORT_RETENTION_DAYS * DAY_MS) : null;
}
