/**
 * Consent records: what shoppers decided per purpose, where it came from, under which policy
 * version, and the rates the dashboard charts. Enforcement reads the same state through the
 * in-memory cache (./cache.ts, ./enforce.ts).
 */
import type { Executor } from '@/db/client';
import { type ConsentSource, PRIVACY_PURPOSES, type PrivacyPurpose } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { getCachedPrivacySettings, getPrivacySettings } from '@/lib/privacy/settings';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { noteConsentChanges } from './cache';
import { type ConsentDecisions, type ConsentMode, effectiveConsent } from './policy';
import {
  type ConsentChange,
  countDecisionsByDay,
  countShoppers,
  countStateBySource,
  findShopperId,
  listConsentHistory,
  listConsentState,
  writeConsentChanges,
} from './queries';
import { consentInputSchema } from './schemas';

type Tenant = Pick<TenantContext, 'tenantId'>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type { ConsentChange } from './queries';

/**
 * Records decisions for many shoppers at once (one statement): only decisions that differ from
 * the stored state are appended to the history, so sending the same consent with every event is
 * free of side effects. The policy version defaults to the workspace setting. Shoppers of another
 * workspace are ignored. Returns the changes written (empty when nothing changed).
 */
export async function recordConsentBatch(
  exec: Executor,
  ctx: Tenant,
  items: readonly { shopperId: string; decisions: ConsentDecisions }[],
  source: ConsentSource,
  opts: { policyVersion?: string; at?: Date } = {},
): Promise<ConsentChange[]> {
  if (items.length === 0) return [];
  const policyVersion = opts.policyVersion ?? (await getCachedPrivacySettings(exec, ctx)).policyVersion;
  const changes = await writeConsentChanges(exec, ctx, items, {
    source,
    policyVersion,
    at: opts.at ?? new Date(),
    explicitVersion: opts.policyVersion !== undefined,
  });
  noteConsentChanges(ctx.tenantId, changes);
  return changes;
}

/**
 * Records one shopper's decisions (see recordConsentBatch); a new explicit policy version is a
 * change even when the decision is the same (the shopper re-consented to a new policy).
 */
export async function recordConsent(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
  decisions: ConsentDecisions,
  source: ConsentSource,
  policyVersion?: string,
): Promise<ConsentChange[]> {
  return recordConsentBatch(exec, ctx, [{ shopperId, decisions }], source, { policyVersion });
}

export interface PurposeState {
  purpose: PrivacyPurpose;
  /** The stored decision; null when the shopper never decided (the workspace default applies). */
  granted: boolean | null;
  /** What enforcement does now: the stored decision, else the workspace default. */
  effective: boolean;
  source: ConsentSource | null;
  policyVersion: string | null;
  updatedAt: Date | null;
}

export interface ShopperConsent {
  mode: ConsentMode;
  purposes: PurposeState[];
  /** Newest first, at most 200 entries. */
  history: {
    purpose: PrivacyPurpose;
    granted: boolean;
    source: ConsentSource;
    policyVersion: string;
    recordedAt: Date;
  }[];
}

