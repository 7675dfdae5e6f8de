/**
 * The contracts shared by the parts of personalized advertising (issue 6): what a generator is
 * asked for and returns, what a guardrail says, and what the serving path decides. Storage shapes
 * are in db/schema/ads.ts; channel limits in ./channels.ts.
 */
import type { AdChannel, AdProvider, CampaignObjective, CreativeFields, StoredCheck } from '@/db/schema/ads';

export type { AdChannel, AdProvider, CampaignObjective, CreativeFields, StoredCheck };

/** Locales every provider must support (the template engine has a phrase table for each). */
export const AD_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja', 'zh', 'ko'] as const;
export type AdLocale = (typeof AD_LOCALES)[number];

/** One product as the copy may mention it: every number and name here is the catalog's own. */
export interface ProductFact {
  id: string;
  externalId: string;
  /** Title in the requested locale, else the product's first title. */
  title: string;
  brand: string | null;
  /** Deepest category name, e.g. "Shirts". */
  category: string | null;
  priceMinor: number;
  currency: string;
  /** Price before a discount (attributes.compare_at_price_minor), null when not discounted. */
  compareAtMinor: number | null;
  /** Whole percent off, derived from the two prices, null when not discounted. */
  discountPercent: number | null;
}

/** What a segment cares about, from the shopper profiles of its members. */
export interface SegmentBrief {
  /** null = all shoppers of the campaign. */
  id: string | null;
  name: string;
  size: number;
  /** Most-bought categories and brands of the members with their share of members, 0..1. */
  topCategories: { name: string; share: number }[];
  topBrands: { name: string; share: number }[];
  /** The members' most common price band, null when unknown. */
  priceBand: 'budget' | 'mid' | 'premium' | null;
  /** The most common RFM segment, e.g. "at_risk", null when the members have no orders. */
  rfmSegment: string | null;
}

export interface GenerationRequest {
  channel: AdChannel;
  locale: AdLocale;
  objective: CampaignObjective;
  segment: SegmentBrief;
  /** 1–5 products the copy is about, most relevant first. */
  products: ProductFact[];
  brandName: string | null;
  requiredTerms: string[];
  bannedWords: string[];
  /** 0..1.5 */
  temperature: number;
  /** Seeds every random choice, so a generation run is reproducible. */
  seed: number;
  /** How many candidates to return (each a complete creative for the channel). */
  count: number;
  /**
   * Failures of the previous attempt ("headlines[2]: 34 of 30 characters"), so a model can do
   * better on the retry; generators that cannot use it ignore it.
   */
  feedback?: string[];
}

/** One complete creative proposed by a generator, before the guardrails. */
export interface Candidate {
  fields: CreativeFields;
  /** The products (ids of `GenerationRequest.products`) the copy mentions. */
  productIds: string[];
}

/**
 * A copy generator (provider). Implementations: template (always available, offline default),
 * openai (any OpenAI-compatible chat endpoint), local (Transformers.js text-generation).
 * generate() throws GeneratorError for provider failures (unreachable, timeout, bad answer).
 */
export interface CopyGenerator {
  readonly provider: AdProvider;
  /** What produced the text: a model name or "template:v1". */
  readonly model: string;
  generate(request: GenerationRequest, signal?: AbortSignal): Promise<Candidate[]>;
}

export type GeneratorErrorCode = 'unreachable' | 'timeout' | 'http_error' | 'bad_response' | 'model_missing';

export class GeneratorError extends Error {
  constructor(
    readonly code: GeneratorErrorCode,
    message: string,
    /** HTTP status of the provider, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GeneratorError';
  }
}

/** Names of the guardrails; every provider's output passes all of them or is not shipped. */
export const GUARDRAIL_IDS = [
  'fields',
  'length',
  'language',
  'catalog_facts',
  'personal_data',
  'banned_words',
  'required_terms',
  'duplicate',
] as const;
export type GuardrailId = (typeof GUARDRAIL_IDS)[number];

export interface CheckResult extends StoredCheck {
  check: GuardrailId;
}

/** What the guardrails check against, per campaign run. */
export interface GuardrailContext {
  channel: AdChannel;
  locale: AdLocale;
  /** Every product the copy may mention (names, prices and discounts are checked against these). */
  products: ProductFact[];
  brandName: string | null;
  bannedWords: string[];
  requiredTerms: string[];
  /** Normalized texts already used in this campaign (for the duplicate check); the pipeline adds to it. */
  seen: Set<string>;
}

/** Result of generating one slot (segment × locale × channel) through the guardrails. */
export interface SlotResult {
  accepted: { candidate: Candidate; checks: CheckResult[]; attempt: number }[];
  rejected: { candidate: Candidate; failed: CheckResult[]; attempt: number }[];
  /** Provider failures that ended the slot early (e.g. the endpoint timed out on every attempt). */
  errors: { code: GeneratorErrorCode; message: string }[];
}

/** Context features of one on-site decision (LinUCB); one-hot, see lib/ads/bandit/features.ts. */
export interface DecisionContext {
  segmentId: string | null;
  locale: string | null;
  device: 'mobile' | 'desktop' | 'tablet' | null;
}

/** What the storefront gets for one ad slot. */
export interface AdDecision {
  /** Signed token naming campaign, creative, context key and experiment; sent back with feedback. */
  token: string;
  creativeId: string;
  campaignId: string;
  locale: string;
  channel: 'banner';
  fields: CreativeFields;
  /** Where a click goes: the first product's URL, or null. */
  url: string | null;
  imageUrl: string | null;
  /** 'bandit' | 'experiment' (the shopper's assigned arm) */
  via: 'bandit' | 'experiment';
}
