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
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/**
 * Issue 6, personalized advertising. Campaigns, their generated creatives with the guardrail
 * results, the bandit's per-arm counters and A/B experiments. Nothing here holds a shopper id:
 * creatives are written per segment, counters are aggregates, experiment assignment is a hash.
 * The shared types live in lib/ads/types.ts; these are only the storage shapes.
 */

export const AD_CHANNELS = ['google-rsa', 'meta', 'email', 'banner'] as const;
export type AdChannel = (typeof AD_CHANNELS)[number];

export const AD_PROVIDERS = ['template', 'openai', 'local'] as const;
export type AdProvider = (typeof AD_PROVIDERS)[number];

export const CAMPAIGN_OBJECTIVES = ['sales', 'reengagement', 'launch'] as const;
export type CampaignObjective = (typeof CAMPAIGN_OBJECTIVES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** candidate → approved (serves) | rejected (by the merchant); paused by the bandit or by hand. */
export const CREATIVE_STATUSES = ['candidate', 'approved', 'rejected', 'paused'] as const;
export type CreativeStatus = (typeof CREATIVE_STATUSES)[number];

/** Share of the budget per channel, 0..1, summing to 1 over the campaign's channels. */
export type BudgetSplit = Partial<Record<AdChannel, number>>;

/** How on-site creatives of a campaign are chosen (lib/ads/bandit). */
export interface CampaignOptimization {
  policy: 'thompson' | 'linucb';
  /** What counts as a success for the bandit. */
  reward: 'click' | 'conversion';
  /** Every serving arm keeps at least this share of traffic, 0..0.2. */
  explorationFloor: number;
  /** Pause an arm once it is a clear loser (probability to be best below 1 % after 500 impressions). */
  autoPause: boolean;
  /** LinUCB's exploration weight α (only for policy 'linucb'). */
  alpha: number;
}

/** The copy of one creative: per field of the channel, one or more texts (lib/ads/channels.ts). */
export type CreativeFields = Record<string, string[]>;

/** One guardrail's verdict on a candidate (lib/ads/guardrails). */
export interface StoredCheck {
  check: string;
  passed: boolean;
  /** Why it failed, in words a merchant understands; absent when it passed. */
  reason?: string;
  /** Which field and text index failed, e.g. "headlines[3]". */
  field?: string;
}

/** How a creative came to be, for the gallery and for regeneration. */
export interface CreativeGeneration {
  provider: AdProvider;
  /** Model or template set id, e.g. "gpt-4o-mini" or "template:v1". */
  model: string;
  /** Which attempt passed (1 = first try), of at most `maxAttempts`. */
  attempt: number;
  seed: number;
  /** Candidates of this slot that failed a guardrail and were dropped, with their first failure. */
  dropped: { fields: CreativeFields; failed: StoredCheck[] }[];
}

export const adSettings = pgTable(
  'ad_settings',
  {
    tenantId: tenantId(),
    provider: text('provider').$type<AdProvider>().notNull().default('template'),
    /** OpenAI-compatible chat endpoint: base URL (…/v1), model and key (sealed by lib/secrets). */
    openaiBaseUrl: text('openai_base_url'),
    openaiModel: text('openai_model'),
    openaiKeySealed: text('openai_key_sealed'),
    /** A Transformers.js text-generation model id under MODELS_DIR, e.g. "tailor/tiny-gpt2". */
    localModel: text('local_model'),
    /** The store's brand name, used in copy and as a default required term. */
    brandName: text('brand_name'),
    /** Words no creative may contain (case- and accent-insensitive, whole words). */
    bannedWords: text('banned_words').array().notNull().default([]),
    /** Terms every creative must contain at least once across its fields. */
    requiredTerms: text('required_terms').array().notNull().default([]),
    /** 0..1.5: variation of the generators (sampling temperature, template variant spread). */
    temperature: real('temperature').notNull().default(0.7),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

export const adCampaigns = pgTable(
  'ad_campaigns',
  {
    tenantId: tenantId(),
    id: idColumn(),
    name: text('name').notNull(),
    objective: text('objective').$type<CampaignObjective>().notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    /** Target segments (segments.id); empty = all shoppers. */
    segmentIds: uuid('segment_ids').array().notNull().default([]),
    /** 'recommended': the recommender picks per segment; 'manual': `productIds` for every segment. */
    productMode: text('product_mode').$type<'recommended' | 'manual'>().notNull().default('recommended'),
    productIds: uuid('product_ids').array().notNull().default([]),
    locales: text('locales').array().notNull(),
    channels: text('channels').$type<AdChannel[]>().array().notNull(),
    /** Total budget in minor units of `currency` (null = not planned here) and its split by channel. */
    budgetMinor: integer('budget_minor'),
    currency: text('currency'),
    budgetSplit: jsonb('budget_split').$type<BudgetSplit>().notNull().default({}),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** The on-site slot (data-tailor-ad="…") where this campaign's banner creatives serve. */
    placementKey: text('placement_key'),
    optimization: jsonb('optimization')
      .$type<CampaignOptimization>()
      .notNull()
      .default({ policy: 'thompson', reward: 'click', explorationFloor: 0.05, autoPause: true, alpha: 1 }),
    /** Progress of the last generation run, for the editor (jobs table has the details). */
    lastGeneratedAt: tstz('last_generated_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('ad_campaigns_placement_idx').on(t.tenantId, t.placementKey),
  ],
);

export const adCreatives = pgTable(
  'ad_creatives',
  {
    tenantId: tenantId(),
    id: idColumn(),
    campaignId: uuid('campaign_id').notNull(),
    /** Target segment, null = all shoppers of the campaign. */
    segmentId: uuid('segment_id'),
    locale: text('locale').notNull(),
    channel: text('channel').$type<AdChannel>().notNull(),
    /** Products the copy is about (their facts were checked against the catalog). */
    productIds: uuid('product_ids').array().notNull().default([]),
    fields: jsonb('fields').$type<CreativeFields>().notNull(),
    status: text('status').$type<CreativeStatus>().notNull().default('candidate'),
    /** The guardrail results of the current fields (all passed, or it would not be stored). */
    checks: jsonb('checks').$type<StoredCheck[]>().notNull().default([]),
    generation: jsonb('generation').$type<CreativeGeneration>().notNull(),
    /** True once a person edited the generated text (edits are re-checked). */
    edited: boolean('edited').notNull().default(false),
    /** Why it is paused, e.g. "auto: probability to be best 0.4 % after 812 impressions". */
    pausedReason: text('paused_reason'),
    approvedAt: tstz('approved_at'),
    approvedBy: uuid('approved_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('ad_creatives_campaign_idx').on(t.tenantId, t.campaignId, t.segmentId, t.locale, t.channel),
  ],
);

/**
 * Bandit counters per creative and context key ('' = all traffic, 'segment:<id>', 'exp:<id>'),
 * flushed from memory by the serving path. Thompson sampling reads them as Beta posteriors.
 */
export const adArmStats = pgTable(
  'ad_arm_stats',
  {
    tenantId: tenantId(),
    creativeId: uuid('creative_id').notNull(),
    contextKey: text('context_key').notNull().default(''),
    campaignId: uuid('campaign_id').notNull(),
    impressions: integer('impressions').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    conversions: integer('conversions').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.creativeId, t.contextKey] }),
    index('ad_arm_stats_campaign_idx').on(t.tenantId, t.campaignId),
  ],
);

/** LinUCB state per arm: A = I + Σ x xᵀ (d×d, row-major) and b = Σ r x, over the context features. */
export const adLinucbState = pgTable(
  'ad_linucb_state',
  {
    tenantId: tenantId(),
    creativeId: uuid('creative_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    dimensions: integer('dimensions').notNull(),
    a: doublePrecision('a').array().notNull(),
    b: doublePrecision('b').array().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.creativeId] })],
);

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Sample-size plan of an experiment (lib/ads/experiments/plan.ts). */
export interface ExperimentPlan {
  baselineRate: number;
  /** Smallest relative lift worth detecting, e.g. 0.1 = +10 %. */
  minDetectableLift: number;
  alpha: number;
  power: number;
  /** Impressions needed per arm. */
  perArm: number;
}

export const adExperiments = pgTable(
  'ad_experiments',
  {
    tenantId: tenantId(),
    id: idColumn(),
    campaignId: uuid('campaign_id').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<ExperimentStatus>().notNull().default('draft'),
    /** The creatives compared; the first is the control. Traffic splits evenly by shopper hash. */
    creativeIds: uuid('creative_ids').array().notNull(),
    metric: text('metric').$type<'click' | 'conversion'>().notNull().default('click'),
    plan: jsonb('plan').$type<ExperimentPlan>().notNull(),
    /** Salt of the assignment hash, so a shopper's arm is stable within and independent across experiments. */
    salt: text('salt').notNull(),
    startedAt: tstz('started_at'),
    stoppedAt: tstz('stopped_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('ad_experiments_campaign_idx').on(t.tenantId, t.campaignId),
  ],
);