/** A shopper's consent per purpose and its history; null when the workspace has no such shopper. */
export async function getShopperConsent(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
): Promise<ShopperConsent | null> {
  if (!UUID.test(shopperId)) return null;
  if (!(await findShopperId(exec, ctx, { id: shopperId }))) return null;
  const [settings, state, history] = await Promise.all([
    getPrivacySettings(exec, ctx),
    listConsentState(exec, ctx, shopperId),
    listConsentHistory(exec, ctx, shopperId, 200),
  ]);
  const purposes = PRIVACY_PURPOSES.map((purpose): PurposeState => {
    const row = state.find((r) => r.purpose === purpose);
    return {
      purpose,
      granted: row?.granted ?? null,
      effective: effectiveConsent({ stored: row?.granted, mode: settings.consentMode }),
      source: row?.source ?? null,
      policyVersion: row?.policyVersion ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  });
  return {
    mode: settings.consentMode,
    purposes,
    history: history.map(({ purpose, granted, source, policyVersion, recordedAt }) => ({
      purpose,
      granted,
      source,
      policyVersion,
      recordedAt,
    })),
  };
}

/**
 * A shopper's consent by Tailor id or the store's customer id (the REST API's reference), with
 * the shopper id; null when the workspace has no such shopper.
 */
export async function getShopperConsentByRef(
  exec: Executor,
  ctx: Tenant,
  ref: string,
): Promise<(ShopperConsent & { shopperId: string }) | null> {
  const shopperId = await findShopperId(exec, ctx, UUID.test(ref) ? { id: ref } : { customerId: ref });
  const consent = shopperId ? await getShopperConsent(exec, ctx, shopperId) : null;
  return shopperId && consent ? { shopperId, ...consent } : null;
}

/**
 * The REST API's consent call: finds the shopper by the store's customer id or an anonymous id
 * (a linked anonymous id means its customer) and records the decisions (source `api` unless the
 * body names import, webhook or request). Returns the shopper id and their consent after it.
 * @throws AppError validation_failed (field errors), not_found (no such shopper in this workspace).
 */
export async function recordConsentFromApi(
  exec: Executor,
  ctx: Tenant,
  body: unknown,
): Promise<{ shopperId: string; changed: number; consent: ShopperConsent }> {
  const input = parseOrThrow(consentInputSchema, body);
  const shopperId = await findShopperId(exec, ctx, input);
  if (!shopperId) throw notFound('No shopper with that id in this workspace.');
  const changes = await recordConsent(
    exec,
    ctx,
    shopperId,
    input.consent,
    (input.source ?? 'api') as ConsentSource,
    input.policyVersion,
  );
  const consent = await getShopperConsent(exec, ctx, shopperId);
  if (!consent) throw notFound('No shopper with that id in this workspace.');
  return { shopperId, changed: changes.length, consent };
}

export interface ConsentRates {
  mode: ConsentMode;
  days: number;
  /** Per UTC day with decisions: the share (0–1) of that day's decisions that granted, per purpose. */
  series: { day: string; rates: Partial<Record<PrivacyPurpose, number>>; decisions: number }[];
  /** Shoppers per purpose by current state; `unknown` never decided (the workspace default applies). */
  totals: Record<PrivacyPurpose, { granted: number; denied: number; unknown: number }>;
  /** Current decisions per source and purpose. */
  bySource: { source: ConsentSource; purpose: PrivacyPurpose; granted: number; denied: number }[];
  /** Decisions recorded in the period. */
  recorded: number;
}

/**
 * Consent rates for the consent page and the compliance overview: over the last `days` (1–365)
 * UTC days, the share of decisions granted per purpose and day; current totals per purpose; and
 * current decisions per source.
 */
export async function consentRates(
  exec: Executor,
  ctx: Tenant,
  opts: { days: number; now?: Date },
): Promise<ConsentRates> {
  const days = Math.min(365, Math.max(1, Math.floor(opts.days)));
  const now = opts.now ?? new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days + 1));
  const [settings, byDay, bySource, shoppers] = await Promise.all([
    getPrivacySettings(exec, ctx),
    countDecisionsByDay(exec, ctx, since),
    countStateBySource(exec, ctx),
    countShoppers(exec, ctx),
  ]);
  const series = new Map<string, ConsentRates['series'][number]>();
  for (const r of byDay) {
    const entry = series.get(r.day) ?? { day: r.day, rates: {}, decisions: 0 };
    entry.rates[r.purpose] = r.total > 0 ? r.granted / r.total : 0;
    entry.decisions += r.total;
    series.set(r.day, entry);
  }
  const totals = Object.fromEntries(
    PRIVACY_PURPOSES.map((p) => {
      const rows = bySource.filter((r) => r.purpose === p);
      const granted = rows.reduce((n, r) => n + r.granted, 0);
      const denied = rows.reduce((n, r) => n + r.denied, 0);
      return [p, { granted, denied, unknown: Math.max(0, shoppers - granted - denied) }];
    }),
  ) as ConsentRates['totals'];
  return {
    mode: settings.consentMode,
    days,
    series: [...series.values()],
    totals,
    bySource,
    recorded: byDay.reduce((n, r) => n + r.total, 0),
  };
}
