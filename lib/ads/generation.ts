/**
 * One generation slot (segment × locale × channel) from the database to the guardrails: the
 * segment brief, the products and their facts, the request, and H2's pipeline over the chosen
 * generator. Shared by the 'ads.generate' job, the settings page's "Test provider", the CLI's dry
 * run and the bench, so all four generate exactly alike.
 */
import type { Executor } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { buildSegmentBrief } from './brief';
import { generateSlot } from './pipeline';
import { type ProductSource, pickProducts } from './products';
import type { AdCopyRules } from './settings';
import type {
  CampaignObjective,
  CopyGenerator,
  GenerationRequest,
  GuardrailContext,
  SegmentBrief,
  SlotResult,
} from './types';
import type { GenerationSlot } from './views';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Creatives kept per slot (two gives the bandit and experiments something to compare). */
export const WANT_PER_SLOT = 2;
/** Candidates asked per attempt: twice what is kept, since some fail a guardrail. */
export const CANDIDATES_PER_ATTEMPT = 4;
export const MAX_ATTEMPTS = 3;

/** What a slot is generated from: the campaign's objective and product choice. */
export interface SlotSource extends ProductSource {
  objective: CampaignObjective;
}

export interface PlannedSlot {
  slot: GenerationSlot;
  brief: SegmentBrief;
  request: GenerationRequest;
  guard: GuardrailContext;
}

/** FNV-1a over a string: a stable 32-bit seed from a run id and slot key. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** "segment|locale|channel" ("all" for the all-shoppers slot): the slot's identity in checkpoints and seeds. */
export const slotKey = (s: GenerationSlot) => `${s.segmentId ?? 'all'}|${s.locale}|${s.channel}`;

/**
 * Builds the request and guardrail context of one slot. `seen` is shared across the slots of a
 * run (the pipeline adds accepted texts), so no two creatives of a campaign repeat a text.
 * Throws not_found when the slot's segment no longer exists.
 */
export async function planSlot(
  exec: Executor,
  ctx: Tenant,
  source: SlotSource,
  slot: GenerationSlot,
  rules: AdCopyRules,
  options: { seed: number; seen: Set<string>; briefs?: Map<string, SegmentBrief> },
): Promise<PlannedSlot> {
  const briefKey = slot.segmentId ?? 'all';
  let brief = options.briefs?.get(briefKey);
  if (!brief) {
    brief = await buildSegmentBrief(exec, ctx, slot.segmentId);
    options.briefs?.set(briefKey, brief);
  }
  const products = await pickProducts(exec, ctx, source, slot.segmentId, slot.locale);
  const request: GenerationRequest = {
    channel: slot.channel,
    locale: slot.locale,
    objective: source.objective,
    segment: brief,
    products,
    brandName: rules.brandName,
    requiredTerms: rules.requiredTerms,
    bannedWords: rules.bannedWords,
    temperature: rules.temperature,
    seed: options.seed,
    count: CANDIDATES_PER_ATTEMPT,
  };
  const guard: GuardrailContext = {
    channel: slot.channel,
    locale: slot.locale,
    products,
    brandName: rules.brandName,
    bannedWords: rules.bannedWords,
    requiredTerms: rules.requiredTerms,
    seen: options.seen,
  };
  return { slot, brief, request, guard };
}

/**
 * Runs the pipeline for a planned slot: up to MAX_ATTEMPTS attempts until WANT_PER_SLOT
 * creatives pass every guardrail. Provider failures are in `errors`, never thrown (an abort of
 * `signal` is). A slot
 * without products still runs (the copy then may name no product or price).
 */
export async function runPlannedSlot(
  generator: CopyGenerator,
  planned: PlannedSlot,
  options: { want?: number; maxAttempts?: number; signal?: AbortSignal } = {},
): Promise<SlotResult> {
  return generateSlot(generator, planned.request, planned.guard, {
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    want: options.want ?? WANT_PER_SLOT,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
