/**
 * Starting a generation run from the dashboard or the API ("Generate", "Regenerate" one slot),
 * and the settings page's "Test provider", which generates one sample without storing it.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, notFound } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { getJobDefinition } from '@/lib/jobs/registry';
import { isUuid } from '@/lib/segments/inputs';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { planSlot, runPlannedSlot, seedOf } from './generation';
import { resolveGenerator } from './generate/registry';
import { getCampaignRow } from './queries';
import { selectSlots } from './run';
import { adChannelSchema, adLocaleSchema, generationSlotSchema } from './schemas';
import { loadCopyRules, loadGeneratorSettings, requireAdsManage } from './settings';
import { AD_LOCALES, type AdLocale, type CopyGenerator, GeneratorError, type SlotResult } from './types';

const GENERATE_JOB_TYPE = 'ads.generate';

/** The job type, registered: by the runner's lib/jobs/all.ts, else by loading ./jobs here. */
async function generateJobType(): Promise<string> {
  if (!getJobDefinition(GENERATE_JOB_TYPE)) await import('./jobs');
  return GENERATE_JOB_TYPE;
}

const startInput = z.object({ slots: z.array(generationSlotSchema).min(1).max(2000).optional() });

/**
 * Queues the 'ads.generate' run of a campaign: every slot, or `slots` (regenerate: that slot's
 * candidates are replaced, approved creatives stay). One run per campaign at a time: while one is
 * queued or running, its id is returned (`created: false`). Audited when queued.
 * @throws AppError forbidden without `ads.manage`, not_found, validation_failed for slots that
 *   are malformed or not the campaign's.
 */
export async function startGeneration(
  db: Db,
  ctx: TenantContext,
  campaignId: string,
  input: { slots?: unknown } = {},
): Promise<{ jobId: string; created: boolean }> {
  requireAdsManage(ctx);
  if (!isUuid(campaignId)) throw notFound('Campaign not found.');
  const campaign = await getCampaignRow(db, ctx, campaignId);
  if (!campaign) throw notFound('Campaign not found.');
  const { slots } = parseOrThrow(startInput, input ?? {});
  if (slots && selectSlots(campaign, slots).length !== slots.length) {
    const message = 'A slot is not one of the campaign’s segments, languages and channels.';
    throw new AppError('validation_failed', message, { slots: [message] });
  }
  const payload = { campaignId, ...(slots ? { slots } : {}) };
  const { job, created } = await enqueueJob(db, ctx, await generateJobType(), payload, {
    dedupeKey: `${GENERATE_JOB_TYPE}:${campaignId}`,
  });
  if (created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: job.id,
      details: { type: job.type, campaignId, slots: slots?.length ?? 'all' },
    });
  }
  return { jobId: job.id, created };
}

const testInput = z.object({
  locale: adLocaleSchema.optional(),
  channel: adChannelSchema.default('google-rsa'),
});

/**
 * "Test provider": one sample slot (all shoppers, the workspace's best sellers, `locale` default
 * the workspace's language when supported, `channel` default google-rsa) through the configured
 * provider and the guardrails; nothing is stored. Provider failures are in `errors`.
 * @throws AppError forbidden without `ads.manage` (a test may cost the merchant API credit),
 *   validation_failed when the provider's settings are incomplete or the key cannot be read.
 */
export async function testGenerator(db: Db, ctx: TenantContext, input: unknown = {}): Promise<SlotResult> {
  requireAdsManage(ctx);
  const options = parseOrThrow(testInput, input ?? {});
  const tenant = await getTenant(db, ctx);
  const base = (tenant?.locale ?? 'en').slice(0, 2).toLowerCase();
  const locale: AdLocale =
    options.locale ?? (AD_LOCALES.includes(base as AdLocale) ? (base as AdLocale) : 'en');
  let generator: CopyGenerator;
  try {
    generator = resolveGenerator(await loadGeneratorSettings(db, ctx));
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    return { accepted: [], rejected: [], errors: [{ code: error.code, message: error.message }] };
  }
  const planned = await planSlot(
    db,
    ctx,
    { objective: 'sales', productMode: 'recommended', productIds: [] },
    { segmentId: null, locale, channel: options.channel },
    await loadCopyRules(db, ctx),
    { seed: seedOf(`test|${Date.now()}`), seen: new Set() },
  );
  return runPlannedSlot(generator, planned, { want: 1, maxAttempts: 2 });
}
