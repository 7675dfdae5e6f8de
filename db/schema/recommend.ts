import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/** bytea as a Node Buffer: both drivers return one (PGlite a Uint8Array, normalised on read). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const MODEL_STATUSES = ['training', 'ready', 'failed', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** What the training measured, stored with the version so the UI can compare and roll back. */
export interface ModelMetrics {
  /** Mean NDCG@10 of the learned blend on the validation window (the liveness criterion). */
  validationNdcg: number;
  validationDays: number;
  /** Configuration each tuned component chose, and its validation NDCG per candidate. */
  tuning: Record<string, { chosen: string; scores: Record<string, number> }>;
  trainingMs: number;
}

/**
 * One trained recommendation model per row and version. `artefact` is everything serving needs
 * (lib/recommend/train/artefact.ts), so a request never refits; the partial unique index keeps
 * at most one live version per workspace.
 */
export const recommendModels = pgTable(
  'recommend_models',
  {
    tenantId: tenantId(),
    id: idColumn(),
    version: integer('version').notNull(),
    status: text('status').$type<ModelStatus>().notNull().default('training'),
    live: boolean('live').notNull().default(false),
    trainedAt: tstz('trained_at'),
    /** Data cutoff: interactions strictly before it were used. */
    asOf: tstz('as_of').notNull(),
    dataFrom: tstz('data_from'),
    dataTo: tstz('data_to'),
    shoppers: integer('shoppers').notNull().default(0),
    items: integer('items').notNull().default(0),
    interactions: integer('interactions').notNull().default(0),
    metrics: jsonb('metrics').$type<ModelMetrics | Record<string, never>>().notNull().default({}),
    /** Feature name → learned blend weight. */
    weights: jsonb('weights').$type<Record<string, number>>().notNull().default({}),
    artefact: bytea('artefact'),
    artefactBytes: integer('artefact_bytes').notNull().default(0),
    /** Why it failed, or why a ready version was not made live (safe, no raw exception text). */
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('recommend_models_version_idx').on(t.tenantId, t.version),
    uniqueIndex('recommend_models_live_idx').on(t.tenantId).where(sql`${t.live}`),
  ],
);

export const PLACEMENT_SCENARIOS = [
  'for_you',
  'similar',
  'bought_together',
  'trending',
  'buy_again',
  'recently_viewed',
] as const;
export type PlacementScenario = (typeof PLACEMENT_SCENARIOS)[number];

/**
 * A named, configured recommendation slot of the storefront ('home-for-you'). `rules` is the
 * rules engine's `PlacementRules`, typed where that engine lives.
 */
export const placements = pgTable(
  'placements',
  {
    tenantId: tenantId(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    scenario: text('scenario').$type<PlacementScenario>().notNull(),
    count: integer('count').notNull().default(8),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    /** Locale → widget title. */
    titles: jsonb('titles').$type<Record<string, string>>().notNull().default({}),
    layout: text('layout').notNull().default('grid'),
    status: text('status').$type<'active' | 'paused'>().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('placements_key_idx').on(t.tenantId, t.key),
    index('placements_scenario_idx').on(t.tenantId, t.scenario),
  ],
);

export const EVALUATION_PROTOCOLS = ['all', 'new-items'] as const;
export type EvaluationProtocol = (typeof EVALUATION_PROTOCOLS)[number];

/**
 * One offline evaluation run (issue 10, "Offline evaluation"): the hybrid and the baselines
 * at one cutoff and protocol. `report` is lib/recommend/eval's report as JSON (rows per model
 * with metrics and confidence intervals), so the Model quality page, the CLI and the tests
 * read the same numbers.
 */
export const recommendEvaluations = pgTable(
  'recommend_evaluations',
  {
    tenantId: tenantId(),
    id: idColumn(),
    cutoff: tstz('cutoff').notNull(),
    protocol: text('protocol').$type<EvaluationProtocol>().notNull(),
    status: text('status').$type<'running' | 'ready' | 'failed'>().notNull().default('running'),
    report: jsonb('report').$type<Record<string, unknown>>(),
    error: text('error'),
    jobId: text('job_id'),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('recommend_evaluations_time_idx').on(t.tenantId, t.createdAt),
  ],
);
