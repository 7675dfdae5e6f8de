import type { OrderRecord } from '@/lib/ingest/records';
import { type SkipCounts, countSkip } from './types';

/** A platform record mapped to a normalized one, or the reason it was skipped. */
export type Mapped<T> = { ok: true; record: T } | { ok: false; reason: string };

/** A skipped record with its reason (counted, shown on the data-quality page). */
export const skip = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Maps a list, collecting the records and tallying the skip reasons. */
export function mapAll<T>(items: unknown[], fn: (item: unknown) => Mapped<T>, skipped: SkipCounts): T[] {
  const out: T[] = [];
  for (const item of items) {
    let m: Mapped<T>;
    try {
      m = fn(item);
    } catch {
      m = skip('unreadable record');
    }
    if (m.ok) out.push(m.record);
    else countSkip(skipped, m.reason);
  }
  return out;
}

/**
 * An order's normalized status and total: cancelled wins; fully refunded is `refunded` (total
 * kept); a partial refund keeps the order `paid` with the refunded amount taken off its total.
 */
export function orderOutcome(input: {
  cancelled: boolean;
  refunded: boolean;
  voided: boolean;
  totalMinor: number;
  refundedMinor: number;
}): { status: OrderRecord['status']; totalMinor: number } {
  const { totalMinor, refundedMinor } = input;
  if (input.cancelled || input.voided) return { status: 'cancelled', totalMinor };
  if (input.refunded || (refundedMinor > 0 && refundedMinor >= totalMinor)) {
    return { status: 'refunded', totalMinor };
  }
  return { status: 'paid', totalMinor: Math.max(0, totalMinor - refundedMinor) };
}
