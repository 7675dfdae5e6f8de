import type { Db, Executor } from '@/db/client';
import type {
  PrivacyRegulation,
  PrivacyRequestKind,
  PrivacyRequestSource,
  PrivacyRequestStatus,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import { conflict, notFound } from '@/lib/errors';
import { type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { compareUrgency, dueDateFor } from './due-dates';
import {
  getRequestRow,
  insertRequest,
  listRequestRows,
  type PrivacyRequestRow,
  updateRequestFrom,
} from './queries';
import {
  createRequestSchema,
  type ListFilter,
  type RectificationChanges,
  listFilterSchema,
  rejectRequestSchema,
  requestIdSchema,
  verifyRequestSchema,
} from './schemas';
import { resolveSubject, type SubjectIdentifier, seal, subjectLabel } from './subject';
import {
  type HistoryEntry,
  type PrivacyRequestView,
  requireManage,
  requireRead,
  toView,
  withHistory,
} from './view';

export type { HistoryEntry, PrivacyRequestView } from './view';
export { requireManage, requireRead, toView, withHistory } from './view';

/** Which statuses each step may leave from. Anything else is an illegal transition. */
export const TRANSITIONS = {
  verify: ['received'],
  start: ['verified'],
  complete: ['verified', 'in_progress'],
  reject: ['received', 'verified', 'in_progress'],
} as const satisfies Record<string, readonly PrivacyRequestStatus[]>;
export type Step = keyof typeof TRANSITIONS;

const STEP_WORDS: Record<Step, string> = {
  verify: 'verified',
  start: 'started',
  complete: 'completed',
  reject: 'rejected',
};

/** The row, or a clear error: not found, or an illegal transition naming the current status. */
export async function loadForStep(exec: Executor, ctx: TenantContext, id: string, step: Step) {
  const row = await getRequestRow(exec, ctx, id);
  if (!row) throw notFound('Privacy request not found.');
  const from = TRANSITIONS[step] as readonly PrivacyRequestStatus[];
  if (!from.includes(row.status)) {
    throw conflict(
      `This request is ${row.status.replace('_', ' ')}; it can be ${STEP_WORDS[step]} only when ${from.join(' or ').replace('_', ' ')}.`,
    );
  }
  return row;
}

/**
 * Files a request: finds the subject (by email through its keyed hash, external id or shopper id;
 * none found is allowed — "we hold nothing" is an answer), seals the contact and any corrected
 * values, sets the due date (30 days GDPR / UK GDPR, 45 CCPA) and audits it.
 * @throws AppError forbidden without privacy.manage; validation_failed with field errors.
 */
export async function createRequest(
  db: Db,
  ctx: TenantContext,
  input: unknown,
  source: PrivacyRequestSource = 'dashboard',
): Promise<PrivacyRequestView> {
  requireManage(ctx);
  const d = parseOrThrow(createRequestSchema, input);
  return withTenantTx(db, ctx, async (tx) => {
    const row = await fileRequest(tx, ctx, {
      ...d,
      source,
      identifiers: [{ type: d.identifierType, value: d.identifier }],
    });
    return toView(tx, ctx, row);
  });
}

/** A request to file, already validated (the form, the API, a store webhook, the CLI). */
export interface FileRequestSpec {
  kind: PrivacyRequestKind;
  regulation: PrivacyRegulation;
  source: PrivacyRequestSource;
  /** Tried in order to find the shopper; the first is hashed into `subject_hash`. */
  identifiers: SubjectIdentifier[];
  contact?: string;
  note?: string;
  changes?: RectificationChanges;
  details?: Record<string, unknown>;
  /** Verified on intake (a store vouching for its customer, the CLI's operator). */
  verification?: { method: string; note?: string };
  /** Overrides the subject lookup (whole-store erasure has no single subject). */
  noSubject?: boolean;
}

/** Inserts and audits a request inside the caller's transaction. @throws nothing of its own. */
export async function fileRequest(tx: Executor, ctx: TenantContext, spec: FileRequestSpec) {
  const found = await resolveSubject(tx, ctx, spec.identifiers);
  const shopperId = spec.noSubject ? null : found.shopperId;
  const now = new Date();
  const at = now.toISOString();
  const changeFields = Object.entries(spec.changes ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [k]));
  const history: HistoryEntry[] = [{ status: 'received', at, by: ctx.actorLabel }];
  if (spec.verification) history.push({ status: 'verified', at, by: ctx.actorLabel });
  const first = spec.identifiers[0];
  const row = await insertRequest(tx, ctx, {
    kind: spec.kind,
    regulation: spec.regulation,
    source: spec.source,
    status: spec.verification ? 'verified' : 'received',
    shopperId,
    subjectHash: found.subjectHash,
    contactEnc: await seal(tx, ctx, spec.contact),
    dueAt: dueDateFor(spec.regulation, now),
    createdAt: now,
    ...(spec.verification
      ? { verifiedAt: now, verification: { ...spec.verification, by: ctx.actorLabel, at } }
      : {}),
    details: {
      ...spec.details,
      identifierType: first?.type,
      subjectFound: shopperId !== null,
      ...(spec.note ? { note: spec.note } : {}),
      ...(changeFields.length
        ? { changeFields, changesEnc: await seal(tx, ctx, JSON.stringify(spec.changes)) }
        : {}),
      history,
    },
    createdBy: ctx.actorLabel,
  });
  await recordAudit(tx, ctx, {
    action: 'privacy.request_created',
    targetType: 'privacy_request',
    targetId: row.id,
    details: {
      kind: spec.kind,
      regulation: spec.regulation,
      source: spec.source,
      ...(spec.verification ? { verified: spec.verification.method } : {}),
      ...(await subjectLabel(tx, ctx, shopperId)),
    },
  });
  return row;
}

/** One request of the workspace, or null. @throws forbidden without privacy.read. */
export async function getRequest(
  exec: Executor,
  ctx: TenantContext,
  id: string,
): Promise<PrivacyRequestView | null> {
  requireRead(ctx);
  if (!requestIdSchema.safeParse({ id }).success) return null;
  const row = await getRequestRow(exec, ctx, id);
  return row ? toView(exec, ctx, row) : null;
}

/** Requests filtered by status/kind, most urgent first (overdue, due soon, on track, closed). */
export async function listRequests(exec: Executor, ctx: TenantContext, filter: unknown = {}) {
  requireRead(ctx);
  const f: ListFilter = parseOrThrow(listFilterSchema, filter);
  const now = new Date();
  const rows = await listRequestRows(exec, ctx, f);
  rows.sort((a, b) => compareUrgency(a, b, now));
  return Promise.all(rows.map((r) => toView(exec, ctx, r, now)));
}

/** Records how the requester's identity was checked (required before processing). */
export async function verifyRequest(db: Db, ctx: TenantContext, input: unknown) {
  requireManage(ctx);
  const d = parseOrThrow(verifyRequestSchema, input);
  const at = new Date();
  const verification = {
    method: d.method,
    ...(d.note ? { note: d.note } : {}),
    by: ctx.actorLabel,
    at: at.toISOString(),
  };
  return moveRequest(
    db,
    ctx,
    d.id,
    'verify',
    'verified',
    { verification, verifiedAt: at },
    { method: d.method },
  );
}

/** Marks a verified request as being worked on. */
export async function startRequest(db: Db, ctx: TenantContext, input: unknown) {
  requireManage(ctx);
  const d = parseOrThrow(requestIdSchema, input);
  return moveRequest(db, ctx, d.id, 'start', 'in_progress', {}, {});
}

/** Closes a request without processing it; the reason is required and kept, the contact dropped. */
export async function rejectRequest(db: Db, ctx: TenantContext, input: unknown) {
  requireManage(ctx);
  const d = parseOrThrow(rejectRequestSchema, input);
  return moveRequest(
    db,
    ctx,
    d.id,
    'reject',
    'rejected',
    { rejectedReason: d.reason, completedAt: new Date(), contactEnc: null },
    { reason: d.reason },
    true,
  );
}

async function moveRequest(
  db: Db,
  ctx: TenantContext,
  id: string,
  step: Step,
  to: PrivacyRequestStatus,
  patch: Partial<PrivacyRequestRow>,
  auditDetails: Record<string, unknown>,
  closing = false,
) {
  return withTenantTx(db, ctx, async (tx) => {
    const row = await loadForStep(tx, ctx, id, step);
    const entry: HistoryEntry = { status: to, at: new Date().toISOString(), by: ctx.actorLabel };
    const details = withHistory(row, entry);
    if (closing) delete details.changesEnc;
    const next = await updateRequestFrom(tx, ctx, id, [row.status], { ...patch, status: to, details });
    if (!next) throw conflict('This request was changed by someone else. Reload and try again.');
    await recordAudit(tx, ctx, {
      action: `privacy.request_${STEP_WORDS[step]}`,
      targetType: 'privacy_request',
      targetId: id,
      details: { kind: row.kind, ...auditDetails, ...(await subjectLabel(tx, ctx, row.shopperId)) },
    });
    return toView(tx, ctx, next);
  });
}
