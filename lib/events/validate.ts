import { EVENT_TYPES, type EventType } from '@/db/schema';
import { badRequest } from '@/lib/errors';
import {
  CONSENT_PURPOSES,
  type EventContext,
  type EventError,
  LIMITS,
  MAX_AGE_MS,
  MAX_EVENTS_PER_BATCH,
  MAX_FUTURE_MS,
  PRODUCT_EVENT_TYPES,
  RECOMMENDATION_VARIANTS,
  type RejectReason,
  type ValidEvent,
} from './schemas';

export type Validation = { ok: true; event: ValidEvent } | { ok: false; error: EventError };

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const VARIANTS: ReadonlySet<string> = new Set(RECOMMENDATION_VARIANTS);
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// Postgres text cannot hold NUL, and JSON cannot carry half a surrogate pair to Postgres.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The list of events in a parsed JSON body: `{ events: [...] }` or a bare array, 1–500 items.
 * Throws `bad_request` (400) with a message for any other shape.
 */
export function eventsOf(body: unknown): unknown[] {
  let list: unknown;
  if (Array.isArray(body)) list = body;
  else if (body !== null && typeof body === 'object' && 'events' in body) list = body.events;
  else throw badRequest('Send a JSON object { "events": [ … ] } or an array of events.');
  if (!Array.isArray(list)) throw badRequest('"events" must be an array.');
  if (list.length === 0) throw badRequest('The batch is empty: send 1 to 500 events.');
  if (list.length > MAX_EVENTS_PER_BATCH) {
    throw badRequest(
      `Too many events: ${list.length} in one request, at most ${MAX_EVENTS_PER_BATCH}. Split the batch.`,
    );
  }
  return list;
}

class Reject extends Error {
  constructor(
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message);
  }
}

const fail = (reason: RejectReason, message: string): never => {
  throw new Reject(reason, message);
};

/** An identifier: 1–200 characters, no control characters, no surrounding spaces. */
function identifier(v: unknown, name: string, reason: RejectReason): string {
  if (typeof v !== 'string' && typeof v !== 'number') fail(reason, `${name} must be a string.`);
  const s = String(v);
  if (s.length === 0 || s.length > LIMITS.id) fail(reason, `${name} must be 1–${LIMITS.id} characters.`);
  if (CONTROL.test(s) || UNSTORABLE.test(s) || s.trim() !== s) {
    fail(reason, `${name} must not contain control characters or surrounding spaces.`);
  }
  return s;
}

function optionalIdentifier(v: unknown, name: string, reason: RejectReason): string | null {
  return v === undefined || v === null ? null : identifier(v, name, reason);
}

/** Free text (URLs, queries, user agents): a string up to `max` characters that Postgres can store. */
function text(v: unknown, name: string, max: number, reason: RejectReason): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(reason, `${name} must be a string.`);
  const s = v as string;
  if (s.length > max) fail(reason, `${name} is longer than ${max} characters.`);
  if (UNSTORABLE.test(s)) fail(reason, `${name} contains characters that cannot be stored.`);
  return s;
}

function integer(v: unknown, name: string, min: number, max: number, reason: RejectReason): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    fail(reason, `${name} must be a whole number from ${min} to ${max}.`);
  }
  return v as number;
}

