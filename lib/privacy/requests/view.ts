import type { Executor } from '@/db/client';
import type { PrivacyRequestStatus } from '@/db/schema';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { daysLeft, type Urgency, urgencyOf } from './due-dates';
import type { PrivacyRequestRow } from './queries';
import { unseal } from './subject';

/** How a request is shown: the timeline, urgency, and the sealed values kept out of sight. */
/** One entry of a request's timeline (kept in `details.history`). */
export interface HistoryEntry {
  status: PrivacyRequestStatus;
  at: string;
  by: string;
  note?: string;
}

/** A request as the dashboard and the API show it: no sealed values, urgency computed. */
export interface PrivacyRequestView extends Omit<PrivacyRequestRow, 'contactEnc' | 'details'> {
  /** The requester's contact in clear (privacy.manage only, while open), else null. */
  contact: string | null;
  hasContact: boolean;
  details: Record<string, unknown>;
  history: HistoryEntry[];
  urgency: Urgency;
  daysLeft: number;
}

export function requireRead(ctx: TenantContext) {
  if (!hasPermission(ctx, 'privacy.read'))
    throw forbidden('Your role does not allow viewing privacy requests.');
}
export function requireManage(ctx: TenantContext) {
  if (!hasPermission(ctx, 'privacy.manage'))
    throw forbidden('Your role does not allow handling privacy requests.');
}

export function historyOf(row: Pick<PrivacyRequestRow, 'details'>): HistoryEntry[] {
  const h = row.details?.history;
  return Array.isArray(h) ? (h as HistoryEntry[]) : [];
}

export function withHistory(
  row: Pick<PrivacyRequestRow, 'details'>,
  entry: HistoryEntry,
): Record<string, unknown> {
  return { ...row.details, history: [...historyOf(row), entry] };
}

export async function toView(exec: Executor, ctx: TenantContext, row: PrivacyRequestRow, now = new Date()) {
  const { contactEnc, details, ...rest } = row;
  const { changesEnc: _sealed, history: _h, ...shown } = details ?? {};
  const contact =
    contactEnc && hasPermission(ctx, 'privacy.manage') ? await unseal(exec, ctx, contactEnc) : null;
  return {
    ...rest,
    contact,
    hasContact: contactEnc !== null,
    details: shown,
    history: historyOf(row),
    urgency: urgencyOf(row, now),
    daysLeft: daysLeft(row.dueAt, now),
  } satisfies PrivacyRequestView;
}
