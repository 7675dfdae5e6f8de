import type { RfmSegment } from '@/db/schema';

/**
 * The shapes of shopper profiles: what the pure computation (./compute.ts) takes and returns,
 * and what `shopper_profiles.details` holds (everything a column cannot).
 */

export type PriceBand = 'budget' | 'mid' | 'premium';

/** A shopper's own row, as the profile reads it. */
export interface ShopperFacts {
  id: string;
  kind: string;
  country: string | null;
  locale: string | null;
  device: string | null;
  attributes: Record<string, string | number | boolean>;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
}

/** A product as preferences read it. `priceMinor` is in the workspace currency (null: no rate). */
export interface ProductInfo {
  id: string;
  /** Top-level category (`Apparel`), null without a category. */
  category: string | null;
  /** The full path joined by ' > ' (price bands are per leaf category). */
  leaf: string | null;
  brand: string | null;
  priceMinor: number | null;
}

/** One order of the shopper; money already converted (null: currency without a rate). */
export interface OrderFact {
  id: string;
  status: string;
  placedAt: Date;
  totalMinor: number | null;
  lines: { productId: string | null; quantity: number }[];
}

export interface EventFact {
  type: string;
  occurredAt: Date;
  sessionId: string | null;
  productId: string | null;
  locale: string | null;
}

/** Everything one shopper's profile is computed from. */
export interface ShopperActivity {
  shopper: ShopperFacts;
  orders: OrderFact[];
  events: EventFact[];
}

/** The distribution RFM quintiles are scored against (./rfm.ts). */
export interface RfmDistribution {
  /** Sorted ascending samples: days since the last paid order, paid orders, spend (minor units). */
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
  /** The time the recency samples were measured at (ms since epoch). */
  measuredAt: number;
}

export interface RfmScores {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** What the computation needs besides the shopper's own rows. */
export interface ProfileContext {
  /** "Now" in ms since epoch (recency, decay). */
  now: number;
  products: ReadonlyMap<string, ProductInfo>;
  /** Per leaf category: the 1/3 and 2/3 price quantiles in the workspace currency. */
  priceTerciles: ReadonlyMap<string, readonly [number, number]>;
  /** Product vectors of one embedding space (unit length), when the workspace has any. */
  vectors?: ReadonlyMap<string, Float32Array>;
  space?: string | null;
  rfm: RfmDistribution | null;
}

export interface Affinity {
  name: string;
  /** Share of the shopper's decayed, weighted interest, 0–1 (the list sums to 1). */
  share: number;
}

/** `shopper_profiles.details`. Times are ISO strings; money in workspace minor units. */
export interface ProfileDetails {
  version: 1;
  facts: {
    country: string | null;
    locale: string | null;
    device: string | null;
    firstSeenAt: string | null;
    lastSeenAt: string | null;
    /** From `shoppers.attributes` (age_band, age, gender); shown only with 'shoppers.sensitive'. */
    sensitive: Record<string, string | number>;
  };
  behaviour: {
    ordersTotal: number;
    /** Orders whose currency has no stored rate: left out of the money sums. */
    unconvertedOrders: number;
    viewsPerSession: number | null;
    events: number;
    /** The IANA zone the histograms are in ('UTC' when the country has no known zone). */
    timeZone: string;
    /** 24 counts of events and orders by local hour. */
    hours: number[];
    /** 7 counts, Monday first. */
    weekdays: number[];
    /** Last 12 calendar months (UTC), oldest first. */
    ordersByMonth: { month: string; orders: number; spendMinor: number }[];
  };
  preferences: {
    categories: Affinity[];
    brands: Affinity[];
    /** Share of weighted items per band, for the chart. */
    priceBands: Record<PriceBand, number>;
    languages: { locale: string; share: number }[];
  };
  interest: { items: number; space: string | null } | null;
  rfm: { r: number; f: number; m: number } | null;
}

/** The computed profile: the columns of `shopper_profiles` plus typed details. */
export interface ComputedProfile {
  shopperId: string;
  orders: number;
  monetaryMinor: number;
  aovMinor: number | null;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  recencyDays: number | null;
  meanGapDays: number | null;
  returns: number;
  sessions: number;
  views: number;
  lastEventAt: Date | null;
  rfm: RfmScores | null;
  topCategory: string | null;
  topBrand: string | null;
  priceBand: PriceBand | null;
  preferredLocale: string | null;
  interest: Float32Array | null;
  interestSpace: string | null;
  details: ProfileDetails;
}

/**
 * Who a shopper is, to show or pick one (a preview's matches, a segment's members): ids, the
 * decrypted or masked email and name, country and last activity; no figures.
 */
export interface ShopperIdentity {
  id: string;
  kind: string;
  externalId: string | null;
  anonymousId: string | null;
  email: string | null;
  name: string | null;
  country: string | null;
  lastSeenAt: Date | null;
}
