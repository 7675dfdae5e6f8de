/**
 * A generation run of a campaign (the body of the 'ads.generate' job): for each slot
 * (segment × locale × channel) it deletes the slot's creatives that never served, generates through
 * the guardrails and stores the accepted ones as candidates, in one transaction with the run's
 * checkpoint, so a restarted run skips the slots it already finished and never stores a slot twice.
 */
import type { Db, Executor } from '@/db/client';
import type { AdChannel, CreativeGeneration } from '@/db/schema/ads';
import { AppError } from '@/lib/errors';
import { JobError } from '@/lib/jobs/types';
import type { TenantContext } from '@/lib/tenant/context';
import { type SlotSource, planSlot, runPlannedSlot, seedOf, slotKey } from './generation';
import { resolveGenerator } from './generate/registry';
import { seenKeys } from './guardrails';
import {
  type CampaignRow,
  deleteSlotCandidates,
  getCampaignRow,
  insertCreatives,
  listCreativeRows,
  updateCampaignRow,
} from './queries';
import type { GenerationPayload } from './schemas';
import { loadCopyRules, loadGeneratorSettings } from './settings';
import { type AdLocale, type CopyGenerator, GeneratorError, type SegmentBrief } from './types';
import type { GenerationSlot } from './views';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** What a run remembers between attempts: finished slot keys and running totals. */
export interface RunCheckpoint {
  [key: string]: unknown;
  done: string[];
  accepted: number;
  rejected: number;
  errors: number;
}

export interface RunHooks {
  /** The run's id (the job id): seeds every slot and is stored in each creative's generation. */
  runId: string;
  resume?: RunCheckpoint | null;
  progress?: (done: number, total: number, message: string) => void;
  throwIfCancelled?: () => void;
  /** Aborts a generator call in flight (job cancellation, timeout). */
  signal?: AbortSignal;
  /** Persists the checkpoint inside the slot's transaction. */
  saveCheckpoint?: (value: RunCheckpoint, tx: Executor) => Promise<void>;
  /** Tests and the bench pass a generator; otherwise the workspace's configured one. */
  generator?: CopyGenerator;
}

export interface RunSummary {
  [key: string]: unknown;
  campaignId: string;
  provider: string;
  model: string;
  slots: number;
  skipped: number;
  accepted: number;
  rejected: number;
  errors: number;
  firstError: string | null;
}

/** Every slot of a campaign: its segments (or all shoppers) × locales × channels. */
export function campaignSlots(c: Pick<CampaignRow, 'segmentIds' | 'locales' | 'channels'>): GenerationSlot[] {
  const segments = c.segmentIds.length > 0 ? c.segmentIds : [null];
  return segments.flatMap((segmentId) =>
    c.locales.flatMap((locale) =>
      (c.channels as AdChannel[]).map((channel) => ({ segmentId, locale: locale as AdLocale, channel })),
    ),
  );
}

/** The asked slots that belong to the campaign (others are ignored), or all of them. */
export function selectSlots(campaign: CampaignRow, asked?: GenerationSlot[]): GenerationSlot[] {
  const all = campaignSlots(campaign);
  if (!asked) return all;
  const keys = new Set(asked.map(slotKey));
  return all.filter((s) => keys.has(slotKey(s)));
}

/**
 * Runs generation for a campaign. Throws a non-retryable JobError when the campaign is gone, no
 * slot is left, or the provider is not configured; a provider that fails every slot fails the run
 * with its message (the accepted slots stay stored).
 */
