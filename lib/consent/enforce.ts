/**
 * Consent enforcement, in one place: event ingestion, recommendations, placement audiences and
 * segment exports all decide here, through `effectiveConsent` (./policy.ts) over the in-memory
 * state (./cache.ts) or, for set-based queries, the equivalent SQL condition.
 */
import { type MaybePromise, runSyncFirst, wait } from '@/lib/sync-first';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { PrivacyPurpose } from '@/db/schema';
import type { EventContext, EventSource, ValidEvent } from '@/lib/events/schemas';
import { getCachedPrivacySettings } from '@/lib/privacy/settings';
import type { TenantContext } from '@/lib/tenant/context';
import { getConsentSnapshot } from './cache';
import {
  type ConsentDecisions,
  type ConsentMode,
  changedDecisions,
  declaredDecisions,
  effectiveConsent,
  isEmptyDecisions,
} from './policy';
import { recordConsentBatch } from './service';

type Tenant = Pick<TenantContext, 'tenantId'>;

/**
 * Whether the tenant may use a shopper's data for `purpose` now: the stored decision, else the
 * workspace default. A Map lookup after the tenant's first call (see ./cache.ts).
 */
export function consentAllows(
  exec: Executor,
  tenantId: string,
  shopperId: string,
  purpose: PrivacyPurpose,
): MaybePromise<boolean> {
  // Synchronous once both are cached (every storefront request asks).
  return runSyncFirst(consentSteps(exec, tenantId, shopperId, purpose));
}

function* consentSteps(exec: Executor, tenantId: string, shopperId: string, purpose: PrivacyPurpose) {
  const settings = yield* wait(getCachedPrivacySettings(exec, { tenantId }));
  const snapshot = yield* wait(getConsentSnapshot(exec, tenantId));
  return effectiveConsent({ stored: snapshot.get(shopperId, purpose), mode: settings.consentMode });
}

/** The negation of consentAllows: true when the shopper's data must not be used for `purpose`. */
export async function isConsentDenied(
  exec: Executor,
  tenantId: string,
  shopperId: string,
  purpose: PrivacyPurpose,
): Promise<boolean> {
  return !(await consentAllows(exec, tenantId, shopperId, purpose));
}

export interface ConsentScope {
  tenantId: string;
  mode: ConsentMode;
}

/** The tenant and its consent mode, for consentAllowsSql. */
export async function consentScope(exec: Executor, ctx: Tenant): Promise<ConsentScope> {
  return { tenantId: ctx.tenantId, mode: (await getCachedPrivacySettings(exec, ctx)).consentMode };
}

/**
 * A SQL condition true when the shopper (`shopperId`, e.g. sql`s.id`) may be used for `purpose`,
 * matching effectiveConsent: in `opt_out` mode unless they denied it, in `opt_in` mode only when
 * they granted it. One probe of consent_state's primary key per shopper.
 */
export function consentAllowsSql(purpose: PrivacyPurpose, shopperId: SQL, scope: ConsentScope): SQL {
  const probe = sql`select 1 from consent_state c
    where c.tenant_id = ${scope.tenantId}::uuid and c.shopper_id = ${shopperId} and c.purpose = ${purpose}`;
  return scope.mode === 'opt_in'
    ? sql`exists (${probe} and c.granted)`
    : sql`not exists (${probe} and not c.granted)`;
}

/** Context fields that can single a person out; dropped with the identifiers. */
function anonymousContext(c: EventContext): EventContext {
  const { userAgent: _ua, referrer: _ref, orderId: _order, ...rest } = c;
  return rest;
}

/**
 * Consent at event ingestion, after identity resolution. Decisions the events declare are
 * recorded for their shoppers (source `snippet` or `api`; only changes are written, so a storefront
 * may send consent with every event). Then each event whose effective analytics consent is denied
 * is stored without identifiers (shopper, anonymous and session id; context keeps consent, url,
 * locale) when the workspace says `anonymize`, or withheld when it says `drop`. No query per event:
 * settings and stored decisions come from memory; a write happens only when a decision changes.
 * Returns the events to store with their shopper ids, and how many were withheld.
 */
export async function gateEventsByConsent(
  exec: Executor,
  ctx: Tenant,
  events: readonly ValidEvent[],
  shopperIds: readonly (string | null)[],
  source: EventSource,
): Promise<{ events: ValidEvent[]; shopperIds: (string | null)[]; withheld: number }> {
  const settings = await getCachedPrivacySettings(exec, ctx);
  const declared = events.map((e) => declaredDecisions(e.context.consent));
  // Per shopper, the latest declaration per purpose (by the events' own time).
  const latest = new Map<string, { at: Partial<Record<PrivacyPurpose, number>>; d: ConsentDecisions }>();
  events.forEach((e, i) => {
    const sid = shopperIds[i];
    const d = declared[i]!;
    if (!sid || isEmptyDecisions(d)) return;
    const cur = latest.get(sid) ?? { at: {}, d: {} };
    const t = e.occurredAt.getTime();
    for (const [p, v] of Object.entries(d) as [PrivacyPurpose, boolean][]) {
      if ((cur.at[p] ?? -Infinity) <= t) {
        cur.at[p] = t;
        cur.d[p] = v;
      }
    }
    latest.set(sid, cur);
  });
  const hasShoppers = shopperIds.some((s) => s !== null);
  const snapshot = hasShoppers ? await getConsentSnapshot(exec, ctx.tenantId) : null;
  if (snapshot && latest.size > 0) {
    const items = [...latest].flatMap(([shopperId, { d }]) => {
      const decisions = changedDecisions((p) => snapshot.get(shopperId, p), d);
      return isEmptyDecisions(decisions) ? [] : [{ shopperId, decisions }];
    });
    if (items.length > 0) await recordConsentBatch(exec, ctx, items, source);
  }

  const out: ValidEvent[] = [];
  const ids: (string | null)[] = [];
  let withheld = 0;
  events.forEach((e, i) => {
    const sid = shopperIds[i] ?? null;
    const stored = sid ? (latest.get(sid)?.d.analytics ?? snapshot?.get(sid, 'analytics')) : undefined;
    const allowed = effectiveConsent({
      stored,
      declared: declared[i]!.analytics,
      mode: settings.consentMode,
    });
    if (allowed) {
      out.push(e);
      ids.push(sid);
    } else if (settings.unconsentedEvents === 'drop') withheld++;
    else {
      out.push({
        ...e,
        anonymousId: null,
        customerId: null,
        sessionId: null,
        context: anonymousContext(e.context),
      });
      ids.push(null);
    }
  });
  return { events: out, shopperIds: ids, withheld };
}
