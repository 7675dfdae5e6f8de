/**
 * The events API's contract: limits, reasons and the shape of an accepted event. Hand-written
 * validation (see validate.ts) rather than zod, because every rejected event needs one stable
 * reason code and the hot path validates 25,000+ events a second.
 */
import type { EventType } from '@/db/schema';

/** Largest accepted request body, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;
/** Most events in one request. */
export const MAX_EVENTS_PER_BATCH = 500;
/** Events may be stamped at most this far in the future (client clock skew), in ms. */
export const MAX_FUTURE_MS = 5 * 60_000;
/** …and at most this far in the past, in ms (older history goes through file import). */
export const MAX_AGE_MS = 90 * 86_400_000;

export const LIMITS = {
  id: 200,
  query: 500,
  url: 2048,
  userAgent: 512,
  locale: 35,
  quantity: 1_000_000,
  /** 10^13 minor units: ten billion in a two-decimal currency. */
  priceMinor: 10_000_000_000_000,
} as const;

/** Event types that are about one product and must name it. */
export const PRODUCT_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'view',
  'add_to_cart',
  'remove_from_cart',
  'purchase',
  'review',
  'rec_click',
]);

/** Consent purposes a client may report; each is true (granted) or false (denied). */
export const CONSENT_PURPOSES = ['analytics', 'personalization', 'marketing', 'ads'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Machine-readable reasons for a rejected event (also the keys of `ingest_daily.reasons`). */
export const REJECT_REASONS = [
  'not_an_object',
  'missing_event_id',
  'invalid_event_id',
  'invalid_type',
  'missing_identity',
  'invalid_anonymous_id',
  'invalid_customer_id',
  'missing_product',
  'invalid_product_id',
  'unknown_product',
  'invalid_quantity',
  'invalid_price',
  'missing_price',
  'invalid_currency',
  'missing_query',
  'invalid_query',
  'invalid_timestamp',
  'timestamp_in_future',
  'timestamp_too_old',
  'invalid_context',
  'invalid_consent',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** What is stored in `events.context`. */
export interface EventContext {
  url?: string;
  referrer?: string;
  userAgent?: string;
  locale?: string;
  consent?: Partial<Record<ConsentPurpose, boolean>>;
  /** Placement key of the widget an impression, click or add-to-cart came from (attribution). */
  placement?: string;
  /** Which arm the widget's visitor was in: personalized, or the non-personal holdout. */
  variant?: RecommendationVariant;
  /** The store's order id on purchase lines, so a multi-line order counts as one conversion. */
  orderId?: string;
}

/** Arms of the uplift measurement (issue 4): the holdout sees non-personal recommendations. */
export const RECOMMENDATION_VARIANTS = ['personalized', 'holdout'] as const;
export type RecommendationVariant = (typeof RECOMMENDATION_VARIANTS)[number];

/** An event that passed validation, normalized (product still by the store's external id). */
export interface ValidEvent {
  /** Position in the request's batch, 0-based. */
  index: number;
  eventId: string;
  type: EventType;
  anonymousId: string | null;
  customerId: string | null;
  productExternalId: string | null;
  quantity: number | null;
  priceMinor: number | null;
  currency: string | null;
  query: string | null;
  sessionId: string | null;
  occurredAt: Date;
  context: EventContext;
}

/** One rejected event in the response. */
export interface EventError {
  index: number;
  eventId?: string;
  reason: RejectReason;
  message: string;
}

/** What one batch did: the 202 response body. */
export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  bots: number;
  errors: EventError[];
}

/** `api` for secret keys (server to server), `snippet` for publishable keys (storefronts). */
export type EventSource = 'api' | 'snippet';
