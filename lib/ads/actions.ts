'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import {
  approveCreative,
  createCampaign,
  deleteCampaign,
  editCreative,
  pauseCreative,
  rejectCreative,
  resumeCreative,
  setCampaignStatus,
  startGeneration,
  testGenerator,
  updateAdSettings,
  updateCampaign,
} from './service';
import type { SlotResult } from './types';
import type { AdSettingsView, EditCreativeResult } from './views';

type IdResult = ActionResult<{ id: string }>;
const idOf = (input: Record<string, unknown>) => String(input.id ?? '');

const create = tenantAction('ads.manage', async (db, ctx, input) => ({
  id: (await createCampaign(db, ctx, input)).id,
}));
/**
 * Creates a draft campaign. Fields: `tenant` and the campaign input of lib/ads/schemas.ts (lists
 * as repeated fields, `budgetSplit` and `optimization` as JSON). Success: `{ id }`.
 */
export async function createCampaignAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return create(prev, formData);
}

const update = tenantAction('ads.manage', async (db, ctx, input) => ({
  id: (await updateCampaign(db, ctx, idOf(input), input)).id,
}));
/** Saves a campaign. Fields: as create plus `id`. */
export async function updateCampaignAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return update(prev, formData);
}

const remove = tenantAction('ads.manage', async (db, ctx, input) => deleteCampaign(db, ctx, idOf(input)));
/** Deletes a campaign with its creatives. Fields: `tenant`, `id`. */
export async function deleteCampaignAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return remove(prev, formData);
}

const status = tenantAction('ads.manage', async (db, ctx, input) => ({
  id: (await setCampaignStatus(db, ctx, idOf(input), input.status)).id,
}));
/** Sets a campaign's status. Fields: `tenant`, `id`, `status` (draft | active | paused | ended). */
export async function setCampaignStatusAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return status(prev, formData);
}

/** `slots` as JSON / a list, or one slot as `segmentId` ('' or 'all' = all shoppers), `locale`, `channel`. */
function slotsOf(input: Record<string, unknown>): unknown {
  if (typeof input.slots === 'string') {
    try {
      return JSON.parse(input.slots);
    } catch {
      return input.slots;
    }
  }
  if (input.slots !== undefined) return input.slots;
  if (input.locale === undefined && input.channel === undefined) return undefined;
  const segment = String(input.segmentId ?? '');
  return [
    {
      segmentId: segment === '' || segment === 'all' ? null : segment,
      locale: input.locale,
      channel: input.channel,
    },
  ];
}

const generate = tenantAction('ads.manage', async (db, ctx, input) =>
  startGeneration(db, ctx, String(input.campaignId ?? input.id ?? ''), { slots: slotsOf(input) }),
);
/**
 * Queues generation of a campaign (every slot), or regenerates one slot. Fields: `tenant`,
 * `campaignId`, optional `slots` (JSON) or `segmentId` + `locale` + `channel`. Success: `{ jobId, created }`.
 */
export async function startGenerationAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ jobId: string; created: boolean }>> {
  return generate(prev, formData);
}

const creativeAction = (run: typeof approveCreative) =>
  tenantAction('ads.manage', async (db, ctx, input) => ({ id: (await run(db, ctx, idOf(input))).id }));
const approve = creativeAction(approveCreative);
const reject = creativeAction(rejectCreative);
const pause = creativeAction(pauseCreative);
const resume = creativeAction(resumeCreative);

/** Approves a creative whose checks passed (it then serves). Fields: `tenant`, `id`. */
export async function approveCreativeAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return approve(prev, formData);
}
/** Rejects a creative. Fields: `tenant`, `id`. */
export async function rejectCreativeAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return reject(prev, formData);
}
/** Pauses an approved creative. Fields: `tenant`, `id`. */
export async function pauseCreativeAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return pause(prev, formData);
}
/** Resumes a paused creative. Fields: `tenant`, `id`. */
export async function resumeCreativeAction(prev: unknown, formData: FormData): Promise<IdResult> {
  return resume(prev, formData);
}

const edit = tenantAction('ads.manage', async (db, ctx, input) =>
  editCreative(db, ctx, idOf(input), input.fields),
);
/**
 * Edits a creative's copy. Fields: `tenant`, `id`, `fields` (JSON `{ field: texts }`). Success
 * data is `{ ok: true, creative }` or `{ ok: false, failed }` (the guardrails refused; nothing saved).
 */
export async function editCreativeAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<EditCreativeResult>> {
  return edit(prev, formData);
}

const settings = tenantAction('ads.manage', async (db, ctx, input) => updateAdSettings(db, ctx, input));
/** Saves the ad settings. Fields: `tenant` and lib/ads/settings-schema.ts (key write-only). */
export async function updateAdSettingsAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<AdSettingsView>> {
  return settings(prev, formData);
}

const test = tenantAction('ads.manage', async (db, ctx, input) =>
  testGenerator(db, ctx, {
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
  }),
);
/** Generates one sample with the saved settings (nothing stored). Fields: `tenant`, optional `locale`, `channel`. */
export async function testGeneratorAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<SlotResult>> {
  return test(prev, formData);
}
