import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { recordConsent } from '@/lib/consent/service';
import { conflict } from '@/lib/errors';
import { exportShopper } from '@/lib/privacy/access/service';
import { eraseShopper } from '@/lib/privacy/erasure/service';
import { lookupHash, piiVersionOf } from '@/lib/privacy/pii';
import type { ErasureReport } from '@/lib/privacy/subject-types';
import { type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { mergeErasureReports } from './merge-reports';
import {
  getShopperRow,
  listStoreShopperIds,
  patchShopper,
  type PrivacyRequestRow,
  setShopperFlag,
  type ShopperPatch,
  updateRequestFrom,
} from './queries';
import { type RectificationChanges, requestIdSchema } from './schemas';
import { loadForStep, type PrivacyRequestView, requireManage, toView, withHistory } from './service';
import { seal, subjectLabel, unseal } from './subject';

/** The shopper attribute that records an opt-out of sale/sharing (CCPA §1798.120). */
export const DO_NOT_SELL_FLAG = 'do_not_sell_or_share';

type Outcome = { result: Record<string, unknown>; done: boolean; note?: string };

/**
 * Processes a verified request and completes it: access → the export is generated and its
 * summary stored (downloads stay available 30 days); erasure → every trace of the shopper is
 * removed and the report is the proof (the request completes only when the post-erasure scan
 * finds nothing left, and then forgets the shopper id); rectification → the corrected fields are
 * written (sealed); opt_out → advertising consent withdrawn and the do-not-sell/share flag set.
 * The contact and any sealed input are dropped once completed. Audited with the shopper's pseudonym.
 * @throws AppError not_found, conflict (not verified yet / already closed), forbidden.
 */
export async function completeRequest(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<PrivacyRequestView> {
  requireManage(ctx);
  const { id } = parseOrThrow(requestIdSchema, input);
  const row = await claim(db, ctx, id);
  const subject = await subjectLabel(db, ctx, row.shopperId);
  const outcome = await run(db, ctx, row);
  return withTenantTx(db, ctx, async (tx) => {
    const at = new Date();
    const details = withHistory(row, {
      status: outcome.done ? 'completed' : 'in_progress',
      at: at.toISOString(),
      by: ctx.actorLabel,
      ...(outcome.note ? { note: outcome.note } : {}),
    });
    if (outcome.done) delete details.changesEnc;
    const next = await updateRequestFrom(tx, ctx, id, ['in_progress'], {
      result: outcome.result,
      details,
      ...(outcome.done ? { status: 'completed', completedAt: at, contactEnc: null } : {}),
      // Erased: only the subject hash ties the request to the person from now on.
      ...(row.kind === 'erasure' ? { shopperId: outcome.done ? null : row.shopperId } : {}),
    });
    if (!next) throw conflict('This request was changed by someone else. Reload and try again.');
    await recordAudit(tx, ctx, {
      action: outcome.done ? 'privacy.request_completed' : 'privacy.request_incomplete',
      targetType: 'privacy_request',
      targetId: id,
      details: { kind: row.kind, ...subject, ...summaryOf(outcome.result) },
    });
    return toView(tx, ctx, next);
  });
}

/** Moves the request to in_progress (from verified) so nobody verifies or rejects it meanwhile. */
async function claim(db: Db, ctx: TenantContext, id: string): Promise<PrivacyRequestRow> {
  return withTenantTx(db, ctx, async (tx) => {
    const row = await loadForStep(tx, ctx, id, 'complete');
    if (row.status === 'in_progress') return row;
    const details = withHistory(row, {
      status: 'in_progress',
      at: new Date().toISOString(),
      by: ctx.actorLabel,
    });
    const next = await updateRequestFrom(tx, ctx, id, ['verified'], { status: 'in_progress', details });
    if (!next) throw conflict('This request was changed by someone else. Reload and try again.');
    return next;
  });
}

async function run(db: Db, ctx: TenantContext, row: PrivacyRequestRow): Promise<Outcome> {
  const none: Outcome = {
    result: { noSubject: true, note: 'Tailor holds no data about this subject.' },
    done: true,
  };
  if (row.kind === 'erasure')
    return row.details.scope === 'shop' ? eraseStore(db, ctx) : eraseOne(db, ctx, row);
  if (!row.shopperId) return none;
  const shopperId = row.shopperId;
  if (row.kind === 'access') {
    const exp = await exportShopper(db, ctx, shopperId);
    const sections = exp.sections.map((s) => ({ name: s.name, rows: s.rows.length }));
    return { result: { generatedAt: exp.generatedAt, sections, formats: ['json', 'csv'] }, done: true };
  }
  if (row.kind === 'rectification') {
    const changes = JSON.parse(
      (await unseal(db, ctx, row.details.changesEnc)) ?? '{}',
    ) as RectificationChanges;
    return withTenantTx(db, ctx, (tx) => rectify(tx, ctx, shopperId, changes));
  }
  return withTenantTx(db, ctx, async (tx) => {
    await recordConsent(tx, ctx, shopperId, { advertising: false }, 'request');
    await setShopperFlag(tx, ctx, shopperId, DO_NOT_SELL_FLAG, true);
    return { result: { consent: { advertising: false }, doNotSellOrShare: true }, done: true };
  });
}

function erasureOutcome(
  report: ErasureReport | (ErasureReport & { scope: string; shoppers: number }),
): Outcome {
  const left = report.verification.remaining;
  return left === 0
    ? { result: { ...report }, done: true }
    : {
        result: { ...report },
        done: false,
        note: `The scan still found ${left} reference${left === 1 ? '' : 's'} to the shopper; run the erasure again.`,
      };
}

async function eraseOne(db: Db, ctx: TenantContext, row: PrivacyRequestRow): Promise<Outcome> {
  if (!row.shopperId) {
    return {
      result: { noSubject: true, steps: [], note: 'Tailor holds no data about this subject.' },
      done: true,
    };
  }
  return erasureOutcome(await eraseShopper(db, ctx, row.shopperId));
}

/** shop/redact: every shopper that came from the store, one erasure each, reported together. */
async function eraseStore(db: Db, ctx: TenantContext): Promise<Outcome> {
  const reports: ErasureReport[] = [];
  for (const shopperId of await listStoreShopperIds(db, ctx)) {
    reports.push(await eraseShopper(db, ctx, shopperId));
  }
  return erasureOutcome({ ...mergeErasureReports(reports), scope: 'shop', shoppers: reports.length });
}

async function rectify(
  tx: Executor,
  ctx: TenantContext,
  shopperId: string,
  changes: RectificationChanges,
): Promise<Outcome> {
  const before = await getShopperRow(tx, ctx, shopperId);
  if (!before) return { result: { noSubject: true, note: 'The shopper no longer exists.' }, done: true };
  const patch: ShopperPatch = {};
  if (changes.email) {
    const email = changes.email.trim().toLowerCase();
    patch.emailEnc = await seal(tx, ctx, email);
    patch.emailHash = await lookupHash(tx, ctx.tenantId, email);
    patch.email = null;
    patch.piiKeyVersion = piiVersionOf(patch.emailEnc ?? '');
  }
  if (changes.name) {
    patch.nameEnc = await seal(tx, ctx, changes.name);
    patch.name = null;
    patch.piiKeyVersion = piiVersionOf(patch.nameEnc ?? '') ?? patch.piiKeyVersion;
  }
  if (changes.country) patch.country = changes.country;
  if (changes.locale) patch.locale = changes.locale;
  await patchShopper(tx, ctx, shopperId, patch);
  const had: Record<string, boolean> = {
    email: Boolean(before.email || before.emailEnc),
    name: Boolean(before.name || before.nameEnc),
    country: Boolean(before.country),
    locale: Boolean(before.locale),
  };
  // Field names and whether each had a value, never the values themselves.
  const fields = Object.keys(changes)
    .filter((k) => changes[k as keyof RectificationChanges] !== undefined)
    .map((field) => ({ field, before: had[field] ? 'set' : 'empty', after: 'set' }));
  return { result: { fields }, done: true };
}

/** Small, value-free figures for the audit entry. */
function summaryOf(result: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(result.steps)) out.steps = result.steps.length;
  if (Array.isArray(result.sections)) out.sections = result.sections.length;
  if (Array.isArray(result.fields)) out.fields = (result.fields as { field: string }[]).map((f) => f.field);
  if (typeof result.shoppers === 'number') out.shoppers = result.shoppers;
  if (result.noSubject) out.noSubject = true;
  return out;
}