/** ISO 8601 with a time zone → epoch ms, within [now − 90 days, now + 5 minutes]. */
function timestamp(v: unknown, now: number): Date {
  if (v === undefined || v === null) return new Date(now);
  const m = typeof v === 'string' ? ISO_TIME.exec(v) : null;
  const t = m ? Date.parse(v as string) : Number.NaN;
  if (!m || !Number.isFinite(t) || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    fail('invalid_timestamp', 'timestamp must be ISO 8601 with a time zone, e.g. 2026-03-01T12:00:00Z.');
  }
  if (t > now + MAX_FUTURE_MS) fail('timestamp_in_future', 'timestamp is more than 5 minutes in the future.');
  if (t < now - MAX_AGE_MS) {
    fail('timestamp_too_old', 'timestamp is more than 90 days in the past; import older history as a file.');
  }
  return new Date(t);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether y-m-d is a calendar day (Date.parse rolls 2026-02-30 over into March). */
function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function record(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** True when the event declares that the shopper has not consented to being identified. */
function declinesIdentification(consent: unknown): boolean {
  const c = record(consent);
  return c !== null && c.analytics === false && c.personalization !== true;
}

function contextOf(raw: unknown, consentRaw: unknown): { context: EventContext; sessionId: string | null } {
  const c = raw === undefined || raw === null ? {} : record(raw);
  if (!c) return fail('invalid_context', 'context must be an object.');
  const context: EventContext = {};
  const url = text(c.url, 'context.url', LIMITS.url, 'invalid_context');
  if (url !== undefined) context.url = url;
  const referrer = text(c.referrer, 'context.referrer', LIMITS.url, 'invalid_context');
  if (referrer !== undefined) context.referrer = referrer;
  const ua = text(c.userAgent, 'context.userAgent', LIMITS.userAgent, 'invalid_context');
  if (ua !== undefined) context.userAgent = ua;
  const locale = text(c.locale, 'context.locale', LIMITS.locale, 'invalid_context');
  if (locale !== undefined) {
    if (!LOCALE.test(locale)) fail('invalid_context', 'context.locale must be a language tag like de-DE.');
    context.locale = locale;
  }
  const sessionId = optionalIdentifier(c.sessionId, 'context.sessionId', 'invalid_context');
  const placement = optionalIdentifier(c.placement, 'context.placement', 'invalid_context');
  if (placement !== null) context.placement = placement;
  if (c.variant !== undefined && c.variant !== null) {
    if (!VARIANTS.has(c.variant as string)) {
      fail('invalid_context', `context.variant must be one of ${RECOMMENDATION_VARIANTS.join(', ')}.`);
    }
    context.variant = c.variant as EventContext['variant'];
  }
  const orderId = optionalIdentifier(c.orderId, 'context.orderId', 'invalid_context');
  if (orderId !== null) context.orderId = orderId;
  if (consentRaw !== undefined && consentRaw !== null) {
    const consent = record(consentRaw);
    if (!consent) return fail('invalid_consent', 'consent must be an object like { "analytics": true }.');
    const out: EventContext['consent'] = {};
    for (const purpose of CONSENT_PURPOSES) {
      const value = consent[purpose];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') fail('invalid_consent', `consent.${purpose} must be true or false.`);
      out[purpose] = value as boolean;
    }
    context.consent = out;
  }
  return { context, sessionId };
}

/**
 * Validates one raw event at `index` of its batch, at time `now` (epoch ms). Never throws:
 * returns the normalized event, or an error with a stable reason code and a message.
 * Products are checked for shape here and for existence by the service.
 */
export function validateEvent(raw: unknown, index: number, now: number): Validation {
  const e = record(raw);
  if (!e)
    return { ok: false, error: { index, reason: 'not_an_object', message: 'An event must be an object.' } };
  let eventId: string | undefined;
  try {
    if (e.eventId === undefined || e.eventId === null || e.eventId === '') {
      fail('missing_event_id', 'eventId is required: a unique id per event, reused when retrying.');
    }
    eventId = identifier(e.eventId, 'eventId', 'invalid_event_id');
    if (typeof e.type !== 'string' || !TYPES.has(e.type)) {
      fail('invalid_type', `type must be one of ${EVENT_TYPES.join(', ')}.`);
    }
    const type = e.type as EventType;
    const anonymousId = optionalIdentifier(e.anonymousId, 'anonymousId', 'invalid_anonymous_id');
    const customerId = optionalIdentifier(e.customerId, 'customerId', 'invalid_customer_id');
    // A storefront without the shopper's consent sends no identifier at all (issue 4, "Consent"):
    // such events say so with consent.analytics = false and are kept for aggregate counts only.
    if (!anonymousId && !customerId && !declinesIdentification(e.consent)) {
      fail(
        'missing_identity',
        'Send anonymousId, customerId or both (or consent: { analytics: false } for an unidentified event).',
      );
    }
    const productExternalId = optionalIdentifier(e.productId, 'productId', 'invalid_product_id');
    if (!productExternalId && PRODUCT_EVENT_TYPES.has(type)) {
      fail('missing_product', `A ${type} event needs productId (the store's product id).`);
    }
    const quantity = integer(e.quantity, 'quantity', 1, LIMITS.quantity, 'invalid_quantity');
    const priceMinor = integer(e.priceMinor, 'priceMinor', 0, LIMITS.priceMinor, 'invalid_price');
    if (priceMinor === null && type === 'purchase') {
      fail('missing_price', 'A purchase needs priceMinor (integer minor units, e.g. cents) and currency.');
    }
    const currency = e.currency === undefined || e.currency === null ? null : e.currency;
    if (currency !== null && (typeof currency !== 'string' || !CURRENCIES.has(currency))) {
      fail('invalid_currency', 'currency must be an ISO 4217 code in capitals, e.g. EUR.');
    }
    if (priceMinor !== null && currency === null) fail('invalid_currency', 'priceMinor needs a currency.');
    const query = text(e.query, 'query', LIMITS.query, 'invalid_query') ?? null;
    if (type === 'search' && !query?.trim()) fail('missing_query', 'A search event needs query.');
    const occurredAt = timestamp(e.timestamp, now);
    const { context, sessionId } = contextOf(e.context, e.consent);
    return {
      ok: true,
      event: {
        index,
        eventId,
        type,
        anonymousId,
        customerId,
        productExternalId,
        quantity,
        priceMinor,
        currency: currency as string | null,
        query,
        sessionId,
        occurredAt,
        context,
      },
    };
  } catch (error) {
    if (!(error instanceof Reject)) throw error;
    return {
      ok: false,
      error: { index, ...(eventId ? { eventId } : {}), reason: error.reason, message: error.message },
    };
  }
}
