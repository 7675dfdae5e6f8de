import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/**
 * Issue 5, shopper understanding. Profiles are derived data: recomputed from `shoppers`,
 * `orders`, `order_lines` and `events` (lib/profiles), incrementally for the shoppers an event
 * or order touched and in full by the `profiles.rebuild` job.
 */

/** Everything a profile shows that is not a sortable column (lib/profiles/types.ts types it). */
export type ProfileDetails = Record<string, unknown>;

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** One row per shopper with any activity; the sortable and filterable facts as columns. */
export const shopperProfiles = pgTable(
  'shopper_profiles',
  {
    tenantId: tenantId(),
    shopperId: uuid('shopper_id').notNull(),
    computedAt: tstz('computed_at').notNull().defaultNow(),
    /** Paid orders (not cancelled/refunded/returned). */
    orders: integer('orders').notNull().default(0),
    /** Sum of paid orders in the workspace currency, minor units. */
    monetaryMinor: doublePrecision('monetary_minor').notNull().default(0),
    aovMinor: doublePrecision('aov_minor'),
    firstOrderAt: tstz('first_order_at'),
    lastOrderAt: tstz('last_order_at'),
    /** Days from the last paid order to `computed_at`; null without orders. */
    recencyDays: real('recency_days'),
    /** Mean days between consecutive paid orders; null with fewer than two. */
    meanGapDays: real('mean_gap_days'),
    returns: integer('returns').notNull().default(0),
    sessions: integer('sessions').notNull().default(0),
    views: integer('views').notNull().default(0),
    lastEventAt: tstz('last_event_at'),
    /** RFM quintile scores 1–5 within the workspace (5 best), null without orders. */
    rfmR: integer('rfm_r'),
    rfmF: integer('rfm_f'),
    rfmM: integer('rfm_m'),
    rfmSegment: text('rfm_segment').$type<RfmSegment>(),
    topCategory: text('top_category'),
    topBrand: text('top_brand'),
    /** budget | mid | premium, from the shopper's prices against each category's price bands. */
    priceBand: text('price_band'),
    preferredLocale: text('preferred_locale'),
    /** Index of the discovered cluster (lib/segments/discover), null before clustering ran. */
    cluster: integer('cluster'),
    /** Mean product embedding of what the shopper bought/viewed (unit length), null without vectors. */
    interest: real('interest').array(),
    interestEmbedder: text('interest_embedder'),
    details: jsonb('details').$type<ProfileDetails>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shopperId] }),
    index('shopper_profiles_recency_idx').on(t.tenantId, t.recencyDays),
    index('shopper_profiles_monetary_idx').on(t.tenantId, t.monetaryMinor),
    index('shopper_profiles_rfm_idx').on(t.tenantId, t.rfmSegment),
  ],
);

export const PREDICTION_KINDS = ['churn', 'propensity', 'preference', 'clv'] as const;
export type PredictionKind = (typeof PREDICTION_KINDS)[number];

/**
 * One trained prediction model per kind and version. `method` says what it is ('logistic-gam',
 * 'rule' for the labelled small-store fallback, 'bgnbd-gamma-gamma', 'dirichlet-affinity' …);
 * `metrics` is lib/predict/types.ts `ModelEvaluation`; `artefact` what scoring needs. At most one
 * live version per workspace and kind.
 */
export const predictionModels = pgTable(
  'prediction_models',
  {
    tenantId: tenantId(),
    id: idColumn(),
    kind: text('kind').$type<PredictionKind>().notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<'training' | 'ready' | 'failed' | 'retired'>().notNull().default('training'),
    live: boolean('live').notNull().default(false),
    method: text('method').notNull(),
    horizonDays: integer('horizon_days').notNull(),
    /** Features strictly before it; labels (when evaluated) strictly after. */
    asOf: tstz('as_of').notNull(),
    trainedAt: tstz('trained_at'),
    shoppers: integer('shoppers').notNull().default(0),
    metrics: jsonb('metrics').$type<Record<string, unknown>>().notNull().default({}),
    artefact: jsonb('artefact').$type<Record<string, unknown>>(),
    /**
     * The model card's data (issue 8): population, reference feature and score distributions for
     * drift, partial-dependence curves, limitations; lib/predict/card `ModelCardData`. Null for
     * versions trained before cards existed.
     */
    card: jsonb('card').$type<Record<string, unknown>>(),
    error: text('error'),
    jobId: text('job_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('prediction_models_version_idx').on(t.tenantId, t.kind, t.version),
    uniqueIndex('prediction_models_live_idx').on(t.tenantId, t.kind).where(sql`${t.live}`),
  ],
);

/**
 * The live model's latest score per shopper and kind. `score` is a probability for churn and
 * propensity, the expected 12-month spend (minor units, workspace currency) for clv, and the top
 * category's probability for preference; `detail` holds the rest (top categories, expected
 * purchases …). Explanations are computed on demand from the model and the features.
 */
export const shopperScores = pgTable(
  'shopper_scores',
  {
    tenantId: tenantId(),
    shopperId: uuid('shopper_id').notNull(),
    kind: text('kind').$type<PredictionKind>().notNull(),
    modelId: uuid('model_id').notNull(),
    score: doublePrecision('score').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    scoredAt: tstz('scored_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shopperId, t.kind] }),
    index('shopper_scores_kind_idx').on(t.tenantId, t.kind, t.score),
  ],
);

export const SEGMENT_KINDS = ['rules', 'rfm', 'cluster'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** A named group of shoppers; `rules` is lib/segments/schemas.ts `SegmentRules`. */
export const segments = pgTable(
  'segments',
  {
    tenantId: tenantId(),
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').$type<SegmentKind>().notNull().default('rules'),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('segments_name_idx').on(t.tenantId, t.name),
  ],
);

/** Daily size of each segment (the "size over time" chart), written by `segments.snapshot`. */
export const segmentSizes = pgTable(
  'segment_sizes',
  {
    tenantId: tenantId(),
    segmentId: uuid('segment_id').notNull(),
    day: date('day').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.segmentId, t.day] })],
);

/**
 * Stored conversion rates into the workspace currency (`tenants.currency`): one unit of
 * `currency` is `rate` units of the workspace currency. Set by the merchant (Settings → Currency
 * rates); cross-border analytics converts with them and says which currencies had no rate.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    tenantId: tenantId(),
    currency: text('currency').notNull(),
    rate: doublePrecision('rate').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.currency] })],
);
