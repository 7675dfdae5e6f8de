import type { Executor } from '@/db/client';
import { gateEventsByConsent } from '@/lib/consent/enforce';
import { noteShopperActivity } from '@/lib/profiles/refresh-queue';
import { noteViewEvents } from '@/lib/recommend/serve/recent-views';
import type { TenantContext } from '@/lib/tenant/context';
import { isBotUserAgent } from './bots';
import { resolveShoppers } from './identity';
import { type ProductIdCache, productIdCache } from './products';
import type { CounterBuffer } from './counters';
import { type EventRow, insertEvents, insertEventsAndCount } from './queries';
import type { EventError, EventSource, IngestResult, ValidEvent } from './schemas';
import type { ShopperCache } from './shopper-cache';
import { validateEvent } from './validate';

export interface IngestOptions {
  /** `api` (secret key) or `snippet` (publishable key): the `ingest_daily` source. */
  source: EventSource;
  /**
   * The request's User-Agent, used for bot filtering when an event has no `context.userAgent`
   * and the call comes from a browser (`snippet`); a server's own agent (`api`) says nothing.
   */
  requestUserAgent?: string | null;
  /** The time of receipt (tests pin it). */
  now?: Date;
  /** The product id cache (tests may pass their own). */
  products?: ProductIdCache;
  /** The identity cache (tests may pass their own). */
  shoppers?: ShopperCache;
  /**
   * Buffer the daily counters here instead of updating them in the insert's statement (the fast
   * path: see CounterBuffer). Without it, events and counters are written atomically per batch.
   */
  counters?: CounterBuffer;
}

/**
 * Ingests one batch of raw events for a tenant. Each event is validated on its own (the batch
 * is not all-or-nothing); bot traffic is counted and dropped; products are resolved by the
 * store's ids within the tenant (unknown → rejected); shoppers are resolved and stitched; valid
 * events are stored once per event id (a repeat is a duplicate); the day's counters are updated
 * in the same statement as the insert. Consent is applied after identity (gateEventsByConsent):
 * `withheld` counts valid events not stored for want of analytics consent (present when > 0).
 * Throws only for database failures.
 */
export async function ingestEvents(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  raw: readonly unknown[],
  opts: IngestOptions,
): Promise<IngestResult & { withheld?: number }> {
  const now = opts.now ?? new Date();
  const errors: EventError[] = [];
  const reasons: Record<string, number> = {};
  const reject = (error: EventError) => {
    errors.push(error);
    reasons[error.reason] = (reasons[error.reason] ?? 0) + 1;
  };
  let bots = 0;
  const valid: ValidEvent[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v = validateEvent(raw[i], i, now.getTime());
    if (!v.ok) {
      reject(v.error);
      continue;
    }
    const ua = v.event.context.userAgent ?? (opts.source === 'snippet' ? opts.requestUserAgent : null);
    if (isBotUserAgent(ua)) bots++;
    else valid.push(v.event);
  }

  const products = await (opts.products ?? productIdCache).resolve(
    exec,
    ctx.tenantId,
    valid.flatMap((e) => (e.productExternalId ? [e.productExternalId] : [])),
  );
  // The first storable occurrence of an id wins; later ones in the batch are duplicates.
  let inBatchDuplicates = 0;
  const seenIds = new Set<string>();
  const known = valid.filter((e) => {
    if (e.productExternalId && !products.has(e.productExternalId)) {
      reject({
        index: e.index,
        eventId: e.eventId,
        reason: 'unknown_product',
        message: `No product with id ${JSON.stringify(e.productExternalId)} in this workspace's catalog.`,
      });
      return false;
    }
    if (seenIds.has(e.eventId)) {
      inBatchDuplicates++;
      return false;
    }
    seenIds.add(e.eventId);
    return true;
  });

  let shopperIds: (string | null)[] = [];
  let storedRows: EventRow[] = [];
  let withheld = 0;
  const stored = await retryOnConflict(async () => {
    const resolved = known.length ? await resolveShoppers(exec, ctx.tenantId, known, opts.shoppers) : [];
    // Consent is enforced in one place (lib/consent/enforce.ts): declared decisions are recorded;
    // events without analytics consent lose their identifiers, or are withheld.
    const gate = await gateEventsByConsent(exec, ctx, known, resolved, opts.source);
    shopperIds = gate.shopperIds;
    withheld = gate.withheld;
    const rows: EventRow[] = gate.events.map((e, i) => ({
      eventId: e.eventId,
      type: e.type,
      shopperId: shopperIds[i] ?? null,
      anonymousId: e.anonymousId,
      sessionId: e.sessionId,
      productId: e.productExternalId ? (products.get(e.productExternalId) ?? null) : null,
      quantity: e.quantity,
      priceMinor: e.priceMinor,
      currency: e.currency,
      query: e.query,
      context: e.context,
      occurredAt: e.occurredAt,
    }));
    storedRows = rows;
    const key = { tenantId: ctx.tenantId, day: now.toISOString().slice(0, 10), source: opts.source };
    const counts = { duplicates: inBatchDuplicates, rejected: errors.length, bots, reasons };
    if (!opts.counters) return insertEventsAndCount(exec, key, rows, counts);
    const n = await insertEvents(exec, ctx.tenantId, rows);
    opts.counters.add(exec, key, { ...counts, accepted: n, duplicates: rows.length - n + inBatchDuplicates });
    return n;
  });

  // Profiles follow the events (debounced, off this path; lib/profiles/refresh-queue.ts).
  if (stored > 0) {
    noteShopperActivity(ctx.tenantId, shopperIds, exec);
    // The next recommendation follows the visit at once, without waiting for the views poll;
    // rows that were duplicates are harmless (merging keeps a product's latest time).
    noteViewEvents(ctx.tenantId, storedRows);
  }
  errors.sort((a, b) => a.index - b.index);
  return {
    accepted: stored,
    duplicates: known.length - withheld - stored + inBatchDuplicates,
    rejected: errors.length,
    bots,
    errors,
    // Valid events not stored for want of analytics consent (workspace setting `drop`).
    ...(withheld > 0 ? { withheld } : {}),
  };
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `fn` again (up to 3 times) when Postgres aborted it for a deadlock: every step is idempotent. */
async function retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= 3 || !state || !RETRYABLE.has(state)) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}
