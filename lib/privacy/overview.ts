import { and, desc, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type PrivacyRequestKind, type PrivacyRequestStatus, privacyRequests } from '@/db/schema';
import { lastVerification, lastVerifiedHead } from '@/lib/audit/chain';
import { type ConsentRates, consentRates } from '@/lib/consent/service';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { type EncryptionCoverage, encryptionCoverage } from './encryption-status';
import { type PolicyStatus, retentionStatus } from './retention/policy';
import { listRetentionRuns, type RetentionRunRow } from './retention/queries';

const OPEN: PrivacyRequestStatus[] = ['received', 'verified', 'in_progress'];
const DAY_MS = 86_400_000;

export interface RequestCounts {
  open: number;
  overdue: number;
  /** Open and due within 7 days (not yet overdue). */
  dueSoon: number;
  /** Open requests per kind. */
  byKind: Record<PrivacyRequestKind, number>;
  completed30d: number;
  rejected30d: number;
}

export interface RecentRequest {
  id: string;
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  regulation: string;
  source: string;
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  overdue: boolean;
  /** The request's proof in one line ("14 tables changed, 10,012 rows; scan of 41 tables: 0 left"). */
  proof: string | null;
}

export interface PrivacyOverview {
  generatedAt: Date;
  requests: RequestCounts;
  recentRequests: RecentRequest[];
  consent: ConsentRates;
  /** Shoppers' personal fields sealed under the current key (lib/privacy/encryption-status). */
  encryption: EncryptionCoverage;
  retention: PolicyStatus[];
  lastRetentionRun: RetentionRunRow | null;
  lastVerification: {
    verifiedAt: Date;
    ok: boolean;
    entries: number;
    firstBadId: string | null;
    durationMs: number;
    actor: string;
    /** The head hash the verification reported (from its audit entry). */
    head: string | null;
  } | null;
}

/** Open, overdue and recently closed requests of the workspace, as of `now`. */
export async function countRequests(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  now: Date,
): Promise<RequestCounts> {
  const soon = new Date(now.getTime() + 7 * DAY_MS);
  const month = new Date(now.getTime() - 30 * DAY_MS);
  const rows = rowsOf<{
    kind: PrivacyRequestKind;
    open: number;
    overdue: number;
    soon: number;
    completed: number;
    rejected: number;
  }>(
    await exec.execute(sql`
      select kind,
        count(*) filter (where status in ('received', 'verified', 'in_progress'))::int as open,
        count(*) filter (where status in ('received', 'verified', 'in_progress')
          and due_at < ${now.toISOString()}::timestamptz)::int as overdue,
        count(*) filter (where status in ('received', 'verified', 'in_progress')
          and due_at >= ${now.toISOString()}::timestamptz and due_at < ${soon.toISOString()}::timestamptz)::int as soon,
        count(*) filter (where status = 'completed' and completed_at >= ${month.toISOString()}::timestamptz)::int as completed,
        count(*) filter (where status = 'rejected' and updated_at >= ${month.toISOString()}::timestamptz)::int as rejected
      from privacy_requests where tenant_id = ${ctx.tenantId}
      group by kind`),
  );
  const byKind: Record<PrivacyRequestKind, number> = { access: 0, erasure: 0, rectification: 0, opt_out: 0 };
  const sum = (k: 'open' | 'overdue' | 'soon' | 'completed' | 'rejected') =>
    rows.reduce((n, r) => n + r[k], 0);
  for (const r of rows) byKind[r.kind] = r.open;
  return {
    open: sum('open'),
    overdue: sum('overdue'),
    dueSoon: sum('soon'),
    byKind,
    completed30d: sum('completed'),
    rejected30d: sum('rejected'),
  };
}

