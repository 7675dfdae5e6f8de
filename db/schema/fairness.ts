import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import type { PredictionKind } from './shoppers';
import { tenantId } from './tenants';

/**
 * Issue 8, explanations and fairness. Everything here is aggregate: no table holds a shopper id,
 * so an erasure never has to look here. Per-shopper explanations are computed on demand.
 */

/** Exposure-aware re-ranking the merchant can switch on for storefront recommendations. */
export interface RecommendationMitigation {
  /** Minimum share of each list's slots for new products (0 = off), 0..0.5. */
  newItemFloor: number;
  /** A product is "new" for this many days after it was published. */
  newItemDays: number;
  /** Minimum share of each list's slots for products of small brands (0 = off), 0..0.5. */
  smallBrandFloor: number;
  /** Calibrated recommendations (Steck 2018): 0 = off, 1 = match the shopper's category mix fully. */
  calibration: number;
}

/** Per-group decision thresholds for churn / propensity lists (off = one threshold for everyone). */
export interface PredictionMitigation {
  /** How shoppers are grouped: 'country', 'tenure' (new vs returning) or a sensitive attribute key. */
  groupBy: string;
  /** Which gap the per-group thresholds close. */
  target: 'selection_rate' | 'true_positive_rate';
  enabled: boolean;
}

export const fairnessSettings = pgTable(
  'fairness_settings',
  {
    tenantId: tenantId(),
    recommendations: jsonb('recommendations')
      .$type<RecommendationMitigation>()
      .notNull()
      .default({ newItemFloor: 0, newItemDays: 30, smallBrandFloor: 0, calibration: 0 }),
    predictions: jsonb('predictions')
      .$type<PredictionMitigation>()
      .notNull()
      .default({ groupBy: 'country', target: 'selection_rate', enabled: false }),
    /**
     * Shopper attribute keys (shoppers.attributes) the store declares sensitive (age band, gender …):
     * fairness reports group by them only for roles with `shoppers.sensitive`.
     */
    sensitiveAttributes: text('sensitive_attributes').array().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

export const FAIRNESS_SUBJECTS = ['recommendations', 'predictions'] as const;
export type FairnessSubject = (typeof FAIRNESS_SUBJECTS)[number];

/**
 * One fairness measurement: `report` is lib/fairness's RecommendationFairnessReport or
 * PredictionFairnessReport (JSON), computed by the `fairness.report` job on a held-out period.
 */
export const fairnessReports = pgTable(
  'fairness_reports',
  {
    tenantId: tenantId(),
    id: idColumn(),
    subject: text('subject').$type<FairnessSubject>().notNull(),
    /** Prediction kind for subject 'predictions' (churn | propensity); null for recommendations. */
    modelKind: text('model_kind').$type<PredictionKind>(),
    status: text('status').$type<'running' | 'ready' | 'failed'>().notNull().default('running'),
    /** The settings the report measured (mitigation as configured when it ran). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    report: jsonb('report').$type<Record<string, unknown>>(),
    error: text('error'),
    jobId: text('job_id'),
    computedAt: tstz('computed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('fairness_reports_subject_idx').on(t.tenantId, t.subject, t.createdAt),
  ],
);

export type DriftStatus = 'stable' | 'moderate' | 'major';

/**
 * Drift of a live prediction model: the current population's features and scores against the
 * reference distributions stored in its card (prediction_models.card). `features` is
 * [{ feature, label, psi, status }] largest PSI first; `scores` the score histogram then and now.
 */
export const modelDrift = pgTable(
  'model_drift',
  {
    tenantId: tenantId(),
    id: idColumn(),
    modelId: uuid('model_id').notNull(),
    kind: text('kind').$type<PredictionKind>().notNull(),
    computedAt: tstz('computed_at').notNull().defaultNow(),
    /** The instant the current population's features were computed as of. */
    asOf: tstz('as_of').notNull(),
    population: integer('population').notNull(),
    scorePsi: doublePrecision('score_psi').notNull(),
    maxFeaturePsi: real('max_feature_psi').notNull(),
    status: text('status').$type<DriftStatus>().notNull(),
    features: jsonb('features').$type<Record<string, unknown>[]>().notNull(),
    scores: jsonb('scores').$type<Record<string, unknown>>().notNull(),
    /** Set when a member dismissed the dashboard alert for this measurement. */
    acknowledged: boolean('acknowledged').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('model_drift_model_idx').on(t.tenantId, t.modelId, t.computedAt),
  ],
);
