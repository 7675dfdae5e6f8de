/**
 * What the ads services return to the dashboard, the CLI and the API: plain serializable shapes
 * (dates as Date, money as minor units), never a sealed secret. The storage shapes are in
 * db/schema/ads.ts; these add what a page needs (segment names, counts per status).
 */
import type {
  AdChannel,
  AdProvider,
  BudgetSplit,
  CampaignObjective,
  CampaignOptimization,
  CampaignStatus,
  CreativeFields,
  CreativeGeneration,
  CreativeStatus,
  StoredCheck,
} from '@/db/schema/ads';
import type { AdLocale, CheckResult } from './types';

export type {
  AdChannel,
  AdProvider,
  BudgetSplit,
  CampaignObjective,
  CampaignOptimization,
  CampaignStatus,
  CreativeFields,
  CreativeGeneration,
  CreativeStatus,
  StoredCheck,
};

/** Creatives of a campaign by status. */
export type CreativeCounts = Record<CreativeStatus, number>;

/** One row of the campaigns list. */
export interface CampaignSummary {
  id: string;
  name: string;
  objective: CampaignObjective;
  status: CampaignStatus;
  channels: AdChannel[];
  locales: AdLocale[];
  /** Names of the target segments in the campaign's order; empty = all shoppers. */
  segmentNames: string[];
  /** ISO dates (YYYY-MM-DD) or null when open. */
  startsOn: string | null;
  endsOn: string | null;
  counts: CreativeCounts;
  lastGeneratedAt: Date | null;
  updatedAt: Date;
}

/** A campaign as the editor and the detail page see it. */
export interface Campaign {
  id: string;
  name: string;
  objective: CampaignObjective;
  status: CampaignStatus;
  /** Target segment ids; empty = all shoppers. */
  segmentIds: string[];
  /** The same segments with their names (a deleted segment is left out). */
  segments: { id: string; name: string }[];
  productMode: 'recommended' | 'manual';
  /** Products for every segment when productMode is 'manual'. */
  productIds: string[];
  locales: AdLocale[];
  channels: AdChannel[];
  /** Total budget in minor units of `currency`, null = not planned here. */
  budgetMinor: number | null;
  currency: string | null;
  /** Share per channel, 0..1, summing to 1 over `channels`. */
  budgetSplit: BudgetSplit;
  startsOn: string | null;
  endsOn: string | null;
  /** data-tailor-ad placement key where banner creatives serve (required with 'banner'). */
  placementKey: string | null;
  optimization: CampaignOptimization;
  counts: CreativeCounts;
  lastGeneratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One creative for the gallery, with its guardrail results and how it was made. */
export interface CreativeView {
  id: string;
  campaignId: string;
  /** null = all shoppers of the campaign. */
  segmentId: string | null;
  /** Segment name, or null for all shoppers / a deleted segment. */
  segmentName: string | null;
  locale: AdLocale;
  channel: AdChannel;
  productIds: string[];
  /** Titles of `productIds` (first title of each), same order; missing products left out. */
  productTitles: string[];
  fields: CreativeFields;
  status: CreativeStatus;
  /** Guardrail results of the current fields. */
  checks: StoredCheck[];
  /** True when every check passed (only such creatives can be approved). */
  passed: boolean;
  generation: CreativeGeneration;
  edited: boolean;
  pausedReason: string | null;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Ad settings for the settings page: the OpenAI key is never returned, only whether one is set. */
export interface AdSettingsView {
  provider: AdProvider;
  openaiBaseUrl: string | null;
  openaiModel: string | null;
  /** True when a sealed key is stored. */
  keySet: boolean;
  localModel: string | null;
  brandName: string | null;
  bannedWords: string[];
  requiredTerms: string[];
  /** 0..1.5 */
  temperature: number;
  /** Null until the workspace saved settings once (defaults shown). */
  updatedAt: Date | null;
}

/** Filter of the creative gallery; absent keys mean "any". `segmentId: null` = all-shoppers slot. */
export interface CreativeFilter {
  segmentId?: string | null;
  locale?: string;
  channel?: AdChannel;
  status?: CreativeStatus;
}

/** A generation slot: one segment (null = all shoppers) × locale × channel. */
export interface GenerationSlot {
  segmentId: string | null;
  locale: AdLocale;
  channel: AdChannel;
}

/** Result of a creative edit: the stored creative, or the checks that failed (nothing saved). */
export type EditCreativeResult = { ok: true; creative: CreativeView } | { ok: false; failed: CheckResult[] };