/** The latest requests, open ones first by due date, then closed ones newest first. */
export async function listRecentRequests(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  now: Date,
  limit = 10,
): Promise<RecentRequest[]> {
  const [open, closed] = await Promise.all([
    exec
      .select()
      .from(privacyRequests)
      .where(and(tenantFilter(ctx, privacyRequests), inArray(privacyRequests.status, OPEN)))
      .orderBy(privacyRequests.dueAt)
      .limit(limit),
    exec
      .select()
      .from(privacyRequests)
      .where(
        and(tenantFilter(ctx, privacyRequests), inArray(privacyRequests.status, ['completed', 'rejected'])),
      )
      .orderBy(desc(privacyRequests.updatedAt))
      .limit(limit),
  ]);
  return [...open, ...closed].slice(0, limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    regulation: r.regulation,
    source: r.source,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    completedAt: r.completedAt,
    overdue: OPEN.includes(r.status) && r.dueAt.getTime() < now.getTime(),
    proof:
      r.status === 'rejected' ? `Rejected: ${r.rejectedReason ?? 'no reason given'}` : proofSummary(r.result),
  }));
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A request's stored proof (`privacy_requests.result`) in one line; null when there is none yet. */
export function proofSummary(result: Record<string, unknown> | null): string | null {
  if (!result) return null;
  if (result.noSubject)
    return typeof result.note === 'string' ? result.note : 'No data held about the subject.';
  const parts: string[] = [];
  if (Array.isArray(result.steps)) {
    const steps = (result.steps as { action?: unknown; count?: unknown }[]).filter(
      (s) => s.action !== 'invalidated',
    );
    const rows = steps.reduce((n, s) => n + num(s.count), 0);
    parts.push(`${steps.length} tables and artefacts changed, ${rows.toLocaleString('en')} rows`);
  }
  const v = result.verification as { tablesScanned?: unknown; remaining?: unknown } | undefined;
  if (v && typeof v === 'object')
    parts.push(`scan of ${num(v.tablesScanned)} tables: ${num(v.remaining)} left`);
  if (Array.isArray(result.sections)) {
    const sections = result.sections as { name?: unknown; rows?: unknown }[];
    parts.push(
      `export of ${sections.length} sections, ${sections.reduce((n, s) => n + num(s.rows), 0).toLocaleString('en')} rows`,
    );
  }
  if (Array.isArray(result.fields))
    parts.push(
      `rectified ${(result.fields as { field?: unknown }[]).map((f) => String(f.field)).join(', ')}`,
    );
  if (result.doNotSellOrShare) parts.push('opted out of sale and sharing');
  return parts.length ? parts.join('; ') : null;
}

/**
 * Everything Privacy → Overview and the compliance report show: requests, consent rates (last
 * 30 days), encryption coverage, retention status, the last retention run and the last audit-chain
 * verification.
 * @throws AppError forbidden without privacy.read.
 */
export async function getPrivacyOverview(
  exec: Executor,
  ctx: TenantContext,
  opts: { now?: Date; consentDays?: number } = {},
): Promise<PrivacyOverview> {
  if (!hasPermission(ctx, 'privacy.read'))
    throw forbidden('Your role does not allow viewing the privacy center.');
  const now = opts.now ?? new Date();
  const [requests, recentRequests, consent, encryption, retention, [lastRun], verification, head] =
    await Promise.all([
      countRequests(exec, ctx, now),
      listRecentRequests(exec, ctx, now),
      consentRates(exec, ctx, { days: opts.consentDays ?? 30, now }),
      encryptionCoverage(exec, ctx),
      retentionStatus(exec, ctx, now),
      listRetentionRuns(exec, ctx, 1),
      lastVerification(exec, ctx),
      lastVerifiedHead(exec, ctx),
    ]);
  return {
    generatedAt: now,
    requests,
    recentRequests,
    consent,
    encryption,
    retention,
    lastRetentionRun: lastRun ?? null,
    lastVerification: verification
      ? {
          verifiedAt: verification.verifiedAt,
          ok: verification.ok,
          entries: verification.entries,
          firstBadId: verification.firstBadId,
          durationMs: verification.durationMs,
          actor: verification.actor,
          head,
        }
      : null,
  };
}