export async function runGeneration(
  db: Db,
  ctx: Tenant,
  payload: GenerationPayload,
  hooks: RunHooks,
): Promise<RunSummary> {
  const campaign = await getCampaignRow(db, ctx, payload.campaignId);
  if (!campaign) throw new JobError('The campaign no longer exists.', { retryable: false });
  const slots = selectSlots(campaign, payload.slots);
  if (slots.length === 0)
    throw new JobError('None of the asked slots belongs to the campaign.', { retryable: false });
  let generator: CopyGenerator;
  try {
    generator = hooks.generator ?? resolveGenerator(await loadGeneratorSettings(db, ctx));
  } catch (error) {
    if (error instanceof AppError || error instanceof GeneratorError)
      throw new JobError(error.message, { retryable: false, cause: error });
    throw error;
  }
  const rules = await loadCopyRules(db, ctx);
  const source: SlotSource = campaign;
  const state: RunCheckpoint = hooks.resume ?? { done: [], accepted: 0, rejected: 0, errors: 0 };
  const done = new Set(state.done);
  const running = new Set(slots.map(slotKey));
  // Texts that stay (served or from other slots) must not be repeated by the new creatives.
  const seen = new Set(
    (await listCreativeRows(db, ctx, campaign.id))
      .filter((r) => {
        const key = slotKey({ segmentId: r.segmentId, locale: r.locale as AdLocale, channel: r.channel });
        return !(running.has(key) && !done.has(key) && (r.status === 'candidate' || r.status === 'rejected'));
      })
      .flatMap((r) => seenKeys(r.fields, r.channel as AdChannel)),
  );
  const briefs = new Map<string, SegmentBrief>();
  let skipped = 0;
  let firstError: string | null = null;
  for (const [i, slot] of slots.entries()) {
    const key = slotKey(slot);
    if (done.has(key)) continue;
    hooks.throwIfCancelled?.();
    const seed = seedOf(`${hooks.runId}|${key}`);
    let planned: Awaited<ReturnType<typeof planSlot>> | null = null;
    try {
      planned = await planSlot(db, ctx, source, slot, rules, { seed, seen, briefs });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      skipped += 1; // the segment was deleted since the campaign was saved
    }
    const result = planned
      ? await runPlannedSlot(generator, planned, hooks.signal ? { signal: hooks.signal } : {})
      : { accepted: [], rejected: [], errors: [] };
    const dropped = result.rejected.map((r) => ({ fields: r.candidate.fields, failed: r.failed }));
    if (result.errors.length > 0) firstError ??= result.errors[0]?.message ?? null;
    state.accepted += result.accepted.length;
    state.rejected += result.rejected.length;
    state.errors += result.errors.length;
    state.done = [...done.add(key)];
    await db.transaction(async (tx) => {
      await deleteSlotCandidates(tx, ctx, campaign.id, slot);
      await insertCreatives(
        tx,
        result.accepted.map((a) => {
          const generation: CreativeGeneration & { runId: string } = {
            provider: generator.provider,
            model: generator.model,
            attempt: a.attempt,
            seed,
            dropped,
            runId: hooks.runId,
          };
          return {
            tenantId: ctx.tenantId,
            campaignId: campaign.id,
            segmentId: slot.segmentId,
            locale: slot.locale,
            channel: slot.channel,
            productIds: a.candidate.productIds,
            fields: a.candidate.fields,
            status: 'candidate' as const,
            checks: a.checks,
            generation,
          };
        }),
      );
      await hooks.saveCheckpoint?.({ ...state, done: [...state.done] }, tx);
    });
    const name = `${planned?.brief.name ?? 'Deleted segment'} · ${slot.locale} · ${slot.channel}`;
    hooks.progress?.(
      i + 1,
      slots.length,
      `${name}: ${result.accepted.length} kept, ${result.rejected.length} dropped`,
    );
  }
  await updateCampaignRow(db, ctx, campaign.id, { lastGeneratedAt: new Date() });
  const summary: RunSummary = {
    campaignId: campaign.id,
    provider: generator.provider,
    model: generator.model,
    slots: slots.length,
    skipped,
    accepted: state.accepted,
    rejected: state.rejected,
    errors: state.errors,
    firstError,
  };
  if (state.accepted === 0 && state.errors > 0)
    throw new JobError(`The ${generator.provider} provider failed: ${firstError ?? 'no answer'}`, {
      retryable: false,
    });
  return summary;
}
